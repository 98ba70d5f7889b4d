// `npm start`: the reference server with its database, demo data and (in demo mode) demo pages.
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { mintDemoTokens } from './demo-tokens.js';
import { seedIfEmpty } from './seed/demo.js';

const DEMO_TOKEN_TTL = '12h';

const config = loadConfig();
const db = openDatabase(config.dbPath);

const seedingStarted = performance.now();
if (seedIfEmpty(db)) {
  const elapsed = Math.round(performance.now() - seedingStarted);
  console.log(`Seeded demo data into ${config.dbPath} in ${elapsed} ms`);
}

const demoTokens = config.demoMode ? await mintDemoTokens(config.jwtSecret, DEMO_TOKEN_TTL) : null;
if (demoTokens) {
  console.log(`Demo mode (OKAERI_JWT_SECRET is unset). Tokens valid for ${DEMO_TOKEN_TTL}:`);
  for (const [role, token] of Object.entries(demoTokens)) console.log(`  ${role.padEnd(8)} ${token}`);
}

const app = createApp({
  db,
  jwtSecret: config.jwtSecret,
  corsOrigins: config.corsOrigins,
  demoTokens,
  staticRoot: fileURLToPath(new URL('..', import.meta.url)),
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (address) => {
  const base = `http://${config.host}:${address.port}/`;
  console.log(`Okaeri is running at ${base} (demo: /  careers: /careers.html  API: /api/v1/meta)`);
});

function shutDown(signal: string): void {
  console.log(`${signal}: closing`);
  const exit = () => {
    db.close();
    process.exit(0);
  };
  server.close(exit);
  // Keep-alive connections can hold close() open; they must not keep the process alive.
  setTimeout(exit, 5000).unref();
}
process.once('SIGINT', () => shutDown('SIGINT'));
process.once('SIGTERM', () => shutDown('SIGTERM'));
