import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { mintToken } from '../../server/auth.js';
import { type Db, openDatabase } from '../../server/db/open.js';
import { MIGRATIONS } from '../../server/db/migrations.js';
import { seedAlumni } from '../../server/seed/alumni.js';
import { DEMO_ALUMNI_COUNT, seedIfEmpty } from '../../server/seed/demo.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { TEST_BACKEND, type TestDatabase, freshDatabase } from './backend.js';
import { TEST_SECRET } from './harness.js';

const HIRAGANA = /^[\u3041-\u309f]+$/;
const HAS_KANJI_OR_KANA = /[\u3040-\u30ff\u4e00-\u9fff]/;

const directories: string[] = [];
function freshDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-db-test-'));
  directories.push(dir);
  return join(dir, 'okaeri.db');
}
after(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

function count(db: Db, sql: string): number {
  return db.prepare<[], number>(sql).pluck().get()!;
}

// The SQLite file's own schema; PostgreSQL's migrations have their tests next to them.
describe('migrations (SQLite)', { skip: TEST_BACKEND !== 'sqlite' }, () => {
  it('apply once: opening the same file again changes nothing', () => {
    const path = freshDbPath();
    const first = openDatabase(path);
    const tables = first.prepare("SELECT name, sql FROM sqlite_schema ORDER BY name").all();
    first.close();
    const second = openDatabase(path);
    assert.deepEqual(second.prepare("SELECT name, sql FROM sqlite_schema ORDER BY name").all(), tables);
    assert.deepEqual(
      second.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(),
      MIGRATIONS.map((_, index) => index + 1),
    );
    assert.equal(count(second, 'SELECT COUNT(*) FROM checklist_categories'), 4);
    second.close();
  });

  it('create every table the product needs, with WAL and foreign keys on', () => {
    const db = openDatabase(freshDbPath());
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all();
    for (const table of [
      'departments', 'alumni', 'consents', 'employees', 'returners', 'checklist_categories',
      'checklist_items', 'org_changes', 'announcements', 'reactions', 'audit_log',
      'idempotency_keys', 'settings',
    ]) {
      assert.ok(tables.includes(table), table);
    }
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    const returnerOfNobody = db.prepare(
      "INSERT INTO returners (id, alumni_id, return_date, created_at) VALUES ('r', 'nobody', '2025-01-01', 'now')",
    );
    assert.throws(() => returnerOfNobody.run(), /FOREIGN KEY/);
    db.close();
  });
});

describe('the demo seed', () => {
  let database: TestDatabase;
  let seeded: boolean;
  const count = async (sql: string) => Number(await database.sql.value(sql));
  before(async () => {
    database = await freshDatabase();
    seeded = await seedIfEmpty(database.store);
  });
  after(() => database.close());

  it('seeds an empty database once', async () => {
    assert.equal(seeded, true);
    assert.equal(await seedIfEmpty(database.store), false);
  });

  it('creates at least 300 alumni, the Japanese ones with hiragana furigana', async () => {
    type Names = Record<'family_name' | 'given_name', string> &
      Record<'family_name_kana' | 'given_name_kana', string | null>;
    const alumni = await database.sql.rows<Names>('SELECT family_name, given_name, family_name_kana, given_name_kana FROM alumni');
    assert.ok(alumni.length >= DEMO_ALUMNI_COUNT, `${alumni.length} alumni`);
    const japanese = alumni.filter((a) => HAS_KANJI_OR_KANA.test(a.family_name));
    assert.ok(japanese.length / alumni.length > 0.6 && japanese.length / alumni.length < 0.8);
    for (const a of japanese) {
      assert.match(a.family_name_kana ?? '', HIRAGANA, `${a.family_name} has furigana`);
      assert.match(a.given_name_kana ?? '', HIRAGANA, `${a.given_name} has furigana`);
    }
    for (const a of alumni.filter((row) => !HAS_KANJI_OR_KANA.test(row.family_name))) {
      assert.equal(a.family_name_kana, null);
    }
  });

  it('keeps tenures in order and in the past, and gives everyone a consent record', async () => {
    const currentMonth = new Date().toISOString().slice(0, 7);
    const outOfOrder = `SELECT COUNT(*) FROM alumni
      WHERE left_month < joined_month OR left_month >= '${currentMonth}' OR joined_month < '2005-01'`;
    assert.equal(await count(outOfOrder), 0);
    const withoutConsent = 'SELECT COUNT(*) FROM alumni WHERE id NOT IN (SELECT alumni_id FROM consents)';
    assert.equal(await count(withoutConsent), 0);
    const listedShare = (await count('SELECT COUNT(*) FROM alumni WHERE listed = TRUE')) / (await database.store.alumni.count()) * 100;
    assert.ok(listedShare > 65 && listedShare < 85, `${listedShare}% listed`);
  });

  it('has the demo personas the tokens are minted for', async () => {
    const employeeRole = (id: string) => database.sql.value('SELECT role FROM employees WHERE id = ?', id);
    assert.equal(await count(`SELECT COUNT(*) FROM alumni WHERE id = '${DEMO_PERSONAS.alumni}'`), 1);
    assert.equal(await employeeRole(DEMO_PERSONAS.employee), 'employee');
    assert.equal(await employeeRole(DEMO_PERSONAS.hr), 'hr');
    assert.equal(await database.store.employees.exists(DEMO_PERSONAS.hr), true);
  });

  it('has returners before and after their return date, with checklists in all four categories', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { items: returners } = await database.store.returners.list({ limit: 100, after: null });
    assert.ok(returners.filter((returner) => returner.returnDate < today).length >= 2);
    assert.ok(returners.filter((returner) => returner.returnDate > today).length >= 1);
    assert.ok(returners.length >= 3);
    const template = await database.store.checklistTemplate.list();
    assert.equal(template.length, 12);
    let anyDone = false;
    for (const { id } of returners) {
      const { items } = await database.store.checklists.read((await database.store.returners.get(id))!, 'hr');
      // the 12-item template plus one "what changed" item per change recorded since they left
      assert.ok(items.length >= 12 && items.length <= 12 + 7);
      assert.equal(new Set(items.map((item) => item.categoryId)).size, 4);
      anyDone ||= items.some((item) => item.done);
    }
    assert.ok(anyDone);
  });

  it('has welcome-back announcements, one still a draft, the published ones with reactions', async () => {
    const statuses = (await database.sql.rows<{ status: string }>('SELECT status FROM announcements')).map((row) => row.status);
    assert.equal(statuses.filter((status) => status === 'draft').length, 1);
    assert.ok(statuses.filter((status) => status === 'published').length >= 2);
    const reactionsToDrafts = `SELECT COUNT(*) FROM reactions
      JOIN announcements ON announcements.id = announcement_id WHERE status = 'draft'`;
    assert.equal(await count(reactionsToDrafts), 0);
    assert.ok((await count('SELECT COUNT(*) FROM reactions')) > 0);
    assert.ok((await database.store.orgChanges.list()).length >= 6);
  });

  it("gives a share of members a return intent, so the directory's open-to-returning filter finds people for an employee and an alumnus", async () => {
    const said = await database.sql.rows<{ return_intent: string; return_intent_visibility: string; n: number }>(
      `SELECT return_intent, return_intent_visibility, COUNT(*) AS n FROM alumni WHERE return_intent IS NOT NULL
       GROUP BY return_intent, return_intent_visibility`,
    );
    const total = await database.store.alumni.count();
    const share = said.reduce((sum, row) => sum + Number(row.n), 0) / total;
    assert.ok(share > 0.25 && share < 0.55, `${Math.round(share * 100)}% said something`);
    for (const intent of ['open-now', 'open-from', 'not-now']) {
      for (const visibility of ['alumni', 'hr', 'hidden']) {
        assert.ok(said.some((row) => row.return_intent === intent && row.return_intent_visibility === visibility), `${intent} for ${visibility}`);
      }
    }

    const app = createApp({ store: database.store, jwtSecret: TEST_SECRET, corsOrigins: [] });
    const found = async (role: 'employee' | 'alumni', intent: string) => {
      const authorization = `Bearer ${await mintToken(TEST_SECRET, { role, sub: DEMO_PERSONAS[role], ttl: '5m' })}`;
      const response = await app.request(`/api/v1/alumni?intent=${intent}&limit=100`, { headers: { Authorization: authorization } });
      assert.equal(response.status, 200);
      return ((await response.json()) as { items: { id: string; returnIntent?: { intent?: string } }[] }).items;
    };
    for (const role of ['employee', 'alumni'] as const) {
      for (const window of ['open-now', 'within-6-months', 'later']) {
        const items = await found(role, window);
        assert.ok(items.length > 0, `${role} finds someone ${window}`);
        assert.ok(items.every((item) => item.returnIntent?.intent === (window === 'open-now' ? 'open-now' : 'open-from') || item.returnIntent?.intent === 'open-from'), JSON.stringify(items[0]));
      }
    }
    // Only intents shown to alumni and employees are matched for them.
    const visibleToThem = await count(
      `SELECT COUNT(*) FROM alumni WHERE return_intent IN ('open-now', 'open-from') AND return_intent_visibility = 'alumni' AND listed = TRUE AND status = 'active'`,
    );
    const all = await found('employee', 'open-now,within-6-months,later');
    assert.ok(all.length > 0 && all.length <= visibleToThem, `${all.length} of ${visibleToThem}`);
  });

  it('gives a fresh database the same ids every time', async () => {
    const other = await freshDatabase();
    try {
      await seedIfEmpty(other.store);
      const ids = async (target: TestDatabase, table: string) =>
        (await target.sql.rows<{ id: string }>(`SELECT id FROM ${table} ORDER BY id`)).map((row) => row.id);
      for (const table of ['alumni', 'employees', 'returners', 'checklist_items', 'announcements']) {
        assert.deepEqual(await ids(other, table), await ids(database, table), table);
      }
    } finally {
      await other.close();
    }
  });
});

