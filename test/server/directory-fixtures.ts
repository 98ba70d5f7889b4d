import { after } from 'node:test';
import { type AppOptions, createApp } from '../../server/app.js';
import { type TokenRole, mintToken } from '../../server/auth.js';
import { type Db, openDatabase } from '../../server/db/open.js';
import { DEFAULT_VISIBILITY, type Visibility } from '../../server/domain/visibility.js';
import type { AlumnusRecord } from '../../server/data/alumni.js';
import { sqliteStore } from '../../server/data/sqlite.js';
import type { Store } from '../../server/data/store.js';
import { DEPARTMENTS } from '../../server/seed/catalog.js';
import { TEST_BACKEND, type TestDatabase, type TestSql, freshDatabase } from './backend.js';
import { TEST_SECRET } from './harness.js';

let sequence = 0;

/** A complete alumnus with everything visible to fellow alumni; override what a test is about. */
export function alumnus(
  overrides: Omit<Partial<AlumnusRecord>, 'visibility'> & { visibility?: Partial<Visibility> } = {},
): AlumnusRecord {
  sequence += 1;
  const { visibility, ...rest } = overrides;
  return {
    id: `al_test${String(sequence).padStart(11, '0')}`,
    familyName: '山田',
    givenName: '太郎',
    familyNameKana: 'やまだ',
    givenNameKana: 'たろう',
    email: `member${sequence}@example.com`,
    departmentId: 'engineering',
    departmentOther: null,
    roleAtLeaving: 'ソフトウェアエンジニア',
    joined: '2012-04',
    left: '2018-03',
    currentCompany: '株式会社青葉ソリューションズ',
    currentRole: 'プロダクトマネージャー',
    location: '東京',
    profileUrl: null,
    photoUrl: null,
    interests: ['networking'],
    listed: true,
    contactConsent: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    consentId: `cn_test${String(sequence).padStart(11, '0')}`,
    privacyPolicyVersion: '2025-04-01',
    ...rest,
    visibility: { ...DEFAULT_VISIBILITY, email: 'alumni', ...visibility },
  };
}

export interface DirectoryFixture {
  /** SQLite only (index internals); reading it on another backend throws. */
  db: Db;
  /** The app's store on the test backend (OKAERI_TEST_BACKEND): the seeders write through it. */
  store: Store;
  /** Direct SQL on the same database (portable SQL, `?` placeholders). */
  sql: TestSql;
  app: ReturnType<typeof createApp>;
  /**
   * Inserts the members (with the directory index) through the store. Returns at once; the
   * insert is queued, and `get` and `settled` wait for every queued insert first.
   */
  add(...records: AlumnusRecord[]): AlumnusRecord[];
  settled(): Promise<void>;
  /** GET `path` as `role` ('public': no token); the parsed body and the status. */
  get(role: TokenRole | 'public', path: string): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

const tokens = new Map<TokenRole, Promise<string>>();

function bearer(role: TokenRole): Promise<string> {
  let token = tokens.get(role);
  if (!token) tokens.set(role, (token = mintToken(TEST_SECRET, { role, sub: `viewer-${role}`, ttl: '1h' })));
  return token;
}

/*
 * Off SQLite, a new database per fixture costs a CREATE DATABASE (a third of a second, more on a
 * busy machine): the property test makes a hundred. So a closed fixture's database is emptied
 * (TRUNCATE … CASCADE: members, their index rows, departments and everything referring to them)
 * and handed to the next fixture of this test file; it is dropped when the file's tests end.
 */
let spare: TestDatabase | null = null;
const opened: TestDatabase[] = [];
after(async () => {
  for (const database of opened.splice(0)) await database.close();
});

async function reusableDatabase(): Promise<TestDatabase> {
  const database = spare ?? (await freshDatabase());
  spare = null;
  if (!opened.includes(database)) opened.push(database);
  return database;
}

async function releaseDatabase(database: TestDatabase): Promise<void> {
  await database.sql.run('TRUNCATE alumni, departments CASCADE');
  spare = database;
}

/** A fresh database on the test backend with the departments, and its app. */
export async function directoryFixture(options: Partial<Omit<AppOptions, 'store'>> = {}): Promise<DirectoryFixture> {
  // SQLite: in memory, as fast as it gets for the property test's hundreds of databases.
  const database: TestDatabase | null = TEST_BACKEND === 'sqlite' ? null : await reusableDatabase();
  const db = database ? null : openDatabase(':memory:');
  const store = database?.store ?? sqliteStore(db!);
  await store.seed.departments(DEPARTMENTS.map((department, index) => ({ id: department.id, name: department.name, sort: index + 1 })));
  const app = createApp({ jwtSecret: TEST_SECRET, corsOrigins: [], ...options, store });
  let queue: Promise<void> = Promise.resolve();
  const sql: TestSql = database?.sql ?? {
    async rows<T>(text: string, ...params: unknown[]) {
      return db!.prepare(text).all(...params) as T[];
    },
    async value<T>(text: string, ...params: unknown[]) {
      return db!.prepare(text).pluck().get(...params) as T | undefined;
    },
    async run(text: string, ...params: unknown[]) {
      db!.prepare(text).run(...params);
    },
  };
  return {
    get db(): Db {
      if (!db) throw new Error(`fixture.db is the SQLite connection; this run is on ${TEST_BACKEND}`);
      return db;
    },
    store,
    sql,
    // Requests wait for every queued insert, as `get` does: a test never reads before its adds land.
    app: Object.assign(Object.create(app), {
      request: async (...args: Parameters<typeof app.request>) => {
        await queue;
        return app.request(...args);
      },
    }) as typeof app,
    add(...records) {
      queue = queue.then(() => store.transaction((tx) => tx.seed.alumni(records)));
      return records;
    },
    settled: () => queue,
    async get(role, path) {
      await queue;
      const headers: Record<string, string> = role === 'public' ? {} : { Authorization: `Bearer ${await bearer(role)}` };
      const response = await app.request(path, { headers });
      return { status: response.status, body: await response.json(), headers: response.headers };
    },
    async close() {
      await queue.catch(() => undefined);
      if (database) await releaseDatabase(database);
      else await store.close();
    },
  };
}

/** `/api/v1/alumni` with these parameters (arrays become repeated parameters). */
export function listPath(params: Record<string, string | number | readonly string[] | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const query = search.toString();
  return `/api/v1/alumni${query ? `?${query}` : ''}`;
}

/** Follows `nextCursor` to the end; every item of every page, in order. */
export async function walkAll(
  fixture: DirectoryFixture,
  role: TokenRole,
  params: Record<string, string | number | readonly string[] | undefined>,
  between?: (page: number) => void,
  /** Filled with every `nextCursor` issued on the way. */
  cursors?: string[],
): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const { status, body } = await fixture.get(role, listPath({ ...params, cursor }));
    if (status !== 200) throw new Error(`page ${page}: ${status} ${JSON.stringify(body)}`);
    items.push(...body.items);
    if (body.nextCursor === null) return items;
    cursor = body.nextCursor;
    cursors?.push(body.nextCursor);
    between?.(page);
  }
  throw new Error('the cursor never ended');
}
