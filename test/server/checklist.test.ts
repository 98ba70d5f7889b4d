import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { RETURNERS } from '../../server/seed/returners.js';
import { PROBLEM_CONTENT_TYPE, type TestServer, startTestServer } from './harness.js';

// 田中 翔太: returning in ten days; his manager is the employee demo persona (中村 健一).
const SHOTA = RETURNERS[1]!;
// 佐藤 美咲: back for three weeks; managed by someone else.
const MISAKI = RETURNERS[0]!;

interface Item {
  id: string;
  categoryId: string;
  owner: string;
  done: boolean;
  version: number;
  title: string;
  doneBy: { id: string; familyName: string } | null;
  dueDate: string;
  dueOffsetDays: number;
}

describe('the re-onboarding checklist', () => {
  let server: TestServer;
  let hr: string;
  let manager: string;
  let returner: string;
  before(async () => {
    server = await startTestServer();
    hr = await server.bearer('hr');
    manager = await server.bearer('employee');
    returner = await server.bearer('employee', { sub: SHOTA.alumnus.id });
  });
  after(() => server.close());

  const url = (id: string, rest = '') => `/api/v1/returners/${id}/checklist${rest}`;
  const get = (id: string, authorization?: string) =>
    server.app.request(url(id), { headers: authorization ? { Authorization: authorization } : {} });
  const read = async (id: string, authorization: string) => {
    const response = await get(id, authorization);
    assert.equal(response.status, 200);
    return { body: await response.json(), etag: response.headers.get('etag') };
  };
  const patch = (id: string, itemId: string, done: boolean, authorization: string, ifMatch?: string | null) =>
    server.app.request(url(id, `/items/${itemId}`), {
      method: 'PATCH',
      body: JSON.stringify({ done }),
      headers: {
        'Content-Type': 'application/json',
        Authorization: authorization,
        ...(ifMatch ? { 'If-Match': ifMatch } : {}),
      },
    });
  const post = (id: string, body: unknown, authorization: string) =>
    server.app.request(url(id, '/items'), {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
    });

  async function assertProblem(response: Response, status: number, kind: string) {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const problem = await response.json();
    assert.equal(problem.type, PROBLEM_TYPE_BASE + kind);
    return problem;
  }

  const itemOwnedBy = async (owner: string, authorization = hr, id = SHOTA.id): Promise<Item> => {
    const { body } = await read(id, authorization);
    const item = (body.items as Item[]).find((candidate) => candidate.owner === owner && !candidate.done);
    assert.ok(item, `an open ${owner} item`);
    return item;
  };

  describe('GET', () => {
    it('gives HR the returner, the categories in order, every item with real due dates, and an ETag', async () => {
      const { body, etag } = await read(SHOTA.id, hr);
      assert.match(etag ?? '', /^".+"$/);
      assert.equal(body.returner.id, SHOTA.id);
      assert.equal(body.returner.person.familyName, '田中');
      assert.deepEqual(
        body.categories.map((category: { id: string }) => category.id),
        ['what-changed', 'training', 'accounts', 'people'],
      );
      const order = body.categories.map((category: { id: string }) => category.id);
      const positions = (body.items as Item[]).map((item) => order.indexOf(item.categoryId));
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'items come in category order');
      const contract = (body.items as Item[]).find((item) => item.dueOffsetDays === -14)!;
      const expected = new Date(Date.parse(`${body.returner.returnDate}T00:00:00Z`) - 14 * 86_400_000);
      assert.equal(contract.dueDate, expected.toISOString().slice(0, 10));
      assert.equal(body.permissions.canAdd, true);
      assert.deepEqual(body.permissions.viewerOwners, ['hr', 'it']);
      assert.equal(body.permissions.canToggle.length, body.items.length);
    });

    it('shows a returner their own checklist at /me, where they may toggle only their own items', async () => {
      const { body } = await read('me', returner);
      assert.equal(body.returner.id, SHOTA.id);
      const own = (body.items as Item[]).filter((item) => item.owner === 'returner').map((item) => item.id);
      assert.ok(own.length > 0);
      assert.deepEqual(body.permissions.canToggle, own);
      assert.equal(body.permissions.canAdd, false);
      assert.deepEqual(body.permissions.viewerOwners, ['returner']);
      // by id too
      assert.equal((await read(SHOTA.id, returner)).body.returner.id, SHOTA.id);
    });

    it('lets the manager toggle every item but not add', async () => {
      const { body } = await read(SHOTA.id, manager);
      assert.equal(body.permissions.canToggle.length, body.items.length);
      assert.equal(body.permissions.canAdd, false);
      assert.deepEqual(body.permissions.viewerOwners, ['manager']);
    });

    it('refuses everyone else', async () => {
      await assertProblem(await get(SHOTA.id), 401, 'unauthorized');
      await assertProblem(await get(SHOTA.id, await server.bearer('alumni')), 403, 'forbidden');
      // another returner, and a manager of someone else
      await assertProblem(await get(SHOTA.id, await server.bearer('employee', { sub: MISAKI.alumnus.id })), 403, 'forbidden');
      await assertProblem(await get(MISAKI.id, manager), 403, 'forbidden');
      await assertProblem(await get('rt_doesnotexist', hr), 404, 'not-found');
      await assertProblem(await get('me', manager), 404, 'not-found');
    });

    it('changes its ETag when an item changes', async () => {
      const first = await read(SHOTA.id, hr);
      const item = await itemOwnedBy('hr');
      assert.equal((await patch(SHOTA.id, item.id, true, hr, `"${item.version}"`)).status, 200);
      const second = await read(SHOTA.id, hr);
      assert.notEqual(second.etag, first.etag);
    });
  });

  describe('PATCH an item', () => {
    it('lets the returner tick their own item, records who and when, bumps the version, and audits it', async () => {
      const item = await itemOwnedBy('returner', returner, 'me');
      const response = await patch('me', item.id, true, returner, `"${item.version}"`);
      assert.equal(response.status, 200);
      const body: Item & { doneAt: string } = await response.json();
      assert.equal(body.done, true);
      assert.equal(body.version, item.version + 1);
      assert.equal(response.headers.get('etag'), `"${item.version + 1}"`);
      assert.equal(body.doneBy?.id, SHOTA.alumnus.id);
      assert.equal(body.doneBy?.familyName, '田中');
      assert.ok(Date.now() - Date.parse(body.doneAt) < 60_000);
      const audit = (await server.store.audit.list({ subject: item.id })).map(({ actorSub, actorRole, action, subject }) => ({
        actorSub,
        actorRole,
        action,
        subject,
      }));
      assert.deepEqual(audit, [{ actorSub: SHOTA.alumnus.id, actorRole: 'employee', action: 'checklist.item.done', subject: item.id }]);
      // and untick
      const undo = await patch('me', item.id, false, returner, `"${body.version}"`);
      assert.equal(undo.status, 200);
      const undone = await undo.json();
      assert.equal(undone.done, false);
      assert.equal(undone.doneBy, null);
    });

    it("refuses the returner someone else's item (403), but the manager and HR may toggle any, IT's included", async () => {
      const managers = await itemOwnedBy('manager');
      await assertProblem(await patch(SHOTA.id, managers.id, true, returner, `"${managers.version}"`), 403, 'forbidden');
      const hrs = await itemOwnedBy('hr');
      assert.equal((await patch(SHOTA.id, hrs.id, true, manager, `"${hrs.version}"`)).status, 200);
      const its = await itemOwnedBy('it');
      const byHr = await patch(SHOTA.id, its.id, true, hr, `"${its.version}"`);
      assert.equal(byHr.status, 200);
      assert.equal((await byHr.json()).doneBy.id, DEMO_PERSONAS.hr);
      await assertProblem(await patch(SHOTA.id, its.id, false, await server.bearer('alumni'), '"1"'), 403, 'forbidden');
    });

    it('requires If-Match (428) and refuses a stale one with the current item (412)', async () => {
      const item = await itemOwnedBy('returner');
      const missing = await assertProblem(await patch(SHOTA.id, item.id, true, hr), 428, 'precondition-required');
      assert.equal(missing.status, 428);
      const stale = await assertProblem(await patch(SHOTA.id, item.id, true, hr, `"${item.version + 5}"`), 412, 'precondition-failed');
      assert.equal(stale.current.id, item.id);
      assert.equal(stale.current.version, item.version);
      assert.equal(stale.current.done, false);
      await assertProblem(await patch(SHOTA.id, item.id, true, hr, 'garbage'), 412, 'precondition-failed');
      // nothing changed
      const after = (await read(SHOTA.id, hr)).body.items.find((each: Item) => each.id === item.id);
      assert.equal(after.version, item.version);
      assert.equal(after.done, false);
      // a weak form of the same version never matches: If-Match compares strongly (RFC 9110 §13.1.1)
      await assertProblem(await patch(SHOTA.id, item.id, true, hr, `W/"${item.version}"`), 412, 'precondition-failed');
      assert.equal((await patch(SHOTA.id, item.id, true, hr, `"${item.version}"`)).status, 200);
    });

    it('never loses an update when two people toggle from the same version at once', async () => {
      const item = await itemOwnedBy('returner');
      const version = `"${item.version}"`;
      // The returner and HR both tick it, each from the version they read.
      const [a, b] = await Promise.all([
        patch(SHOTA.id, item.id, true, returner, version),
        patch(SHOTA.id, item.id, true, hr, version),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 412]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      const won: Item = await winner.json();
      const lost = await loser.json();
      assert.deepEqual(lost.current, won, 'the loser learns exactly what the winner stored');
      // The loser decides again from the current version: their change lands on top, not instead.
      const retry = await patch(SHOTA.id, item.id, false, hr, `"${won.version}"`);
      assert.equal(retry.status, 200);
      assert.equal((await retry.json()).version, item.version + 2);
      const audit = (await server.store.audit.list({ subject: item.id })).map((row) => row.action);
      assert.deepEqual(audit, ['checklist.item.done', 'checklist.item.undone']);
    });

    it('holds across two database connections (processes): the versioned UPDATE refuses a stale write', async () => {
      const other = await server.database.openAnother();
      const returnerRecord = (await server.store.returners.get(SHOTA.id))!;
      const row = (await server.store.checklists.read(returnerRecord, 'hr')).items.find(
        (item) => item.owner === 'manager' && !item.done,
      )!;
      const viewer = { role: 'hr', sub: DEMO_PERSONAS.hr } as const;
      const first = await other.checklists.toggle({ returner: returnerRecord, itemId: row.id, done: true, expectedVersion: row.version, viewer });
      assert.equal(first.kind, 'updated');
      const second = await server.store.checklists.toggle({ returner: returnerRecord, itemId: row.id, done: true, expectedVersion: row.version, viewer });
      assert.equal(second.kind, 'stale');
      assert.equal(second.kind === 'stale' && second.current.version, row.version + 1);
    });

    it('validates the body and the item', async () => {
      const item = await itemOwnedBy('returner');
      const bad = await server.app.request(url(SHOTA.id, `/items/${item.id}`), {
        method: 'PATCH',
        body: JSON.stringify({ done: 'yes', extra: 1 }),
        headers: { 'Content-Type': 'application/json', Authorization: hr, 'If-Match': `"${item.version}"` },
      });
      const problem = await assertProblem(bad, 400, 'validation');
      assert.deepEqual(problem.errors, { done: 'invalid', extra: 'unknown_field' });
      await assertProblem(await patch(SHOTA.id, 'ci_nope', true, hr, '"1"'), 404, 'not-found');
      // an item of another returner is not reachable through this one
      const misakis = (await read(MISAKI.id, hr)).body.items[0] as Item;
      await assertProblem(await patch(SHOTA.id, misakis.id, true, hr, `"${misakis.version}"`), 404, 'not-found');
    });
  });

  describe('POST an item', () => {
    const valid = { title: '新しい経費ルールの説明会', categoryId: 'training', owner: 'returner', dueOffsetDays: -2, required: true };

    it('lets HR add an item, which then shows in its category for everyone', async () => {
      const response = await post(SHOTA.id, { ...valid, description: '詳細は https://intranet.example.com/expenses を参照' }, hr);
      assert.equal(response.status, 201);
      const item: Item = await response.json();
      assert.equal(item.title, valid.title);
      assert.equal(item.done, false);
      assert.equal(item.version, 1);
      const { body } = await read('me', returner);
      const listed: Item[] = body.items;
      const index = listed.findIndex((each) => each.id === item.id);
      assert.ok(index >= 0);
      assert.equal(listed[index + 1]?.categoryId === 'training' || listed[index + 1]?.categoryId === 'accounts', true);
      assert.ok(body.permissions.canToggle.includes(item.id), 'a returner-owned item is the returner’s to toggle');
      const audit = await server.store.audit.list({ action: 'checklist.item.add', subject: item.id });
      assert.deepEqual(audit.map((row) => row.actorRole), ['hr']);
    });

    it('refuses the manager and the returner', async () => {
      await assertProblem(await post(SHOTA.id, valid, manager), 403, 'forbidden');
      await assertProblem(await post('me', valid, returner), 403, 'forbidden');
    });

    it('maps bad fields to codes', async () => {
      const problem = await assertProblem(
        await post(SHOTA.id, { title: '', categoryId: 'x'.repeat(41), owner: 'boss', dueOffsetDays: 400, required: 'y', extra: 1 }, hr),
        400,
        'validation',
      );
      assert.deepEqual(problem.errors, {
        title: 'required',
        categoryId: 'too_long',
        owner: 'invalid_choice',
        dueOffsetDays: 'out_of_range',
        required: 'invalid',
        extra: 'unknown_field',
      });
      const unknown = await assertProblem(await post(SHOTA.id, { ...valid, categoryId: 'nope' }, hr), 400, 'validation');
      assert.deepEqual(unknown.errors, { categoryId: 'invalid_choice' });
    });
  });
});
