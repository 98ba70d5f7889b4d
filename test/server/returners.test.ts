import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { awaySince, generateChecklist } from '../../server/domain/checklist-template.js';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import type { ChecklistTemplateItem } from '../../server/domain/checklist-template.js';
import { ORG_CHANGES } from '../../server/seed/org-changes.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { RETURNERS } from '../../server/seed/returners.js';
import { type TestServer, startTestServer } from './harness.js';

const changes = ORG_CHANGES as Parameters<typeof generateChecklist>[0]['orgChanges'];

/** A two-item template: the generator's rules do not depend on the company's actual one. */
const TEMPLATE: ChecklistTemplateItem[] = [
  {
    category: 'what-changed',
    owner: 'returner',
    dueOffsetDays: 3,
    required: true,
    title: { en: 'Read the summary', ja: 'まとめを読む' },
    description: null,
  },
  {
    category: 'accounts',
    owner: 'it',
    dueOffsetDays: -3,
    required: true,
    title: { en: 'Laptop ready', ja: 'PCの準備' },
    description: { en: 'Before day one.', ja: '初日までに。' },
  },
];

describe('checklist template generation', () => {
  it('adds one "what changed" item per change since the month after departure, up to the return date', () => {
    const drafts = generateChecklist({ language: 'en', leftMonth: '2021-06', returnDate: '2024-12-01', orgChanges: changes, template: TEMPLATE });
    assert.equal(drafts.length, TEMPLATE.length + 4);
    assert.deepEqual(drafts[1], {
      categoryId: 'accounts',
      owner: 'it',
      dueOffsetDays: -3,
      required: true,
      title: 'Laptop ready',
      description: 'Before day one.',
      sort: 2,
      orgChangeId: null,
    });
    const generated = drafts.filter((draft) => draft.orgChangeId !== null);
    assert.deepEqual(
      generated.map((draft) => draft.title),
      [
        'Organization: Product and Engineering merged into one division', // 2021-07-01: the month after leaving
        'Systems and tools: New expense system with receipt photos',
        'Work: Quarterly OKRs replaced annual targets',
        'Policies: Flexible hours without core time',
      ],
    );
    assert.ok(generated.every((draft) => draft.categoryId === 'what-changed' && draft.owner === 'returner'));
    assert.ok(Math.min(...generated.map((d) => d.sort)) > TEMPLATE.length);
  });

  it('leaves out changes made before departure, and speaks the returner’s language', () => {
    const drafts = generateChecklist({ language: 'ja', leftMonth: '2025-04', returnDate: '2026-01-10', orgChanges: changes, template: TEMPLATE });
    assert.equal(drafts.length, TEMPLATE.length, 'the 2025-04-01 change happened before they left');
    assert.equal(drafts[0]!.title, TEMPLATE[0]!.title.ja);
    assert.equal(awaySince('2019-12'), '2020-01-01');
    assert.equal(awaySince(null), '0000-01-01');
  });

  it('seeds the demo returners with the same generator', async () => {
    const server = await startTestServer();
    try {
      const misaki = RETURNERS[0]!; // left 2019-03: every seeded change happened while she was away
      const returner = (await server.store.returners.get(misaki.id))!;
      const checklist = await server.store.checklists.read(returner, 'hr');
      const template = await server.store.checklistTemplate.list();
      assert.equal(checklist.items.length, template.length + ORG_CHANGES.length);
    } finally {
      await server.close();
    }
  });
});

