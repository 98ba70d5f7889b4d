/**
 * Directory search under load: seeds 100,000 alumni into a temporary database, starts the server
 * on a free loopback port in a child process (so the load generator does not share its event
 * loop), and measures typical queries with autocannon. Prints p50/p95/p99 latency and requests/s
 * per scenario (one table per connection count; `--connections 1,4,10` sweeps), and the load
 * average before and after (a busy machine inflates every figure), then stops and removes the
 * database.
 *
 * `--workers 2` serves with that many processes on one port (node:cluster), as OKAERI_WORKERS does.
 *
 *   npx tsx scripts/bench-directory-server.ts [--members 100000] [--duration 6] [--connections 10] [--workers 1]
 */
import { type ChildProcess, fork } from 'node:child_process';
import cluster from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

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
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => AutocannonInstance;

const SECRET = 'bench-directory-secret-0123456789abcdef';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    members: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1' },
  },
});

if (args.serve) {
  await serveDatabase(args.serve);
} else {
  await main();
}

/** The child: the real app on the seeded file, on a free loopback port, reported to the parent. */
async function serveDatabase(path: string): Promise<void> {
  const workers = Number(args.workers);
  if (workers > 1 && cluster.isPrimary) {
    // Port 0 in cluster workers is one shared port: report it when the first one listens.
    for (let index = 0; index < workers; index++) cluster.fork();
    cluster.once('listening', (_worker, address) => process.send!({ port: address.port }));
    process.on('disconnect', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
      process.exit(0);
    });
    return;
  }
  const { serve } = await import('@hono/node-server');
  const { createApp } = await import('../server/app.js');
  const { openSqliteStore } = await import('../server/data/sqlite.js');
  const store = openSqliteStore(path);
  const app = createApp({ store, jwtSecret: SECRET, corsOrigins: [] });
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (address) => {
    if (cluster.isPrimary) process.send!({ port: address.port });
  });
  process.on('disconnect', () => {
    void store.close().finally(() => process.exit(0));
  });
}

async function main(): Promise<void> {
  const { mintToken } = await import('../server/auth.js');
  const { openSqliteStore } = await import('../server/data/sqlite.js');
  const { seedAlumni } = await import('../server/seed/alumni.js');
  const { seedIfEmpty } = await import('../server/seed/demo.js');
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

  const members = Number(args.members);
  const duration = Number(args.duration);
  const sweep = args.connections.split(',').map(Number);
  if (sweep.some((count) => !Number.isInteger(count) || count < 1)) throw new Error('--connections: 1 or more, comma-separated');
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-bench-'));
  const path = join(dir, 'okaeri.db');
  let server: ChildProcess | undefined;
  try {
    const seedStarted = performance.now();
    const store = openSqliteStore(path);
    const { db } = store;
    // A large page cache for the one-off bulk insert: the index trees are written in random order.
    db.pragma('cache_size = -262144');
    await seedIfEmpty(store);
    const existing = await store.alumni.count();
    await seedAlumni(store, Math.max(0, members - existing), { seed: 4 });
    db.exec('ANALYZE');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const total = db.prepare<[], number>('SELECT COUNT(*) FROM alumni').pluck().get()!;
    const listed = db.prepare<[], number>('SELECT COUNT(*) FROM alumni WHERE listed = 1').pluck().get()!;
    await store.close();
    console.log(
      `Seeded ${total.toLocaleString('en')} alumni (${listed.toLocaleString('en')} listed) in ` +
        `${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const workers = Number(args.workers);
    if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers: 1 or more');
    server = fork(fileURLToPath(import.meta.url), ['--serve', path, '--workers', String(workers)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      server!.once('message', (message: { port: number }) => resolve(message.port));
      server!.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
    const base = `http://127.0.0.1:${port}/api/v1/alumni`;
    const headers = {
      Authorization: `Bearer ${await mintToken(SECRET, { role: 'employee', sub: 'bench', ttl: '1h' })}`,
    };

    const scenarios: [string, string][] = [
      ['name fragment (kanji, 2 chars): q=鈴木', `?q=${encodeURIComponent('鈴木')}`],
      ['kana query: q=さとう', `?q=${encodeURIComponent('さとう')}`],
      ['company fragment: q=青葉', `?q=${encodeURIComponent('青葉')}`],
      ['company fragment (latin): q=bluepeak', '?q=bluepeak'],
      ['department filter: department=engineering', '?department=engineering'],
      ['no query', ''],
    ];
    console.log(`Server: ${workers} process${workers > 1 ? 'es (node:cluster)' : ''}`);
    const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`Load average (1, 5, 15 min) before: ${load()}`);
    for (const connections of sweep) {
      console.log(`\nautocannon: ${connections} connections, ${duration} s per scenario, loopback, employee token`);
      const rows: string[][] = [];
      for (const [name, query] of scenarios) {
        const url = base + query;
        const check = await fetch(url, { headers });
        const body = (await check.json()) as { items?: unknown[] };
        if (check.status !== 200) throw new Error(`${name}: HTTP ${check.status}`);
        await autocannon({ url, connections, duration: 1, headers }); // warm-up, not recorded
        const latencies: number[] = [];
        const instance = autocannon({ url, connections, duration, headers });
        instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
        const result = await instance;
        latencies.sort((a, b) => a - b);
        const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
        rows.push([
          name,
          String(body.items?.length ?? 0),
          at(0.5).toFixed(1),
          at(0.95).toFixed(1),
          at(0.99).toFixed(1),
          (result.requests.total / result.duration).toFixed(0),
          String(result.non2xx + result.errors + result.timeouts),
        ]);
      }
      printTable(['scenario', 'items', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'failed'], rows);
    }
    console.log(`\nLoad average (1, 5, 15 min) after: ${load()}`);
  } finally {
    server?.disconnect();
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(header: string[], rows: string[][]): void {
  const width = (column: number) => Math.max(...[header, ...rows].map((row) => [...row[column]!].length));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(width(column)) : cell.padStart(width(column)))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
