/**
 * The HR console's server figures (issue 11): seeds 100,000 alumni into a temporary SQLite file,
 * starts the real app on it in a child process (so measuring does not share its event loop) and
 * measures, one request at a time as one HR person's console makes them:
 * - filtered first pages of `/api/v1/hr/members` (p50/p95/max per filter), target p95 ≤ 50 ms;
 * - `/api/v1/hr/overview`, target p95 ≤ 100 ms;
 * - exporting every member as CSV, target ≤ 10 s, with the server's resident memory sampled from
 *   /proc every 20 ms before and during the export (flat: rows are read and written in batches).
 * Then stops the server and removes the file. The load average is printed before and after: a
 * busy machine inflates every figure.
 *
 * `--database postgres` runs the same on PostgreSQL: a scratch database on the server
 * OKAERI_BENCH_DATABASE_URL names (a cluster from scripts/postgres.mjs), dropped afterwards.
 * `--only export` skips the list and overview figures; `--cpu-prof DIR` writes the server's CPU
 * profile there (node --cpu-prof) when it stops; `--keep FILE` (SQLite) seeds FILE only if it has
 * fewer members and keeps it, for repeated runs.
 *
 *   npx tsx scripts/bench-hr-server.ts [--members 100000] [--requests 200] [--database sqlite|postgres]
 *     [--only export] [--exports 1] [--cpu-prof DIR] [--keep FILE]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SECRET = 'bench-hr-secret-0123456789abcdef0123';

const { values: args } = parseArgs({
  options: {
    serve: { type: 'string' },
    members: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    database: { type: 'string', default: 'sqlite' },
    only: { type: 'string' },
    exports: { type: 'string', default: '1' },
    'cpu-prof': { type: 'string' },
    keep: { type: 'string' },
  },
});

if (args.serve) await serve(args.serve);
else await main();

/** A SQLite file path or a PostgreSQL URL. */
async function openStore(location: string) {
  if (location.startsWith('postgres')) {
    const { openPostgresStore } = await import('../server/data/postgres/store.js');
    return openPostgresStore(location);
  }
  const { openSqliteStore } = await import('../server/data/sqlite.js');
  return openSqliteStore(location);
}

