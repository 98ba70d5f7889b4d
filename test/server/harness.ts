import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp } from '../../server/app.js';
import { type TokenRole, mintToken } from '../../server/auth.js';
import { type Db, openDatabase } from '../../server/db/open.js';
import { seedIfEmpty } from '../../server/seed/demo.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';

export const TEST_SECRET = 'a-secret-only-the-tests-know-0123456789';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  db: Db;
  dir: string;
  /** A bearer header value for `role` (its demo persona unless `sub` is given). */
  bearer(role: TokenRole, options?: { sub?: string; ttl?: string; secret?: string }): Promise<string>;
  close(): void;
}

/** A fresh database file in a temporary directory, seeded unless told otherwise, and its app. */
export function startTestServer(
  options: Partial<Omit<AppOptions, 'db'>> & { seed?: boolean } = {},
): TestServer {
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-test-'));
  const db = openDatabase(join(dir, 'okaeri.db'));
  if (options.seed !== false) seedIfEmpty(db);
  const app = createApp({ jwtSecret: TEST_SECRET, corsOrigins: [], ...options, db });
  return {
    app,
    db,
    dir,
    async bearer(role, { sub = DEMO_PERSONAS[role], ttl = '5m', secret = TEST_SECRET } = {}) {
      return `Bearer ${await mintToken(secret, { role, sub, ttl })}`;
    },
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