describe('seedAlumni', () => {
  it('loads in bulk (5,000 at once): every member consented and searchable, the indexes all back', async () => {
    const database = await freshDatabase();
    try {
      const { store } = database;
      await seedIfEmpty(store);
      const indexes = TEST_BACKEND === 'sqlite' ? await database.sql.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name") : [];
      const before = await store.alumni.count();
      assert.equal(await seedAlumni(store, 5000, { seed: 9 }), 5000);
      assert.equal(await store.alumni.count(), before + 5000);
      assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM consents')), before + 5000);
      if (TEST_BACKEND === 'sqlite') {
        assert.deepEqual(await database.sql.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name"), indexes);
        // The HR console's index and both search tables were rebuilt for everyone, not only the new rows.
        assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM hr_member_index')), before + 5000);
        assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM hr_member_search')), before + 5000);
        assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM directory_search')), before + 5000);
      }
      // The directory index covers the bulk-loaded members: HR walks every one of them.
      let seen = 0;
      let after: { sortKey: string; id: string } | null = null;
      do {
        const page = await store.directory.list({
          audience: 'hr', words: [], departments: [], interests: [], location: null, leftFrom: null, leftTo: null, after, limit: 100,
        });
        seen += page.profiles.length;
        after = page.next;
      } while (after);
      assert.equal(seen, before + 5000);
    } finally {
      await database.close();
    }
  });

  it('adds exactly the requested number, again and again, without colliding', async () => {
    const database = await freshDatabase();
    try {
      const { store } = database;
      await seedIfEmpty(store);
      const before = await store.alumni.count();
      assert.equal(await seedAlumni(store, 1000, { seed: 7 }), 1000);
      assert.equal(await seedAlumni(store, 1000, { seed: 8 }), 1000);
      assert.equal(await store.alumni.count(), before + 2000);
      assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM consents')), before + 2000);
    } finally {
      await database.close();
    }
  });
});
