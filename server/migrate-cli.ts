// `npm run migrate`: applies pending migrations and exits — the deploy step before new instances
// start (which then run with OKAERI_MIGRATE=off). PostgreSQL when OKAERI_DATABASE_URL is set
// (under an advisory lock: safe next to instances that are starting), else the SQLite file.
import { loadConfig } from './config.js';
import { openSqliteStore } from './data/sqlite.js';
import { migratePostgres } from './db/postgres/migrate.js';
import { createPool } from './db/postgres/pool.js';

// The secret is not needed to migrate; loadConfig insists on one only for serving.
const config = loadConfig({ OKAERI_JWT_SECRET: 'unused-by-migrations', ...process.env });
if (config.databaseUrl) {
  const pool = createPool(config.databaseUrl, { max: 1 });
  try {
    const applied = await migratePostgres(pool);
    console.log(applied.length ? `Applied PostgreSQL migrations ${applied.join(', ')}` : 'PostgreSQL schema is up to date');
    // The directory index is written by the application: a new index version is rebuilt here too.
    const { openPostgresStore } = await import('./data/postgres/store.js');
    const store = await openPostgresStore(config.databaseUrl, { migrate: false, poolSize: 1 });
    await store.close();
  } finally {
    await pool.end();
  }
} else {
  // Opening the file migrates it (each migration in an IMMEDIATE transaction).
  const store = openSqliteStore(config.dbPath);
  await store.close();
  console.log(`SQLite schema of ${config.dbPath} is up to date`);
}
