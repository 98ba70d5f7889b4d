import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Any constant shared by every instance: the advisory lock that serializes migrations. */
const MIGRATION_LOCK = 7_250_401_014n;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/**
 * The numbered files `NNNN_name.sql`, in order. Their numbers must run 1, 2, 3, … without gaps,
 * so a file added out of order or twice fails here, before anything is applied.
 */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`Migration file names are NNNN_name.sql: ${file}`);
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return { version: Number(match[1]), name: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${String(index + 1).padStart(4, '0')} is missing (found ${migration.version}).`);
    }
  });
  return migrations;
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its own transaction,
 * under a session-level advisory lock: several instances starting at once (or `npm run migrate`
 * next to a starting server) apply each migration exactly once, the others wait and then find
 * nothing to do. A recorded migration whose file changed since is an error: released migrations
 * are never edited. Returns the versions applied now.
 */
export async function migratePostgres(pool: pg.Pool, migrations = readMigrations()): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations',
      );
      const applied = new Map(rows.map((row) => [row.version, row.checksum]));
      const newlyApplied: number[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.version);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(`Migration ${migration.version} (${migration.name}) was changed after it was applied.`);
          }
          continue;
        }
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
        }
        newlyApplied.push(migration.version);
      }
      const known = new Set(migrations.map((migration) => migration.version));
      const unknown = [...applied.keys()].filter((version) => !known.has(version));
      if (unknown.length) {
        throw new Error(`The database has migrations this server does not know (${unknown.join(', ')}): it is older than the schema.`);
      }
      return newlyApplied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
