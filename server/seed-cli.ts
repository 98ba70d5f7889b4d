// `npm run seed -- --alumni 100000 [--db path] [--seed n]`: adds synthetic alumni, for load tests.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { resolveDbPath } from './config.js';
import { openSqliteStore } from './data/sqlite.js';
import { seedAlumni } from './seed/alumni.js';
import { seedIfEmpty } from './seed/demo.js';

const usage = `Usage: npm run seed -- --alumni <count> [--db path] [--seed n]
Creates and migrates the database (default OKAERI_DB or ./data/okaeri.db) if needed, seeds the
demo data into an empty one, then adds <count> alumni. --seed repeats a run's people exactly;
without it every run adds different ones.`;

const { values } = parseArgs({
  options: {
    alumni: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const count = Number(values.alumni);
const seed = values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
if (values.help || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const dbPath = resolveDbPath({ OKAERI_DB: values.db ?? process.env.OKAERI_DB });
const store = openSqliteStore(dbPath);
try {
  if (await seedIfEmpty(store)) console.log(`Seeded the demo data into ${dbPath}`);
  const started = performance.now();
  await seedAlumni(store, count, { seed });
  const seconds = (performance.now() - started) / 1000;
  const total = await store.alumni.count();
  console.log(`Added ${count} alumni (seed ${seed}) in ${seconds.toFixed(2)} s; ${total} in ${dbPath}`);
} finally {
  await store.close();
}
