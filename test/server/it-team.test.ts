import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { isTeam, mintToken, verifyToken } from '../../server/auth.js';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { DEMO_PERSONAS, IT_PERSONA } from '../../server/seed/personas.js';
import { RETURNERS } from '../../server/seed/returners.js';
import { PROBLEM_CONTENT_TYPE, TEST_SECRET, type TestServer, startTestServer } from './harness.js';

// 田中 翔太, managed by the employee demo persona; 佐藤 美咲, managed by someone else.
const SHOTA = RETURNERS[1]!;
const MISAKI = RETURNERS[0]!;

interface Item {
  id: string;
  owner: string;
  done: boolean;
  version: number;
  doneBy: { id: string; familyName: string } | null;
}

/** A token signed with the right secret but with whatever claims, the way a broken backend might. */
function rawToken(claims: Record<string, unknown>, sub = IT_PERSONA): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(TEST_SECRET));
}

const INVALID_TEAMS: unknown[] = ['IT!!', 'x'.repeat(200), '', 'IT', 'it ', '-it', 'it-', 'i--t', '情報', 42, null, true, ['it'], { id: 'it' }];

describe('the team claim', () => {
  it('is a short lowercase slug', () => {
    for (const team of ['it', 'finance', 'it-helpdesk', 'team2', 'a'.repeat(32)]) assert.ok(isTeam(team), team);
    for (const team of [...INVALID_TEAMS, 'a'.repeat(33)]) assert.ok(!isTeam(team), JSON.stringify(team));
  });

  it('round-trips through mintToken and verifyToken on an employee token, and is absent otherwise', async () => {
    const token = await mintToken(TEST_SECRET, { role: 'employee', sub: IT_PERSONA, team: 'it', ttl: '5m' });
    assert.deepEqual(await verifyToken(TEST_SECRET, token), { role: 'employee', sub: IT_PERSONA, team: 'it' });
    const plain = await mintToken(TEST_SECRET, { role: 'employee', sub: 'em_x', ttl: '5m' });
    assert.deepEqual(await verifyToken(TEST_SECRET, plain), { role: 'employee', sub: 'em_x' });
  });

  it('is refused by mintToken when it is not a slug or not on an employee token', async () => {
    await assert.rejects(mintToken(TEST_SECRET, { role: 'employee', sub: 'em_x', team: 'IT!!', ttl: '5m' }));
    await assert.rejects(mintToken(TEST_SECRET, { role: 'hr', sub: 'em_x', team: 'it', ttl: '5m' }));
  });

  it('makes a token invalid (401) when it is anything but a slug, or on a non-employee token', async () => {
    const server = await startTestServer({ seed: false });
    try {
      const tokens = [
        ...(await Promise.all(INVALID_TEAMS.map((team) => rawToken({ role: 'employee', team })))),
        await rawToken({ role: 'hr', team: 'it' }, DEMO_PERSONAS.hr),
        await rawToken({ role: 'alumni', team: 'it' }, DEMO_PERSONAS.alumni),
      ];
      for (const token of tokens) {
        await assert.rejects(verifyToken(TEST_SECRET, token), /team/);
        const response = await server.app.request('/api/v1/returners/me/checklist', {
          headers: { Authorization: `Bearer ${token}` },
        });
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
        assert.equal((await response.json()).type, `${PROBLEM_TYPE_BASE}unauthorized`);
      }
    } finally {
      await server.close();
    }
  });
});

