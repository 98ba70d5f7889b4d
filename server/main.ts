// `npm start`: the reference server with its database, demo data and (in demo mode) demo pages.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createHttpServer } from './http-server.js';
import { openPostgresStore } from './data/postgres/store.js';
import { openSqliteStore } from './data/sqlite.js';
import type { Store } from './data/store.js';
import { type DemoTokens, mintDemoTokens } from './demo-tokens.js';
import { seedIfEmpty } from './seed/demo.js';
import { MembershipMail } from './mail/links.js';
import { outboxMailer, smtpMailer } from './mail/mailer.js';

/** How often unverified signups older than OKAERI_PENDING_DAYS are purged. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

const DEMO_TOKEN_TTL = '12h';

/**
 * OKAERI_WORKERS: how many server processes share the port (node:cluster), default 1. Each has
 * its own SQLite connection (WAL: readers never wait for each other) and its own in-memory rate
 * limiter; idempotency keys live in SQLite and hold across workers.
 */
function parseWorkers(value: string | undefined): number {
  if (!value) return 1;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new Error(`OKAERI_WORKERS must be an integer between 1 and 64, got "${value}"`);
  }
  return workers;
}

const config = loadConfig();
const workers = parseWorkers(process.env.OKAERI_WORKERS);

if (cluster.isPrimary) {
  // The primary creates, migrates and seeds the database before any worker opens it.
  const store = await openStore(config.migrate);
  const seedingStarted = performance.now();
  if (await seedIfEmpty(store)) {
    const elapsed = Math.round(performance.now() - seedingStarted);
    console.log(`Seeded demo data into ${config.databaseUrl ? 'PostgreSQL' : config.dbPath} in ${elapsed} ms`);
  }
  const demoTokens = config.demoMode && config.jwtSecret ? await mintDemoTokens(config.jwtSecret, DEMO_TOKEN_TTL) : null;
  if (demoTokens) {
    console.log(`Demo mode (OKAERI_JWT_SECRET is unset). Tokens valid for ${DEMO_TOKEN_TTL}:`);
    for (const [role, token] of Object.entries(demoTokens)) console.log(`  ${role.padEnd(8)} ${token}`);
  }
  if (workers === 1) {
    startServer(store, demoTokens, true);
  } else {
    await store.close();
    startWorkers();
  }
} else {
  // A worker: the database is already migrated and seeded; its demo tokens are as valid as the
  // primary's (same secret), so the demo pages work whichever worker answers.
  const demoTokens = config.demoMode && config.jwtSecret ? await mintDemoTokens(config.jwtSecret, DEMO_TOKEN_TTL) : null;
  startServer(await openStore(false), demoTokens, process.env.OKAERI_WORKER_ANNOUNCES === '1');
}

/**
 * OKAERI_DATABASE_URL selects PostgreSQL (migrated here unless OKAERI_MIGRATE=off; a worker never
 * migrates, its primary did); without it, the SQLite file at OKAERI_DB, as always.
 */
async function openStore(migrate: boolean): Promise<Store> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl, { migrate }) : openSqliteStore(config.dbPath);
}

function startServer(store: Store, demoTokens: DemoTokens | null, announce: boolean): void {
  // Without an SMTP server the outbox table holds the mail; the demo prints it and lists it.
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(store, { print: config.demoMode && announce });
  const mail = new MembershipMail({ store, mailer, options: config.membership });
  const purge = async () => {
    const before = new Date(Date.now() - config.membership.pendingDays * 24 * 60 * 60 * 1000).toISOString();
    const purged = await store.membership.purgePending(before);
    if (purged && announce) console.log(`Purged ${purged} unverified signup(s) older than ${config.membership.pendingDays} days`);
  };
  const purgeQuietly = () => void purge().catch((error: unknown) => console.error('Purging unverified signups failed:', error));
  purgeQuietly();
  setInterval(purgeQuietly, PURGE_INTERVAL_MS).unref();
  const app = createApp({
    mail,
    demoMailbox: Boolean(demoTokens) && mailer.kind === 'outbox',
    store,
    jwtSecret: config.jwtSecret,
    auth: config.auth,
    trustProxy: config.trustProxy,
    ...(config.signupRateLimit && { rateLimit: { signup: config.signupRateLimit } }),
    corsOrigins: config.corsOrigins,
    demoTokens,
    staticRoot: fileURLToPath(new URL('..', import.meta.url)),
  });

  // Not @hono/node-server's serve(): its server answers unreadable requests with bare 400/431.
  const server = createHttpServer(app.fetch, config.host);
  server.listen(config.port, config.host, () => {
    if (!announce) return;
    const address = server.address() as AddressInfo;
    const base = `http://${config.host}:${address.port}/`;
    const processes = workers > 1 ? ` (${workers} workers)` : '';
    const mailbox = demoTokens && mailer.kind === 'outbox' ? '  mailbox: /demo/mailbox' : '';
    console.log(`Okaeri is running at ${base}${processes} (demo: /  careers: /careers.html  alumni: /alumni.html${mailbox}  API: /api/v1/meta)`);
  });

  function shutDown(signal: string): void {
    if (cluster.isPrimary) console.log(`${signal}: closing`);
    const exit = () => {
      void mail.idle().then(() => mailer.close()).then(() => store.close()).finally(() => process.exit(0));
    };
    server.close(exit);
    // Keep-alive connections can hold close() open; they must not keep the process alive.
    setTimeout(exit, 5000).unref();
  }
  process.once('SIGINT', () => shutDown('SIGINT'));
  process.once('SIGTERM', () => shutDown('SIGTERM'));
}

function startWorkers(): void {
  let stopping = false;
  const fork = (announces: boolean) => cluster.fork({ OKAERI_WORKER_ANNOUNCES: announces ? '1' : '0' });
  for (let index = 0; index < workers; index++) fork(index === 0);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork(false);
  });
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: closing ${workers} workers`);
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
