/*
 * The PostgreSQL half of test/server/backend.ts: every call makes a new database on the server
 * OKAERI_TEST_DATABASE_URL names (a copy of a migrated template, see
 * server/db/postgres/scratch.ts), dropped on close. `.ci/run` starts a throwaway cluster for it
 * (scripts/postgres.mjs); locally: `node scripts/postgres.mjs start` and export the URL it prints.
 */
import pg from 'pg';
import { type PostgresStore, openPostgresStore } from '../../server/data/postgres/store.js';
import type { Store } from '../../server/data/store.js';
import { createScratchDatabase } from '../../server/db/postgres/scratch.js';
import type { TestDatabase, TestSql } from './backend.js';

/*
 * Rows as the SQLite half returns them, so that a test's expectations hold on both: booleans as
 * 1/0, JSON columns as their text, bigints as numbers.
 */
const TEST_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const { builtins } = pg.types;
    if (oid === builtins.BOOL) return (value: string) => (value === 't' ? 1 : 0);
    if (oid === builtins.JSON || oid === builtins.JSONB) return (value: string) => value;
    if (oid === builtins.INT8) return Number;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** `?` placeholders (outside quoted strings) as `$1, $2, …`. */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  let quote: string | null = null;
  let out = '';
  for (const character of sql) {
    if (quote) {
      if (character === quote) quote = null;
    } else if (character === "'" || character === '"') {
      quote = character;
    } else if (character === '?') {
      out += `$${++index}`;
      continue;
    }
    out += character;
  }
  return out;
}

function postgresSql(pool: pg.Pool): TestSql {
  // Booleans given as parameters stay booleans; SQLite's 1/0 for a boolean column is cast by
  // PostgreSQL only from text, so numbers are sent as they are and tests pass what the column holds.
  return {
    async rows<T>(sql: string, ...params: unknown[]) {
      return (await pool.query(numberPlaceholders(sql), params)).rows as T[];
    },
    async value<T>(sql: string, ...params: unknown[]) {
      const result = await pool.query({ text: numberPlaceholders(sql), values: params, rowMode: 'array' });
      return result.rows[0]?.[0] as T | undefined;
    },
    async run(sql: string, ...params: unknown[]) {
      await pool.query(numberPlaceholders(sql), params);
    },
  };
}

export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.OKAERI_TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error('OKAERI_TEST_BACKEND=postgres needs OKAERI_TEST_DATABASE_URL (node scripts/postgres.mjs start prints one).');
  }
  const scratch = await createScratchDatabase(serverUrl);
  const store: PostgresStore = await openPostgresStore(scratch.url, { poolSize: 4 });
  const rowsPool = new pg.Pool({ connectionString: scratch.url, max: 2, types: TEST_TYPES });
  const others: Store[] = [];
  let closed = false;
  return {
    store,
    sql: postgresSql(rowsPool),
    async openAnother() {
      const other = await openPostgresStore(scratch.url, { poolSize: 4, migrate: false });
      others.push(other);
      return other;
    },
    // The pool's queries all pass through Client#query (the test's own rowsPool must stay idle meanwhile).
    async countQueries(work) {
      const query = pg.Client.prototype.query;
      let count = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        count++;
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      try {
        await work();
      } finally {
        pg.Client.prototype.query = query;
      }
      return count;
    },
    async breakConnection() {
      // The pool is ended under the app: every later query fails, as with a lost database.
      await store.close();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const other of others) await other.close();
      await store.close();
      await rowsPool.end();
      await scratch.drop();
    },
  };
}
