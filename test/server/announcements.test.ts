import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { RETURNERS } from '../../server/seed/returners.js';
import { PROBLEM_CONTENT_TYPE, type TestServer, startTestServer } from './harness.js';

const misaki = RETURNERS.find((story) => story.alumnus.givenName === '美咲')!; // published
const shota = RETURNERS.find((story) => story.alumnus.givenName === '翔太')!; // draft

describe('announcements', () => {
  let server: TestServer;
  let hr: string;
  let employee: string;
  let alumni: string;
  /** Shota's own token: role employee, sub = his alumni id (the seed's convention). */
  let shotaToken: string;
  let misakiToken: string;

  before(async () => {
    server = await startTestServer();
    hr = await server.bearer('hr');
    employee = await server.bearer('employee');
    alumni = await server.bearer('alumni');
    shotaToken = await server.bearer('employee', { sub: shota.alumnus.id });
    misakiToken = await server.bearer('employee', { sub: misaki.alumnus.id });
  });
  after(() => server.close());

  const request = (path: string, authorization: string | null, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    server.app.request(path, {
      method: init.method ?? 'GET',
      headers: {
        ...(authorization && { Authorization: authorization }),
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const list = async (authorization: string, query = '') => {
    const response = await request(`/api/v1/announcements${query}`, authorization);
    assert.equal(response.status, 200);
    return response.json();
  };
  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  async function assertProblem(response: Response, status: number, kind: string) {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const problem = await response.json();
    assert.equal(problem.type, PROBLEM_TYPE_BASE + kind);
    return problem;
  }

  async function draft(body: Record<string, unknown> = {}) {
    const response = await request('/api/v1/announcements', hr, {
      method: 'POST',
      body: { kind: 'welcome-back', returnerId: shota.id, message: 'Welcome back!', ...body },
    });
    assert.equal(response.status, 201, await response.clone().text());
    return response.json();
  }

  describe('visibility', () => {
    it('answers the public with 401: the card is for signed-in viewers', async () => {
      await assertProblem(await request('/api/v1/announcements', null), 401, 'unauthorized');
      await assertProblem(await request(`/api/v1/announcements/${misaki.announcement.id}`, null), 401, 'unauthorized');
    });

    it('shows employees and alumni published announcements only, newest first, composed with the returner', async () => {
      for (const token of [employee, alumni]) {
        const page = await list(token, '?kind=welcome-back');
        assert.ok(!ids(page).includes(shota.announcement.id), 'the draft stays hidden');
        assert.deepEqual(
          page.items.map((item: { status: string }) => item.status),
          page.items.map(() => 'published'),
        );
        const published = page.items.map((item: { publishedAt: string }) => item.publishedAt);
        assert.deepEqual(published, [...published].sort().reverse());
      }
      const card = (await list(employee)).items.find((item: { id: string }) => item.id === misaki.announcement.id);
      assert.equal(card.returner.familyName, '佐藤');
      assert.equal(card.returner.newRole, misaki.newRole);
      assert.equal(card.returner.newTeam, misaki.newTeam);
      assert.deepEqual(card.returner.previousTenure, { joined: '2014-04', left: '2019-03', department: { en: 'Product', ja: 'プロダクト' } });
      assert.match(card.returner.returnDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(card.askMeAbout, misaki.announcement.askMeAbout);
      assert.equal(card.reactions.reactors, undefined, 'colleagues see the count, not who reacted');
    });

    it('shows a draft to HR and to the returner, and 404 to anyone else', async () => {
      const path = `/api/v1/announcements/${shota.announcement.id}`;
      assert.ok(ids(await list(hr)).includes(shota.announcement.id));
      assert.ok(ids(await list(shotaToken)).includes(shota.announcement.id));
      assert.ok(!ids(await list(misakiToken)).includes(shota.announcement.id), 'another returner does not see it');
      const own = await (await request(path, shotaToken)).json();
      assert.equal(own.status, 'draft');
      assert.deepEqual(own.viewer, { isReturner: true, canApprove: true, canReact: false });
      assert.equal((await (await request(path, hr)).json()).viewer.canApprove, true);
      for (const token of [employee, alumni, misakiToken]) {
        await assertProblem(await request(path, token), 404, 'not-found');
      }
    });

    it('pages with an opaque cursor and refuses a forged one', async () => {
      const first = await list(hr, '?limit=2');
      assert.equal(first.items.length, 2);
      assert.ok(first.nextCursor);
      const second = await list(hr, `?limit=2&cursor=${first.nextCursor}`);
      const all = await list(hr, '?limit=50');
      assert.deepEqual([...ids(first), ...ids(second)], ids(all).slice(0, 4));
      const problem = await assertProblem(await request('/api/v1/announcements?cursor=nonsense', hr), 400, 'validation');
      assert.deepEqual(problem.errors, { cursor: 'invalid' });
      assert.deepEqual((await assertProblem(await request('/api/v1/announcements?limit=0', hr), 400, 'validation')).errors, { limit: 'out_of_range' });
    });
  });

  describe('drafting (HR)', () => {
    it('creates a draft that only HR and the returner see, and audits it', async () => {
      const created = await draft({ askMeAbout: ['Kubernetes'] });
      assert.equal(created.status, 'draft');
      assert.equal(created.publishedAt, null);
      assert.equal(created.returner.id, shota.id);
      assert.deepEqual(created.reactions, { count: 0, mine: false, reactors: [] });
      await assertProblem(await request(`/api/v1/announcements/${created.id}`, employee), 404, 'not-found');
      assert.equal((await request(`/api/v1/announcements/${created.id}`, shotaToken)).status, 200);
      const audit = (await server.store.audit.list({ action: 'announcement.create', subject: created.id })).map((row) => row.actorSub);
      assert.deepEqual(audit, [DEMO_PERSONAS.hr]);
    });

    it('is HR’s job only', async () => {
      const body = { kind: 'welcome-back', returnerId: shota.id };
      for (const token of [employee, alumni, shotaToken]) {
        await assertProblem(await request('/api/v1/announcements', token, { method: 'POST', body }), 403, 'forbidden');
      }
      await assertProblem(await request('/api/v1/announcements', null, { method: 'POST', body }), 401, 'unauthorized');
    });

    it('returns text verbatim and refuses text over the limits with field codes', async () => {
      const text = '  <b>佐藤</b> & "quotes"\n二行目 🎉  ';
      const created = await draft({ message: text, whileAway: 'x'.repeat(500), askMeAbout: ['a'.repeat(50), '<script>'] });
      assert.equal(created.message, text);
      assert.equal(created.whileAway, 'x'.repeat(500));
      assert.deepEqual(created.askMeAbout, ['a'.repeat(50), '<script>']);
      const response = await request('/api/v1/announcements', hr, {
        method: 'POST',
        body: {
          kind: 'welcome-back', returnerId: 'rt_nobody', message: 'm'.repeat(1001), whileAway: 'w'.repeat(501),
          askMeAbout: ['1', '2', '3', '4', '5', '6'], extra: true,
        },
      });
      const problem = await assertProblem(response, 400, 'validation');
      assert.deepEqual(problem.errors, { message: 'too_long', whileAway: 'too_long', askMeAbout: 'too_long', extra: 'unknown_field' });
      const topic = await request('/api/v1/announcements', hr, { method: 'POST', body: { kind: 'welcome-back', returnerId: shota.id, askMeAbout: ['t'.repeat(51)] } });
      assert.deepEqual((await assertProblem(topic, 400, 'validation')).errors, { 'askMeAbout.0': 'too_long' });
      const unknown = await request('/api/v1/announcements', hr, { method: 'POST', body: { kind: 'welcome-back', returnerId: 'rt_nobody' } });
      assert.deepEqual((await assertProblem(unknown, 400, 'validation')).errors, { returnerId: 'invalid_choice' });
      const kind = await request('/api/v1/announcements', hr, { method: 'POST', body: { kind: 'farewell', returnerId: shota.id } });
      assert.deepEqual((await assertProblem(kind, 400, 'validation')).errors, { kind: 'invalid_choice' });
    });

    it('creates one draft for one Idempotency-Key', async () => {
      const before = Number(await server.sql.value('SELECT COUNT(*) FROM announcements'));
      const send = () => request('/api/v1/announcements', hr, {
        method: 'POST', body: { kind: 'welcome-back', returnerId: shota.id }, headers: { 'Idempotency-Key': 'draft-once-1' },
      });
      const [a, b] = await Promise.all([send(), send()]);
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.equal((await a.json()).id, (await b.json()).id);
      assert.equal(Number(await server.sql.value('SELECT COUNT(*) FROM announcements')), before + 1);
    });
  });

  describe('approval', () => {
    it('lets the returner approve their own draft, with edits to their text; then everyone sees it', async () => {
      const created = await draft();
      const response = await request(`/api/v1/announcements/${created.id}/approve`, shotaToken, {
        method: 'POST',
        body: { message: 'ただいま戻りました。\nよろしくお願いします。', askMeAbout: ['採用'] },
      });
      assert.equal(response.status, 200);
      const approved = await response.json();
      assert.equal(approved.status, 'published');
      assert.ok(approved.publishedAt);
      assert.equal(approved.message, 'ただいま戻りました。\nよろしくお願いします。');
      assert.deepEqual(approved.askMeAbout, ['採用']);
      assert.equal(approved.whileAway, null, 'a field left out keeps the draft’s value (none here)');
      assert.equal((await list(employee)).items[0].id, created.id, 'newest published comes first');
      const rows = await server.sql.rows('SELECT approved_by, approval_reason FROM announcements WHERE id = ?', created.id);
      assert.deepEqual(rows, [{ approved_by: shota.alumnus.id, approval_reason: null }]);
      const [audit] = await server.store.audit.list({ action: 'announcement.approve', subject: created.id });
      assert.equal(audit!.actorSub, shota.alumnus.id);
      assert.deepEqual((audit!.detail as { edited: string[] }).edited, ['message', 'askMeAbout']);
    });

    it('accepts the returner’s returner id as their sub too', async () => {
      const created = await draft();
      const token = await server.bearer('employee', { sub: shota.id });
      assert.equal((await request(`/api/v1/announcements/${created.id}/approve`, token, { method: 'POST', body: {} })).status, 200);
    });

    it('lets HR approve on the returner’s behalf only with a reason, which is recorded', async () => {
      const created = await draft();
      const path = `/api/v1/announcements/${created.id}/approve`;
      const missing = await request(path, hr, { method: 'POST', body: {} });
      assert.deepEqual((await assertProblem(missing, 400, 'validation')).errors, { reason: 'required' });
      const blank = await request(path, hr, { method: 'POST', body: { reason: '   ' } });
      assert.deepEqual((await assertProblem(blank, 400, 'validation')).errors, { reason: 'required' });
      const response = await request(path, hr, { method: 'POST', body: { reason: 'Confirmed by phone' } });
      assert.equal(response.status, 200);
      const rows = await server.sql.rows('SELECT status, approved_by, approval_reason FROM announcements WHERE id = ?', created.id);
      assert.deepEqual(rows, [{ status: 'published', approved_by: DEMO_PERSONAS.hr, approval_reason: 'Confirmed by phone' }]);
    });

    it('refuses anyone else: 404 for a draft they cannot see, 403 for a published one', async () => {
      const created = await draft();
      for (const token of [employee, alumni, misakiToken]) {
        await assertProblem(await request(`/api/v1/announcements/${created.id}/approve`, token, { method: 'POST', body: {} }), 404, 'not-found');
      }
      await assertProblem(await request(`/api/v1/announcements/${misaki.announcement.id}/approve`, employee, { method: 'POST', body: {} }), 403, 'forbidden');
      assert.equal((await server.store.announcements.access(created.id))?.status, 'draft');
    });

    it('answers a repeated approval unchanged, and refuses edits after publication', async () => {
      const path = `/api/v1/announcements/${misaki.announcement.id}/approve`;
      const again = await request(path, misakiToken, { method: 'POST', body: {} });
      assert.equal(again.status, 200);
      assert.equal((await again.json()).message, misaki.announcement.message);
      await assertProblem(await request(path, misakiToken, { method: 'POST', body: { message: 'late edit' } }), 400, 'bad-request');
    });
  });

  describe('reactions', () => {
    async function published() {
      const created = await draft();
      await request(`/api/v1/announcements/${created.id}/approve`, shotaToken, { method: 'POST', body: {} });
      return created.id as string;
    }
    const react = (id: string, token: string, method: 'PUT' | 'DELETE' = 'PUT') =>
      request(`/api/v1/announcements/${id}/reactions/me`, token, { method });

    it('counts one reaction per viewer however often it is sent, and takes it back idempotently', async () => {
      const id = await published();
      const first = await react(id, employee);
      assert.equal(first.status, 200);
      assert.deepEqual(await first.json(), { count: 1, mine: true });
      assert.deepEqual(await (await react(id, employee)).json(), { count: 1, mine: true });
      assert.deepEqual(await (await react(id, alumni)).json(), { count: 2, mine: true });
      assert.deepEqual(await (await react(id, employee, 'DELETE')).json(), { count: 1, mine: false });
      assert.deepEqual(await (await react(id, employee, 'DELETE')).json(), { count: 1, mine: false });
      const card = await (await request(`/api/v1/announcements/${id}`, alumni)).json();
      assert.deepEqual(card.reactions, { count: 1, mine: true });
      const actions = (await server.store.audit.list({ subject: id }))
        .map((row) => row.action)
        .filter((action) => /^announcement\..*react$/.test(action));
      assert.deepEqual(actions, ['announcement.react', 'announcement.react', 'announcement.unreact']);
    });

    it('never double counts concurrent PUTs', async () => {
      const id = await published();
      const answers = await Promise.all(Array.from({ length: 20 }, () => react(id, employee)));
      assert.deepEqual(answers.map((answer) => answer.status), answers.map(() => 200));
      assert.equal(Number(await server.sql.value('SELECT COUNT(*) FROM reactions WHERE announcement_id = ?', id)), 1);
      const more = await Promise.all([employee, alumni, employee, alumni].map((token) => react(id, token)));
      assert.deepEqual(more.map((answer) => answer.status), [200, 200, 200, 200]);
      assert.equal((await (await request(`/api/v1/announcements/${id}`, employee)).json()).reactions.count, 2);
    });

    it('shows the returner and HR who reacted, nobody else', async () => {
      const id = await published();
      await react(id, employee);
      await react(id, alumni);
      const names = (card: { reactions: { reactors: { familyName: string }[] } }) => card.reactions.reactors.map((person) => person.familyName);
      const own = await (await request(`/api/v1/announcements/${id}`, shotaToken)).json();
      assert.deepEqual(names(own), ['中村', '伊藤']);
      assert.equal(own.reactions.count, 2);
      assert.deepEqual(names(await (await request(`/api/v1/announcements/${id}`, hr)).json()), ['中村', '伊藤']);
      assert.equal((await (await request(`/api/v1/announcements/${id}`, employee)).json()).reactions.reactors, undefined);
    });

    it('costs the same number of queries for one announcement as for many (no query per announcement)', async () => {
      const listQueries = async (token: string) => {
        let status = 0;
        const queries = await server.database.countQueries(async () => {
          status = (await request('/api/v1/announcements?limit=50', token)).status;
        });
        assert.equal(status, 200);
        return queries;
      };
      await react(await published(), employee);
      const few = { hr: await listQueries(hr), employee: await listQueries(employee) };
      for (let i = 0; i < 6; i++) {
        const id = await published();
        await react(id, employee);
        await react(id, alumni);
      }
      const listed = await list(hr, '?limit=50');
      assert.ok(listed.items.length >= 8, `${listed.items.length} announcements listed`);
      assert.deepEqual({ hr: await listQueries(hr), employee: await listQueries(employee) }, few);
    });

    it('refuses drafts, the returner, HR and the public', async () => {
      const draftId = (await draft()).id;
      await assertProblem(await react(draftId, employee), 404, 'not-found');
      await assertProblem(await react(draftId, shotaToken), 403, 'forbidden');
      await assertProblem(await react(misaki.announcement.id, misakiToken), 403, 'forbidden');
      await assertProblem(await react(misaki.announcement.id, hr), 403, 'forbidden');
      await assertProblem(await react(misaki.announcement.id, null as unknown as string), 401, 'unauthorized');
      await assertProblem(await react('an_missing', employee), 404, 'not-found');
    });
  });
});
