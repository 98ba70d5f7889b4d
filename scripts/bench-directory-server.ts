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
 * The ceiling: in the same run, a bare `node:http` server (one process, no framework, no database)
 * answers each scenario with a body of the same size; every scenario's throughput is printed as a
 * fraction of that ceiling, which is what to compare across runs on a noisy machine.
 * `--cpu-prof DIR` writes the app server's V8 CPU profile there (open it in Chrome DevTools).
 *
 *   npx tsx scripts/bench-directory-server.ts [--members 100000] [--duration 6] [--connections 10] [--workers 1] [--cpu-prof DIR]
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
    'serve-bare': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    members: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1' },
    // `--database postgres`: PostgreSQL next to SQLite, 1 and 2 processes each (B2's module).
    database: { type: 'string', default: 'sqlite' },
  },
});

if (args['serve-bare']) {
  await serveBare();
} else if (args.serve) {
  await serveDatabase(args.serve);
} else if (args.database === 'postgres') {
  const { runPostgresBench } = await import('./bench-directory-postgres.js');
  await runPostgresBench({
    members: Number(args.members),
    duration: Number(args.duration),
    connections: args.connections.split(',').map(Number),
  });
} else {
  await main();
}

/**
 * The ceiling's child: node:http answering `?bytes=N` with a JSON body of N bytes (built once per
 * size), the same headers a JSON API sends, nothing else.
 */
async function serveBare(): Promise<void> {
  const { createServer } = await import('node:http');
  const bodies = new Map<number, Buffer>();
  const server = createServer((request, response) => {
    const bytes = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('bytes') ?? 2);
    let body = bodies.get(bytes);
    if (!body) bodies.set(bytes, (body = Buffer.from(`{"items":"${'x'.repeat(Math.max(0, bytes - 12))}"}`)));
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'Cache-Control': 'private, no-store' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('disconnect', () => process.exit(0));
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
  let bare: ChildProcess | undefined;
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
    const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [];
    const start = (child: ChildProcess) =>
      new Promise<number>((resolve, reject) => {
        child.once('message', (message: { port: number }) => resolve(message.port));
        child.once('exit', (code) => reject(new Error(`a server exited (${code})`)));
      });
    server = fork(fileURLToPath(import.meta.url), ['--serve', path, '--workers', String(workers)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, ...profile],
    });
    bare = fork(fileURLToPath(import.meta.url), ['--serve-bare'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const [port, barePort] = await Promise.all([start(server), start(bare)]);
    const origin = `http://127.0.0.1:${port}`;
    const headers = {
      Authorization: `Bearer ${await mintToken(SECRET, { role: 'employee', sub: 'bench', ttl: '1h' })}`,
    };

    const list = '/api/v1/alumni';
    const scenarios: [string, string][] = [
      ['name fragment (kanji, 2 chars): q=鈴木', `${list}?q=${encodeURIComponent('鈴木')}`],
      ['kana query: q=さとう', `${list}?q=${encodeURIComponent('さとう')}`],
      ['romaji: q=sato', `${list}?q=sato`],
      ['romaji: q=takahashi', `${list}?q=takahashi`],
      ['company fragment: q=青葉', `${list}?q=${encodeURIComponent('青葉')}`],
      ['company fragment (latin): q=bluepeak', `${list}?q=bluepeak`],
      ['department filter: department=engineering', `${list}?department=engineering`],
      ['no query (en order)', `${list}?lang=en`],
      ['fixed cost: GET /api/health', '/api/health'],
    ];
    console.log(`Server: ${workers} process${workers > 1 ? 'es (node:cluster)' : ''}`);
    const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`Load average (1, 5, 15 min) before: ${load()}`);
    for (const connections of sweep) {
      console.log(`\nautocannon: ${connections} connections, ${duration} s per scenario, loopback, employee token`);
      const rows: string[][] = [];
      for (const [name, query] of scenarios) {
        const url = origin + query;
        const check = await fetch(url, { headers });
        const text = await check.text();
        const body = JSON.parse(text) as { items?: unknown[] };
        if (check.status !== 200) throw new Error(`${name}: HTTP ${check.status}`);
        const run = async (target: string) => {
          await autocannon({ url: target, connections, duration: 1, headers }); // warm-up, not recorded
          const latencies: number[] = [];
          const instance = autocannon({ url: target, connections, duration, headers });
          instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
          const result = await instance;
          latencies.sort((a, b) => a - b);
          const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
          return { at, perSecond: result.requests.total / result.duration, failed: result.non2xx + result.errors + result.timeouts };
        };
        const measured = await run(url);
        const ceiling = await run(`http://127.0.0.1:${barePort}/?bytes=${Buffer.byteLength(text)}`);
        rows.push([
          name,
          String(body.items?.length ?? '-'),
          measured.at(0.5).toFixed(1),
          measured.at(0.95).toFixed(1),
          measured.at(0.99).toFixed(1),
          measured.perSecond.toFixed(0),
          ceiling.perSecond.toFixed(0),
          `${((100 * measured.perSecond) / ceiling.perSecond).toFixed(1)}%`,
          String(measured.failed),
        ]);
      }
      printTable(['scenario', 'items', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'bare req/s', 'of bare', 'failed'], rows);
    }
    console.log(`\nLoad average (1, 5, 15 min) after: ${load()}`);
  } finally {
    for (const child of [server, bare]) {
      child?.disconnect();
      child?.kill();
    }
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
