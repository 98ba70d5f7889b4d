/**
 * `npm run bench:directory-server -- --database postgres`: the directory under load on PostgreSQL
 * next to SQLite, in one run, on the same generated members. Seeds `--members` alumni into a
 * SQLite file and into a PostgreSQL database (a throwaway cluster from scripts/postgres.mjs, or
 * the server OKAERI_BENCH_DATABASE_URL names), starts the real server (`tsx server/main.ts`) as
 * 1 and 2 processes for each backend — SQLite's second process is a node:cluster worker
 * (OKAERI_WORKERS=2), PostgreSQL's a second independent instance on its own port, the load split
 * between them as a load balancer would — and measures each scenario with autocannon: p50, p95,
 * p99 latency and requests/s. Then stops everything and deletes the data.
 *
 * Kept apart from scripts/bench-directory-server.ts (the SQLite benchmark), which hands over to
 * this module when `--database postgres` is given.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const SECRET = 'bench-directory-secret-0123456789abcdef';

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers: Record<string, string> }) => AutocannonInstance;

export interface PostgresBenchOptions {
  members: number;
  duration: number;
  connections: number[];
}

interface Server {
  origins: string[];
  children: ChildProcess[];
}

const SCENARIOS: [string, string][] = [
  ['name (kanji, 2 chars): q=鈴木', `?q=${encodeURIComponent('鈴木')}`],
  ['kana: q=さとう', `?q=${encodeURIComponent('さとう')}`],
  ['romaji: q=sato', '?q=sato'],
  ['company: q=青葉', `?q=${encodeURIComponent('青葉')}`],
  ['company (latin): q=bluepeak', '?q=bluepeak'],
  ['department=engineering', '?department=engineering'],
  ['no query (en order)', '?lang=en'],
];

/** `tsx server/main.ts` with `env`; resolves to its origin once it listens. */
function startMain(env: Record<string, string>): Promise<{ origin: string; child: ChildProcess }> {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('OKAERI_')) clean[key] = value;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...clean, OKAERI_JWT_SECRET: SECRET, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match) resolve({ origin: match[1]!, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`a server exited (${code}):\n${output}`)));
  });
}

