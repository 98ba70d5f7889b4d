import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { DIRECTORY_INDEX_VERSION } from '../../data/directory.js';
import { readMigrations } from './migrate.js';


/*
 * Fresh databases on a PostgreSQL server for tests and benchmarks: each is a copy of a template
 * database migrated once per schema version (CREATE DATABASE … TEMPLATE copies files; it takes
 * tens of milliseconds, where migrating each test's database would take a second).
 */

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The template's name changes with every migration and index version, so a stale one is never used. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations()) hash.update(migration.checksum);
  hash.update(String(DIRECTORY_INDEX_VERSION));
  return `okaeri_template_${hash.digest('hex').slice(0, 12)}`;
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const SQL_NAME = /^[a-z0-9_]+$/;

/** Creates (once, under an advisory lock: test files run in parallel processes) the migrated template. */
async function ensureTemplate(serverUrl: string): Promise<string> {
  const template = templateName();
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(7250401016)');
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      // Migrate and index through the store's own path, then rename: a template is complete or absent.
      const { openPostgresStore } = await import('../../data/postgres/store.js');
      const store = await openPostgresStore(withDatabase(serverUrl, building), { poolSize: 1 });
      await store.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7250401016)');
    }
  });
  return template;
}

export interface ScratchDatabase {
  url: string;
  /** Drops the database (after the caller closed its connections). */
  drop(): Promise<void>;
}

/** A new, migrated, empty database on the server `serverUrl` points at. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const template = await ensureTemplate(serverUrl);
  const name = `okaeri_scratch_${randomBytes(6).toString('hex')}`;
  if (!SQL_NAME.test(name) || !SQL_NAME.test(template)) throw new Error('unexpected database name');
  await withAdmin(serverUrl, async (admin) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (error) {
        // The template's last connection may still be closing ("being accessed by other users").
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  return {
    url: withDatabase(serverUrl, name),
    drop: () =>
      withAdmin(serverUrl, async (admin) => {
        // pg's Pool#end resolves once it has asked its clients to end, before their sessions are
        // gone; FORCE at once would terminate a session mid-goodbye, and that client throws
        // "terminating connection due to administrator command" into whatever runs next. Wait for
        // the sessions to go; force only what is still connected after a second.
        for (let attempt = 1; attempt <= 20; attempt++) {
          try {
            await admin.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006') throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}