async function serve(location: string): Promise<void> {
  const { serve: listen } = await import('@hono/node-server');
  const { createApp } = await import('../server/app.js');
  const store = await openStore(location);
  const app = createApp({ store, jwtSecret: SECRET, corsOrigins: [] });
  const server = listen({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (address) => process.send!({ port: address.port }));
  // A normal exit, so that --cpu-prof writes its profile.
  process.on('SIGTERM', () => server.close(() => void store.close().then(() => process.exit(0))));
}

/** Resident (of it anonymous: heap, not mapped files) and peak resident memory of a process, in MiB (Linux /proc). */
function memory(pid: number): { rss: number; anon: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024;
  return { rss: kib('VmRSS'), anon: kib('RssAnon'), hwm: kib('VmHWM') };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const members = Number(args.members);
  const requests = Number(args.requests);
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-bench-hr-'));
  let location = args.keep ?? join(dir, 'bench.db');
  let scratch: { url: string; drop(): Promise<void> } | undefined;
  let server: ChildProcess | undefined;
  try {
    if (args.database === 'postgres') {
      const serverUrl = process.env.OKAERI_BENCH_DATABASE_URL;
      if (!serverUrl) throw new Error('--database postgres needs OKAERI_BENCH_DATABASE_URL (node scripts/postgres.mjs start prints one)');
      const { createScratchDatabase } = await import('../server/db/postgres/scratch.js');
      scratch = await createScratchDatabase(serverUrl);
      location = scratch.url;
    } else if (args.database !== 'sqlite') throw new Error('--database is sqlite or postgres');
    const { seedAlumni } = await import('../server/seed/alumni.js');
    const { seedIfEmpty } = await import('../server/seed/demo.js');
    const { mintToken } = await import('../server/auth.js');
    const seedStarted = performance.now();
    const store = await openStore(location);
    await seedIfEmpty(store);
    const existing = await store.alumni.count();
    await seedAlumni(store, Math.max(0, members - existing), { seed: 11 });
    const total = await store.alumni.count();
    // A bulk load leaves PostgreSQL's planner statistics empty (README: ANALYZE after a bulk seed).
    if (store.backend === 'postgres') await store.pool.query('ANALYZE');
    await store.close();
    console.log(`seeded ${total} alumni (${args.database}) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const profile = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']] : [];
    server = fork(fileURLToPath(import.meta.url), ['--serve', location], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, ...profile],
    });
    const port = await new Promise<number>((resolve) => server!.once('message', (m: { port: number }) => resolve(m.port)));
    const base = `http://127.0.0.1:${port}`;
    const token = await mintToken(SECRET, { role: 'hr', sub: 'bench-hr', ttl: '1h' });
    const headers = { Authorization: `Bearer ${token}` };
    console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    const measure = async (label: string, url: string) => {
      for (let i = 0; i < 10; i++) await (await fetch(base + url, { headers })).arrayBuffer(); // warm-up
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        const response = await fetch(base + url, { headers });
        const body = (await response.json()) as { items?: unknown[] };
        times.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
        items = body.items?.length ?? 0;
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(58)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  max ${times.at(-1)!.toFixed(1).padStart(6)} ms  (${items} items)`,
      );
    };

    if (args.only !== 'export') {
      console.log(`\nfirst pages of /api/v1/hr/members (limit 50), ${requests} sequential requests each:`);
      await measure('no filter', '/api/v1/hr/members');
      await measure('department=sales', '/api/v1/hr/members?department=sales');
      await measure('contactable=true&interest=rehire', '/api/v1/hr/members?contactable=true&interest=rehire');
      await measure('department=engineering&leftFrom=2015&leftTo=2018', '/api/v1/hr/members?department=engineering&leftFrom=2015&leftTo=2018');
      await measure('q=さとう', `/api/v1/hr/members?q=${encodeURIComponent('さとう')}`);
      await measure('q=sato&sort=signedUp', '/api/v1/hr/members?q=sato&sort=signedUp');
      await measure('q=example.com&listed=false&sort=left (every row matches q)', '/api/v1/hr/members?q=example&listed=false&sort=left');
      await measure('q=zzqx (no match: the whole index is read)', '/api/v1/hr/members?q=zzqx');
      console.log(`\noverview, ${requests} sequential requests:`);
      await measure('/api/v1/hr/overview', '/api/v1/hr/overview');
    }

    console.log('\nexport of every member (purpose=records):');
    for (let round = 0; round < Number(args.exports); round++) await exportAll(server.pid!, base, headers);
    console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    if (server) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill();
      await exited;
    }
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function exportAll(pid: number, base: string, headers: Record<string, string>): Promise<void> {
  const before = memory(pid);
  let peak = before.rss;
  let peakAnon = before.anon;
  const sampler = setInterval(() => {
    const now = memory(pid);
    peak = Math.max(peak, now.rss);
    peakAnon = Math.max(peakAnon, now.anon);
  }, 20);
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/hr/members/export.csv?purpose=records`, { headers });
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // indexOf, not a loop over every byte: this process shares the machine with the server.
    for (let at = value.indexOf(0x0a); at !== -1; at = value.indexOf(0x0a, at + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const afterExport = memory(pid);
  console.log(`  ${lines - 1} rows, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${seconds.toFixed(2)} s`);
  console.log(
    `  server RSS before ${before.rss.toFixed(1)} MiB, peak during ${peak.toFixed(1)} MiB, after ${afterExport.rss.toFixed(1)} MiB (process high-water mark ${afterExport.hwm.toFixed(1)} MiB)`,
  );
  console.log(`  of it anonymous (heap): before ${before.anon.toFixed(1)} MiB, peak during ${peakAnon.toFixed(1)} MiB, after ${afterExport.anon.toFixed(1)} MiB`);
}