describe('/api/v1/returners', () => {
  let server: TestServer;
  let hr: string;
  before(async () => {
    server = await startTestServer();
    hr = await server.bearer('hr');
  });
  after(() => server.close());

  const create = (body: unknown, authorization = hr, headers: Record<string, string> = {}) =>
    server.app.request('/api/v1/returners', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Authorization: authorization, ...headers },
    });
  const someAlumnus = async () =>
    (
      await server.sql.rows<{ id: string; left_month: string }>(
        "SELECT id, left_month FROM alumni WHERE id NOT IN (SELECT alumni_id FROM returners) AND left_month < '2021-01' ORDER BY id LIMIT 1",
      )
    )[0]!;

  it('lists returners for HR, latest return first, page by page', async () => {
    const first = await server.app.request('/api/v1/returners?limit=3', { headers: { Authorization: hr } });
    assert.equal(first.status, 200);
    const page = await first.json();
    assert.equal(page.items.length, 3);
    const dates = page.items.map((item: { returnDate: string }) => item.returnDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(page.nextCursor);
    const second = await (
      await server.app.request(`/api/v1/returners?limit=3&cursor=${page.nextCursor}`, { headers: { Authorization: hr } })
    ).json();
    assert.equal(second.items.length, 1);
    assert.equal(second.nextCursor, null);
    const bad = await server.app.request('/api/v1/returners?cursor=zzz', { headers: { Authorization: hr } });
    assert.equal(bad.status, 400);
  });

  it('refuses employees and alumni', async () => {
    for (const role of ['employee', 'alumni'] as const) {
      const authorization = await server.bearer(role);
      const listed = await server.app.request('/api/v1/returners', { headers: { Authorization: authorization } });
      assert.equal(listed.status, 403);
      assert.equal((await create({ alumniId: (await someAlumnus()).id, returnDate: '2027-01-04' }, authorization)).status, 403);
    }
  });

  it('creates a returner from an alumnus with a generated checklist the returner can then open', async () => {
    const alumnus = await someAlumnus();
    const response = await create({
      alumniId: alumnus.id,
      returnDate: '2027-01-04',
      managerId: DEMO_PERSONAS.employee,
      newRole: 'Staff engineer',
      language: 'en',
    });
    assert.equal(response.status, 201);
    const returner = await response.json();
    assert.match(returner.id, /^rt_/);
    assert.equal(returner.alumniId, alumnus.id);
    assert.equal(returner.manager.id, DEMO_PERSONAS.employee);
    assert.equal(response.headers.get('location'), `/api/v1/returners/${returner.id}/checklist`);

    const own = await server.bearer('employee', { sub: alumnus.id });
    const checklist = await (await server.app.request('/api/v1/returners/me/checklist', { headers: { Authorization: own } })).json();
    assert.equal(checklist.returner.id, returner.id);
    const since = awaySince(alumnus.left_month);
    const expectedChanges = ORG_CHANGES.filter((change) => change.effectiveDate >= since).length;
    assert.ok(expectedChanges > 0);
    const template = await server.store.checklistTemplate.list();
    assert.equal(template.length, 12, 'the template migration 4 stores');
    assert.equal(checklist.items.length, template.length + expectedChanges);
    assert.ok(checklist.items.every((item: { done: boolean; version: number }) => !item.done && item.version === 1));
    assert.equal(checklist.items[0].title, template[0]!.title.en);

    const audit = await server.store.audit.list({ action: 'returner.create', subject: returner.id });
    assert.deepEqual(audit.map((row) => row.actorSub), [DEMO_PERSONAS.hr]);
  });

  it('creates once per Idempotency-Key', async () => {
    const body = { alumniId: (await someAlumnus()).id, returnDate: '2027-02-01' };
    const headers = { 'Idempotency-Key': 'returner-create-1' };
    const first = await (await create(body, hr, headers)).json();
    const again = await create(body, hr, headers);
    assert.equal(again.status, 201);
    assert.equal((await again.json()).id, first.id);
    const page = await server.store.returners.list({ limit: 100, after: null });
    assert.equal(page.items.filter((returner) => returner.alumniId === body.alumniId).length, 1);
  });

  it('maps bad fields to codes', async () => {
    const response = await create({ alumniId: 'al_nobody', returnDate: '2027-02-30', managerId: 'em_nobody', extra: true });
    assert.equal(response.status, 400);
    const problem = await response.json();
    assert.equal(problem.type, PROBLEM_TYPE_BASE + 'validation');
    assert.deepEqual(problem.errors, { returnDate: 'invalid_date', extra: 'unknown_field' });
    const unknown = await (await create({ alumniId: 'al_nobody', returnDate: '2027-02-01', managerId: 'em_nobody' })).json();
    assert.deepEqual(unknown.errors, { alumniId: 'invalid_choice', managerId: 'invalid_choice' });
    const missing = await (await create({})).json();
    assert.deepEqual(missing.errors, { alumniId: 'required', returnDate: 'required' });
  });
});
