import { type AppOptions, createApp } from '../../server/app.js';
import { type TokenRole, mintToken } from '../../server/auth.js';
import { type Db, openDatabase } from '../../server/db/open.js';
import { DEFAULT_VISIBILITY, type Visibility } from '../../server/domain/visibility.js';
import { type AlumnusRecord, prepareAlumnusInsert } from '../../server/data/alumni.js';
import { type SqliteStore, sqliteStore } from '../../server/data/sqlite.js';
import { DEPARTMENTS } from '../../server/seed/catalog.js';
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
  db: Db;
  /** The app's store over `db` (for the seeders, which write through it). */
  store: SqliteStore;
  app: ReturnType<typeof createApp>;
  add(...records: AlumnusRecord[]): AlumnusRecord[];
  /** GET `path` as `role` ('public': no token); the parsed body and the status. */
  get(role: TokenRole | 'public', path: string): Promise<{ status: number; body: any; headers: Headers }>;
  close(): void;
}

const tokens = new Map<TokenRole, Promise<string>>();

function bearer(role: TokenRole): Promise<string> {
  let token = tokens.get(role);
  if (!token) tokens.set(role, (token = mintToken(TEST_SECRET, { role, sub: `viewer-${role}`, ttl: '1h' })));
  return token;
}

/** An in-memory database with the departments and the given alumni, and its app. */
export function directoryFixture(options: Partial<Omit<AppOptions, 'store'>> = {}): DirectoryFixture {
  const db = openDatabase(':memory:');
  const insertDepartment = db.prepare('INSERT INTO departments (id, name_en, name_ja, sort) VALUES (?, ?, ?, ?)');
  DEPARTMENTS.forEach((department, index) =>
    insertDepartment.run(department.id, department.name.en, department.name.ja, index + 1),
  );
  const insert = prepareAlumnusInsert(db);
  const store = sqliteStore(db);
  const app = createApp({ jwtSecret: TEST_SECRET, corsOrigins: [], ...options, store });
  return {
    db,
    store,
    app,
    add(...records) {
      db.transaction(() => records.forEach(insert))();
      return records;
    },
    async get(role, path) {
      const headers: Record<string, string> = role === 'public' ? {} : { Authorization: `Bearer ${await bearer(role)}` };
      const response = await app.request(path, { headers });
      return { status: response.status, body: await response.json(), headers: response.headers };
    },
    close() {
      if (db.open) db.close();
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
