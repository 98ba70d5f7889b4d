// Two server processes on different ports sharing one PostgreSQL database: what a deployment
// behind a load balancer relies on. Runs in the PostgreSQL half of the suite only (real
// processes started as `tsx server/main.ts`, real HTTP, one scratch database per file).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { mintToken } from '../../server/auth.js';
import { migratePostgres } from '../../server/db/postgres/migrate.js';
import { createPool } from '../../server/db/postgres/pool.js';
import { type ScratchDatabase, createScratchDatabase } from '../../server/db/postgres/scratch.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';

const SERVER_URL = process.env.OKAERI_TEST_DATABASE_URL;
const ENABLED = process.env.OKAERI_TEST_BACKEND === 'postgres' && !!SERVER_URL;
const SKIP = ENABLED ? false : 'PostgreSQL only (OKAERI_TEST_BACKEND=postgres and OKAERI_TEST_DATABASE_URL)';
const SECRET = 'multi-instance-secret-0123456789abcdef';
const POLICY_VERSION = '2025-04-01';

interface Instance {
  url: string;
  process: ChildProcess;
  output: () => string;
}

/** `tsx server/main.ts` on a free port against `databaseUrl`; resolves once it listens. */
function startInstance(databaseUrl: string): Promise<Instance> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('OKAERI_') && key !== 'PORT' && key !== 'HOST') env[key] = value;
  }
  Object.assign(env, { OKAERI_DATABASE_URL: databaseUrl, OKAERI_JWT_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, process: child, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${signal ?? code}) before listening:\n${output}`));
    });
  });
}

function stopInstance(instance: Instance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (instance.process.exitCode !== null || instance.process.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.process.once('exit', () => resolve());
    instance.process.kill(signal);
  });
}

const bearer = async (role: 'alumni' | 'employee' | 'hr', sub: string = DEMO_PERSONAS[role]) =>
  `Bearer ${await mintToken(SECRET, { role, sub, ttl: '10m' })}`;

/** GET as `authorization`, expecting 200 and JSON. */
async function getJson<T>(url: string, authorization: string): Promise<T> {
  const answer = await fetch(url, { headers: { Authorization: authorization } });
  const text = await answer.text();
  assert.equal(answer.status, 200, `GET ${url}: ${text}`);
  return JSON.parse(text) as T;
}

let signupSequence = 0;
function signupBody(): Record<string, unknown> {
  signupSequence += 1;
  return {
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'やまだ',
    givenNameKana: 'はなこ',
    email: `multi.instance.${signupSequence}.${Date.now()}@example.com`,
    department: 'engineering',
    joined: '2015-04',
    left: '2022-03',
    interests: ['rehire'],
    directory: { listed: true, visibility: {} },
    consent: { privacyPolicyVersion: POLICY_VERSION, contact: false },
  };
}

describe('several instances on one PostgreSQL database', { skip: SKIP }, () => {
  let database: ScratchDatabase;
  let pool: ReturnType<typeof createPool>;
  let a: Instance;
  let b: Instance;
  /** Signups that reached the handler (the limiter counts them across instances). */
  let signupsCounted = 0;

  before(async () => {
    database = await createScratchDatabase(SERVER_URL!);
    pool = createPool(database.url, { max: 4 });
    // Started together: migrations, the index check and the demo seed must happen once.
    [a, b] = await Promise.all([startInstance(database.url), startInstance(database.url)]);
  });

  after(async () => {
    await Promise.all([a, b].filter(Boolean).map((instance) => stopInstance(instance)));
    await pool?.end();
    await database?.drop();
  });

  const count = async (sql: string, values: unknown[] = []) =>
    Number((await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM (${sql}) AS q`, values)).rows[0]!.n);

  it('seeds the demo data once when both start at once', async () => {
    assert.equal(await count('SELECT 1 FROM departments WHERE id = $1', ['engineering']), 1);
    for (const instance of [a, b]) {
      const health = await fetch(`${instance.url}/api/health`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { database: string }).database, 'ok');
    }
  });

  it('answers a signup replayed to the other instance with the same Idempotency-Key, making one member', async () => {
    const body = JSON.stringify(signupBody());
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': `replay-${Date.now()}` };
    const first = await fetch(`${a.url}/api/v1/alumni`, { method: 'POST', body, headers });
    const second = await fetch(`${b.url}/api/v1/alumni`, { method: 'POST', body, headers });
    signupsCounted += 2;
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await second.json(), await first.json());
    const email = (JSON.parse(body) as { email: string }).email;
    assert.equal(await count('SELECT 1 FROM alumni WHERE email = $1', [email]), 1);
  });

  it('makes one member of one signup sent to both instances at once', async () => {
    const body = JSON.stringify(signupBody());
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': `race-${Date.now()}` };
    const answers = await Promise.all(
      [a, b, a, b].map((instance) => fetch(`${instance.url}/api/v1/alumni`, { method: 'POST', body, headers })),
    );
    signupsCounted += 4;
    // One ran the handler; each other one replays its answer or, while it still runs on the other
    // instance, is told to retry (409 with Retry-After): never a second member.
    for (const answer of answers) assert.ok([201, 409].includes(answer.status), `status ${answer.status}`);
    assert.ok(answers.some((answer) => answer.status === 201 && answer.headers.get('Idempotent-Replayed') !== 'true'));
    const email = (JSON.parse(body) as { email: string }).email;
    assert.equal(await count('SELECT 1 FROM alumni WHERE email = $1', [email]), 1);
    assert.equal(await count(`SELECT 1 FROM audit_log WHERE action = 'alumni.signup' AND detail->>'consentId' IS NOT NULL
      AND subject IN (SELECT id FROM alumni WHERE email = $1)`, [email]), 1);
  });

  it('loses no update when one checklist item is toggled concurrently on both instances', async () => {
    const hr = await bearer('hr');
    const returners = await getJson<{
      items: { id: string }[];
    }>(`${a.url}/api/v1/returners`, hr);
    const returnerId = returners.items[0]!.id;
    const checklistUrl = (instance: Instance) => `${instance.url}/api/v1/returners/${returnerId}/checklist`;
    const checklist = await getJson<{
      items: { id: string; version: number; done: boolean }[];
    }>(checklistUrl(a), hr);
    const item = checklist.items[0]!;
    const itemUrl = (instance: Instance) => `${checklistUrl(instance)}/items/${item.id}`;

    // Each worker flips the item `rounds` times, re-reading after every 412 as a client would.
    const rounds = 5;
    const worker = async (instance: Instance) => {
      let changes = 0;
      let attempts = 0;
      while (changes < rounds) {
        attempts++;
        assert.ok(attempts < 500, 'a worker never got its toggles through');
        const current = await getJson<{
          items: { id: string; version: number; done: boolean }[];
        }>(itemUrl(instance).replace(/\/items\/.*$/, ''), hr);
        const now = current.items.find((candidate) => candidate.id === item.id)!;
        const answer = await fetch(itemUrl(instance), {
          method: 'PATCH',
          headers: { Authorization: hr, 'Content-Type': 'application/json', 'If-Match': `"${now.version}"` },
          body: JSON.stringify({ done: !now.done }),
        });
        if (answer.status === 200) changes++;
        else assert.equal(answer.status, 412);
        await answer.arrayBuffer();
      }
      return changes;
    };
    const done = await Promise.all([worker(a), worker(b), worker(a), worker(b)]);
    const total = done.reduce((sum, changes) => sum + changes, 0);

    const final = await pool.query<{ version: number; done: boolean }>('SELECT version, done FROM checklist_items WHERE id = $1', [item.id]);
    // Every accepted toggle is one version and one audit row; none overwrote another.
    assert.equal(final.rows[0]!.version, item.version + total);
    assert.equal(final.rows[0]!.done, total % 2 === 0 ? item.done : !item.done);
    assert.equal(
      await count(`SELECT 1 FROM audit_log WHERE action IN ('checklist.item.done', 'checklist.item.undone') AND subject = $1`, [item.id]),
      total,
    );
  });

  it('counts 200 concurrent reactions split across instances exactly', async () => {
    const employee = await bearer('employee');
    const list = await getJson<{
      items: { id: string; status: string; reactions: { count: number } }[];
    }>(`${a.url}/api/v1/announcements`, employee);
    const announcement = list.items.find((candidate) => candidate.status === 'published')!;
    const before = announcement.reactions.count;
    const subs = Array.from({ length: 200 }, (_, index) => `em_multi_instance_${String(index).padStart(3, '0')}`);
    const tokens = await Promise.all(subs.map((sub) => bearer('employee', sub)));
    const url = (instance: Instance) => `${instance.url}/api/v1/announcements/${announcement.id}/reactions/me`;
    // Every viewer twice (once per instance), all at once: idempotent PUTs, one reaction each.
    const answers = await Promise.all(
      tokens.flatMap((token, index) => [
        fetch(url(index % 2 ? a : b), { method: 'PUT', headers: { Authorization: token } }),
        fetch(url(index % 2 ? b : a), { method: 'PUT', headers: { Authorization: token } }),
      ]),
    );
    for (const answer of answers) assert.equal(answer.status, 200);
    const after = await getJson<{ reactions: { count: number } }>(`${b.url}/api/v1/announcements/${announcement.id}`, employee);
    assert.equal(after.reactions.count, before + 200);
    assert.equal(await count(`SELECT 1 FROM audit_log WHERE action = 'announcement.react' AND subject = $1`, [announcement.id]), 200);
  });

  it('shares the signup rate limit between instances', async () => {
    // The limit (10 per client per window) counts requests on both instances against one window.
    const statuses: number[] = [];
    for (let index = 0; index < 10 - signupsCounted + 3; index++) {
      const instance = index % 2 ? a : b;
      const answer = await fetch(`${instance.url}/api/v1/alumni`, {
        method: 'POST',
        body: JSON.stringify(signupBody()),
        headers: { 'Content-Type': 'application/json' },
      });
      statuses.push(answer.status);
      if (answer.status === 429) assert.ok(Number(answer.headers.get('Retry-After')) >= 1);
    }
    const accepted = statuses.filter((status) => status === 201).length;
    assert.equal(accepted + signupsCounted, 10, `statuses ${statuses.join(' ')}`);
    assert.deepEqual(statuses.slice(accepted), statuses.slice(accepted).map(() => 429));
  });

  it('loses no acknowledged write when an instance is killed with SIGKILL mid-write and restarted', async () => {
    const employee = await bearer('employee');
    const list = await getJson<{
      items: { id: string; status: string }[];
    }>(`${b.url}/api/v1/announcements`, employee);
    const announcement = list.items.filter((candidate) => candidate.status === 'published').at(-1)!;
    const acknowledged: string[] = [];
    let sent = 0;
    // Writers keep PUTting reactions of new viewers to instance A until it dies under them.
    const writer = async (lane: number) => {
      for (let index = 0; ; index++) {
        const sub = `em_sigkill_${lane}_${index}`;
        sent++;
        try {
          const answer = await fetch(`${a.url}/api/v1/announcements/${announcement.id}/reactions/me`, {
            method: 'PUT',
            headers: { Authorization: await bearer('employee', sub) },
          });
          if (answer.status === 200) acknowledged.push(sub);
          await answer.arrayBuffer();
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = Promise.all([0, 1, 2, 3, 4, 5].map(writer));
    // Kill once some writes are acknowledged (however slow the machine), with six still in flight.
    const waitingSince = Date.now();
    while (acknowledged.length < 20) {
      assert.ok(Date.now() - waitingSince < 60_000, `only ${acknowledged.length} writes acknowledged in a minute`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await stopInstance(a, 'SIGKILL');
    await writers;

    a = await startInstance(database.url);
    const stored = await pool.query<{ viewer_sub: string }>(
      `SELECT viewer_sub FROM reactions WHERE announcement_id = $1 AND viewer_sub LIKE 'em_sigkill_%'`,
      [announcement.id],
    );
    const present = new Set(stored.rows.map((row) => row.viewer_sub));
    const lost = acknowledged.filter((sub) => !present.has(sub));
    assert.deepEqual(lost, [], 'acknowledged reactions missing after the kill');
    // What an unacknowledged request did is all or nothing: a reaction has its audit row.
    assert.equal(
      await count(`SELECT 1 FROM audit_log WHERE action = 'announcement.react' AND subject = $1 AND actor_sub LIKE 'em_sigkill_%'`, [announcement.id]),
      present.size,
    );
    // The restarted instance serves them.
    const answer = await fetch(`${a.url}/api/v1/announcements/${announcement.id}`, { headers: { Authorization: employee } });
    const after = (await answer.json()) as { reactions: { count: number } };
    assert.equal(answer.status, 200, JSON.stringify(after));
    assert.ok(after.reactions.count >= acknowledged.length);
    assert.ok(sent >= acknowledged.length);
  });
});

describe('npm run migrate on PostgreSQL', { skip: SKIP }, () => {
  it('applies each migration exactly once when several migrators start at once', async () => {
    const admin = createPool(SERVER_URL!, { max: 1 });
    const name = `okaeri_migrate_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(SERVER_URL!);
    url.pathname = `/${name}`;
    const pool = createPool(url.toString(), { max: 8 });
    try {
      const results = await Promise.all(Array.from({ length: 5 }, () => migratePostgres(pool)));
      const applied = results.flat().sort((x, y) => x - y);
      const versions = (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((row) => row.version);
      assert.deepEqual(applied, versions);
      assert.deepEqual(versions, versions.map((_, index) => index + 1));
      assert.equal(results.filter((versionsApplied) => versionsApplied.length > 0).length, 1);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('refuses a database whose applied migration was edited since', async () => {
    const admin = createPool(SERVER_URL!, { max: 1 });
    const name = `okaeri_migrate_edit_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(SERVER_URL!);
    url.pathname = `/${name}`;
    const pool = createPool(url.toString(), { max: 2 });
    try {
      await migratePostgres(pool);
      await pool.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`);
      await assert.rejects(migratePostgres(pool), /Migration 1 \(schema\) was changed after it was applied/);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