async function stop(server: Server | undefined): Promise<void> {
  if (!server) return;
  await Promise.all(
    server.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

export async function runPostgresBench(options: PostgresBenchOptions): Promise<void> {
  const { mintToken } = await import('../server/auth.js');
  const { openSqliteStore } = await import('../server/data/sqlite.js');
  const { openPostgresStore } = await import('../server/data/postgres/store.js');
  const { createScratchDatabase } = await import('../server/db/postgres/scratch.js');
  const { seedIfEmpty } = await import('../server/seed/demo.js');
  const { seedAlumni } = await import('../server/seed/alumni.js');
  const { startCluster, stopCluster } = (await import('./postgres.mjs')) as {
    startCluster: () => Promise<{ dir: string; url: string }>;
    stopCluster: (dir: string) => void;
  };
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

  const dir = mkdtempSync(join(tmpdir(), 'okaeri-bench-pg-'));
  const sqlitePath = join(dir, 'okaeri.db');
  let cluster: { dir: string; url: string } | undefined;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  let server: Server | undefined;
  try {
    const serverUrl = process.env.OKAERI_BENCH_DATABASE_URL ?? (cluster = await startCluster()).url;
    scratch = await createScratchDatabase(serverUrl);

    // The same members in both: same seeds, same order.
    for (const backend of ['sqlite', 'postgres'] as const) {
      const started = performance.now();
      const store = backend === 'sqlite' ? openSqliteStore(sqlitePath) : await openPostgresStore(scratch.url);
      await seedIfEmpty(store);
      await seedAlumni(store, Math.max(0, options.members - (await store.alumni.count())), { seed: 4 });
      const total = await store.alumni.count();
      if (store.backend === 'postgres') {
        const { pool } = store as Awaited<ReturnType<typeof openPostgresStore>>;
        await pool.query('VACUUM ANALYZE');
      } else {
        const { db } = store as ReturnType<typeof openSqliteStore>;
        db.exec('ANALYZE');
        db.pragma('wal_checkpoint(TRUNCATE)');
      }
      await store.close();
      console.log(`${backend}: seeded ${total.toLocaleString('en')} alumni in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    const headers = { Authorization: `Bearer ${await mintToken(SECRET, { role: 'employee', sub: 'bench', ttl: '2h' })}` };
    const setups: { name: string; start: () => Promise<Server> }[] = [
      { name: 'SQLite ×1', start: async () => single(await startMain({ OKAERI_DB: sqlitePath })) },
      { name: 'SQLite ×2', start: async () => single(await startMain({ OKAERI_DB: sqlitePath, OKAERI_WORKERS: '2' })) },
      { name: 'PG ×1', start: async () => single(await startMain({ OKAERI_DATABASE_URL: scratch!.url, OKAERI_MIGRATE: 'off' })) },
      {
        name: 'PG ×2',
        start: async () => {
          const instances = await Promise.all(
            [0, 1].map(() => startMain({ OKAERI_DATABASE_URL: scratch!.url, OKAERI_MIGRATE: 'off' })),
          );
          return { origins: instances.map((instance) => instance.origin), children: instances.map((instance) => instance.child) };
        },
      },
    ];
    const single = (instance: { origin: string; child: ChildProcess }): Server => ({ origins: [instance.origin], children: [instance.child] });

    /** Connections spread over the origins (a round-robin balancer); latencies merged. */
    const measure = async (origins: string[], path: string, connections: number) => {
      const share = (index: number) => Math.floor(connections / origins.length) + (index < connections % origins.length ? 1 : 0);
      const targets = origins.map((origin, index) => ({ url: origin + path, connections: share(index) })).filter((target) => target.connections > 0);
      await Promise.all(targets.map((target) => autocannon({ ...target, duration: 1, headers }))); // warm-up
      const latencies: number[] = [];
      const results = await Promise.all(
        targets.map((target) => {
          const instance = autocannon({ ...target, duration: options.duration, headers });
          instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
          return instance;
        }),
      );
      latencies.sort((a, b) => a - b);
      const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
      return {
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        perSecond: results.reduce((sum, result) => sum + result.requests.total / result.duration, 0),
        failed: results.reduce((sum, result) => sum + result.non2xx + result.errors + result.timeouts, 0),
      };
    };

    const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`Load average (1, 5, 15 min) before: ${load()}`);
    const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
    for (const setup of setups) {
      server = await setup.start();
      for (const [scenario, query] of SCENARIOS) {
        const path = `/api/v1/alumni${query}`;
        const check = await fetch(server.origins[0]! + path, { headers });
        if (check.status !== 200) throw new Error(`${setup.name} ${scenario}: HTTP ${check.status} ${await check.text()}`);
        await check.arrayBuffer();
        for (const connections of options.connections) {
          results.set(`${setup.name}|${scenario}|${connections}`, await measure(server.origins, path, connections));
        }
      }
      await stop(server);
      server = undefined;
    }

    for (const connections of options.connections) {
      console.log(`\nautocannon: ${connections} connections, ${options.duration} s per scenario, loopback, employee token`);
      const rows: string[][] = [];
      for (const [scenario] of SCENARIOS) {
        for (const setup of setups) {
          const result = results.get(`${setup.name}|${scenario}|${connections}`)!;
          rows.push([
            `${scenario} — ${setup.name}`,
            result.p50.toFixed(1),
            result.p95.toFixed(1),
            result.p99.toFixed(1),
            result.perSecond.toFixed(0),
            String(result.failed),
          ]);
        }
      }
      printTable(['scenario — backend × processes', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'failed'], rows);
      const scaling = SCENARIOS.map(([scenario]) => {
        const one = results.get(`PG ×1|${scenario}|${connections}`)!.perSecond;
        const two = results.get(`PG ×2|${scenario}|${connections}`)!.perSecond;
        return `${scenario}: ${(two / one).toFixed(2)}×`;
      });
      console.log(`PostgreSQL, 2 instances / 1 instance (req/s): ${scaling.join('; ')}`);
    }
    console.log(`\nLoad average (1, 5, 15 min) after: ${load()}`);
  } finally {
    await stop(server);
    await scratch?.drop().catch(() => undefined);
    if (cluster) stopCluster(cluster.dir);
    rmSync(dir, { recursive: true, force: true });
  }
}
