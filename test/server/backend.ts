/*
 * The backend the server tests run on: OKAERI_TEST_BACKEND=sqlite (the default) or postgres.
 * Every test gets a fresh, migrated, empty store; tests check results through the store or the
 * HTTP app. The few that must look at rows the interface does not expose (an idempotency key's
 * age, a column no response carries) use `sql`, with portable SQL and `?` placeholders.
 *
 * The PostgreSQL half lives in ./backend-postgres.ts (helper B2's): it exports
 * `freshPostgresDatabase(): Promise<TestDatabase>` (a new database or schema per call, dropped on
 * close), and needs OKAERI_TEST_DATABASE_URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SqliteStore, openSqliteStore } from '../../server/data/sqlite.js';
import type { Backend, Store } from '../../server/data/store.js';

export const TEST_BACKEND: Backend = parseBackend(process.env.OKAERI_TEST_BACKEND);

function parseBackend(value: string | undefined): Backend {
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`OKAERI_TEST_BACKEND must be "sqlite" or "postgres", got "${value}"`);
}

/** Direct SQL for tests, in the dialect both backends share; `?` placeholders. */
export interface TestSql {
  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** The first column of the first row (undefined without rows). */
  value<T = unknown>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  run(sql: string, ...params: unknown[]): Promise<void>;
}

export interface TestDatabase {
  store: Store;
  sql: TestSql;
  /**
   * Another store on the same data, as a second server process would have (its own connection,
   * its own in-process state).
   */
  openAnother(): Promise<Store>;
  /** Makes the database stop answering (the connection closed under the app), for 5xx paths. */
  breakConnection(): Promise<void>;
  /** Runs `work` and counts the statements the store sent to the database meanwhile (run nothing else concurrently). */
  countQueries(work: () => Promise<unknown>): Promise<number>;
  /** Closes every store opened here and deletes the data. */
  close(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDatabase> {
  if (TEST_BACKEND === 'postgres') {
    // A path in a variable: the module is B2's and absent until the PostgreSQL half exists.
    const module = './backend-postgres.js';
    const { freshPostgresDatabase } = (await import(module)) as {
      freshPostgresDatabase: () => Promise<TestDatabase>;
    };
    return freshPostgresDatabase();
  }
  return freshSqliteDatabase();
}

/** A database file in its own temporary directory. */
export function freshSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-test-'));
  const path = join(dir, 'okaeri.db');
  const store = openSqliteStore(path);
  const others: SqliteStore[] = [];
  return {
    store,
    sql: sqliteSql(store),
    async openAnother() {
      const other = openSqliteStore(path);
      others.push(other);
      return other;
    },
    async breakConnection() {
      store.db.close();
    },
    // Every data function prepares its statements where it runs them, so preparing is running.
    async countQueries(work) {
      const { db } = store;
      const prepare = db.prepare;
      let count = 0;
      db.prepare = ((...args: Parameters<typeof prepare>) => {
        count++;
        return prepare.apply(db, args);
      }) as typeof prepare;
      try {
        await work();
      } finally {
        db.prepare = prepare;
      }
      return count;
    },
    async close() {
      for (const other of others) await other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function sqliteSql(store: SqliteStore): TestSql {
  return {
    async rows<T>(sql: string, ...params: unknown[]) {
      return store.db.prepare(sql).all(...params) as T[];
    },
    async value<T>(sql: string, ...params: unknown[]) {
      return store.db.prepare(sql).pluck().get(...params) as T | undefined;
    },
    async run(sql: string, ...params: unknown[]) {
      store.db.prepare(sql).run(...params);
    },
  };
}