describe('IT on the re-onboarding checklist', () => {
  let server: TestServer;
  let it_: string;
  let hr: string;
  let employee: string;
  before(async () => {
    server = await startTestServer();
    it_ = `Bearer ${await mintToken(TEST_SECRET, { role: 'employee', sub: IT_PERSONA, team: 'it', ttl: '5m' })}`;
    hr = await server.bearer('hr');
    employee = await server.bearer('employee');
  });
  after(() => server.close());

  const url = (id: string, rest = '') => `/api/v1/returners/${id}/checklist${rest}`;
  const get = (id: string, authorization: string) => server.app.request(url(id), { headers: { Authorization: authorization } });
  const read = async (id: string, authorization: string) => {
    const response = await get(id, authorization);
    assert.equal(response.status, 200);
    return response.json();
  };
  const patch = (id: string, item: Item, done: boolean, authorization: string) =>
    server.app.request(url(id, `/items/${item.id}`), {
      method: 'PATCH',
      body: JSON.stringify({ done }),
      headers: { 'Content-Type': 'application/json', Authorization: authorization, 'If-Match': `"${item.version}"` },
    });
  const openItem = async (owner: string, id = SHOTA.id): Promise<Item> => {
    const item = ((await read(id, hr)).items as Item[]).find((candidate) => candidate.owner === owner && !candidate.done);
    assert.ok(item, `an open ${owner} item`);
    return item;
  };
  async function assertForbidden(response: Response) {
    assert.equal(response.status, 403);
    assert.equal((await response.json()).type, `${PROBLEM_TYPE_BASE}forbidden`);
  }

  it('is seeded as 小川 大輔 of 情報システム部, who ticked off the seeded IT items', async () => {
    const rows = await server.sql.rows('SELECT family_name, given_name, role, title FROM employees WHERE id = ?', IT_PERSONA);
    assert.deepEqual(rows, [{ family_name: '小川', given_name: '大輔', role: 'employee', title: '情報システム部 ヘルプデスク' }]);
    const doneBy = new Set<string | undefined>();
    for (const { id } of (await server.store.returners.list({ limit: 100, after: null })).items) {
      const checklist = await server.store.checklists.read((await server.store.returners.get(id))!, 'hr');
      for (const item of checklist.items) if (item.owner === 'it' && item.done) doneBy.add(item.doneBy?.id);
    }
    assert.deepEqual([...doneBy], [IT_PERSONA]);
  });

  it("sees any returner's checklist, with permissions for exactly IT's items", async () => {
    for (const returner of [SHOTA, MISAKI]) {
      const body = await read(returner.id, it_);
      assert.equal(body.returner.id, returner.id);
      const its = (body.items as Item[]).filter((item) => item.owner === 'it').map((item) => item.id);
      assert.ok(its.length > 0);
      assert.ok(its.length < body.items.length);
      assert.deepEqual(body.permissions, { canToggle: its, canAdd: false, viewerOwners: ['it'] });
    }
  });

  it('toggles an IT item (200, done by IT, audited as an employee) but no one else’s (403)', async () => {
    const item = await openItem('it', MISAKI.id);
    const response = await patch(MISAKI.id, item, true, it_);
    assert.equal(response.status, 200);
    const body: Item = await response.json();
    assert.equal(body.done, true);
    assert.equal(body.version, item.version + 1);
    assert.deepEqual([body.doneBy?.id, body.doneBy?.familyName], [IT_PERSONA, '小川']);
    const audit = (await server.store.audit.list({ subject: item.id })).map(({ actorSub, actorRole, action }) => ({ actorSub, actorRole, action }));
    assert.deepEqual(audit, [{ actorSub: IT_PERSONA, actorRole: 'employee', action: 'checklist.item.done' }]);

    for (const owner of ['returner', 'manager', 'hr']) {
      const other = await openItem(owner, MISAKI.id);
      await assertForbidden(await patch(MISAKI.id, other, true, it_));
      const unchanged = ((await read(MISAKI.id, hr)).items as Item[]).find((each) => each.id === other.id)!;
      assert.deepEqual([unchanged.done, unchanged.version], [false, other.version]);
    }
  });

  it('may not add items (403)', async () => {
    const response = await server.app.request(url(SHOTA.id, '/items'), {
      method: 'POST',
      body: JSON.stringify({ title: 'VPN', categoryId: 'accounts', owner: 'it', dueOffsetDays: 0, required: true }),
      headers: { 'Content-Type': 'application/json', Authorization: it_ },
    });
    await assertForbidden(response);
  });

  it('is only for team "it": an employee without a team, or of another team, still sees only their own', async () => {
    await assertForbidden(await get(MISAKI.id, employee));
    await assertForbidden(await get(SHOTA.id, await server.bearer('employee', { sub: MISAKI.alumnus.id })));
    const finance = `Bearer ${await mintToken(TEST_SECRET, { role: 'employee', sub: 'em_finance', team: 'finance', ttl: '5m' })}`;
    await assertForbidden(await get(SHOTA.id, finance));
    // the manager relation is unchanged by the claim
    assert.deepEqual((await read(SHOTA.id, employee)).permissions.viewerOwners, ['manager']);
  });

  it('leaves a returner who works in IT a returner on their own checklist', async () => {
    const asReturner = `Bearer ${await mintToken(TEST_SECRET, { role: 'employee', sub: SHOTA.alumnus.id, team: 'it', ttl: '5m' })}`;
    const body = await read('me', asReturner);
    assert.equal(body.returner.id, SHOTA.id);
    assert.deepEqual(body.permissions.viewerOwners, ['returner']);
    // and IT on everyone else's
    assert.deepEqual((await read(MISAKI.id, asReturner)).permissions.viewerOwners, ['it']);
  });

  it('is otherwise an employee: the directory answers as for any employee', async () => {
    const asIt = await server.app.request('/api/v1/alumni?limit=100', { headers: { Authorization: it_ } });
    const asEmployee = await server.app.request('/api/v1/alumni?limit=100', { headers: { Authorization: employee } });
    assert.equal(asIt.status, 200);
    assert.deepEqual(await asIt.json(), await asEmployee.json());
  });
});

describe('npm run token --team', () => {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  const token = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/token.ts', ...args], {
      cwd: repo,
      env: { PATH: process.env.PATH, OKAERI_JWT_SECRET: TEST_SECRET },
    });

  it('mints an IT token, for the IT persona by default', async () => {
    const { stdout } = await token(['employee', '--team', 'it']);
    assert.deepEqual(await verifyToken(TEST_SECRET, stdout.trim()), { role: 'employee', sub: IT_PERSONA, team: 'it' });
    const given = await token(['employee', 'em_someone', '--team', 'it', '--ttl', '1h']);
    assert.deepEqual(await verifyToken(TEST_SECRET, given.stdout.trim()), { role: 'employee', sub: 'em_someone', team: 'it' });
  });

  it('refuses a team that is not a slug, or on a role other than employee, with usage and exit code 2', async () => {
    for (const args of [['employee', '--team', 'IT!!'], ['employee', '--team', 'x'.repeat(200)], ['hr', '--team', 'it']]) {
      await assert.rejects(token(args), (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /--team/);
        return true;
      });
    }
  });
});
