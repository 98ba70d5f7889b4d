import { type AppOptions, createApp } from '../../server/app.js';
import { type TokenRole, mintToken } from '../../server/auth.js';
import type { Store } from '../../server/data/store.js';
import { seedIfEmpty } from '../../server/seed/demo.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { type TestDatabase, type TestSql, freshDatabase } from './backend.js';

export const TEST_SECRET = 'a-secret-only-the-tests-know-0123456789';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  /** The app's store: what tests read results through. */
  store: Store;
  /** Direct SQL on the same database, for rows the interface does not expose. */
  sql: TestSql;
  database: TestDatabase;
  /** A bearer header value for `role` (its demo persona unless `sub` is given). */
  bearer(role: TokenRole, options?: { sub?: string; ttl?: string; secret?: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh database on the test backend (OKAERI_TEST_BACKEND), seeded with the demo data unless
 * told otherwise, and its app.
 */
export async function startTestServer(
  options: Partial<Omit<AppOptions, 'store'>> & { seed?: boolean } = {},
): Promise<TestServer> {
  const database = await freshDatabase();
  const { store } = database;
  if (options.seed !== false) await seedIfEmpty(store);
  const app = createApp({ jwtSecret: TEST_SECRET, corsOrigins: [], ...options, store });
  return {
    app,
    store,
    sql: database.sql,
    database,
    async bearer(role, { sub = DEMO_PERSONAS[role], ttl = '5m', secret = TEST_SECRET } = {}) {
      return `Bearer ${await mintToken(secret, { role, sub, ttl })}`;
    },
    close: () => database.close(),
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
