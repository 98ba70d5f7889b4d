import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { type Db, openDatabase } from '../../server/db/open.js';
import { MIGRATIONS } from '../../server/db/migrations.js';
import { seedAlumni } from '../../server/seed/alumni.js';
import { DEMO_ALUMNI_COUNT, seedIfEmpty } from '../../server/seed/demo.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';

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

describe('migrations', () => {
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
  const db = openDatabase(freshDbPath());
  const seeded = seedIfEmpty(db);
  after(() => db.close());

  it('seeds an empty database once', () => {
    assert.equal(seeded, true);
    assert.equal(seedIfEmpty(db), false);
  });

  it('creates at least 300 alumni, the Japanese ones with hiragana furigana', () => {
    type Names = Record<'family_name' | 'given_name', string> &
      Record<'family_name_kana' | 'given_name_kana', string | null>;
    const alumni = db
      .prepare<[], Names>('SELECT family_name, given_name, family_name_kana, given_name_kana FROM alumni')
      .all();
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

  it('keeps tenures in order and in the past, and gives everyone a consent record', () => {
    const currentMonth = new Date().toISOString().slice(0, 7);
    const outOfOrder = `SELECT COUNT(*) FROM alumni
      WHERE left_month < joined_month OR left_month >= '${currentMonth}' OR joined_month < '2005-01'`;
    assert.equal(count(db, outOfOrder), 0);
    const withoutConsent = 'SELECT COUNT(*) FROM alumni WHERE id NOT IN (SELECT alumni_id FROM consents)';
    assert.equal(count(db, withoutConsent), 0);
    const listedShare = count(db, 'SELECT AVG(listed) * 100 FROM alumni');
    assert.ok(listedShare > 65 && listedShare < 85, `${listedShare}% listed`);
  });

  it('has the demo personas the tokens are minted for', () => {
    const employeeRole = (id: string) =>
      db.prepare<[string], string>('SELECT role FROM employees WHERE id = ?').pluck().get(id);
    assert.equal(count(db, `SELECT COUNT(*) FROM alumni WHERE id = '${DEMO_PERSONAS.alumni}'`), 1);
    assert.equal(employeeRole(DEMO_PERSONAS.employee), 'employee');
    assert.equal(employeeRole(DEMO_PERSONAS.hr), 'hr');
  });

  it('has returners before and after their return date, with checklists in all four categories', () => {
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(count(db, `SELECT COUNT(*) FROM returners WHERE return_date < '${today}'`) >= 2);
    assert.ok(count(db, `SELECT COUNT(*) FROM returners WHERE return_date > '${today}'`) >= 1);
    const checklists = db
      .prepare<[], { items: number; categories: number; done: number }>(
        `SELECT COUNT(*) AS items, COUNT(DISTINCT category_id) AS categories, SUM(done) AS done
         FROM checklist_items GROUP BY returner_id`,
      )
      .all();
    assert.ok(checklists.length >= 3);
    for (const checklist of checklists) {
      // the 12-item template plus one "what changed" item per change recorded since they left
      assert.ok(checklist.items >= 12 && checklist.items <= 12 + 7);
      assert.equal(checklist.categories, 4);
    }
    assert.ok(checklists.some((checklist) => checklist.done > 0));
  });

  it('has welcome-back announcements, one still a draft, the published ones with reactions', () => {
    const statuses = db.prepare<[], string>('SELECT status FROM announcements').pluck().all();
    assert.equal(statuses.filter((status) => status === 'draft').length, 1);
    assert.ok(statuses.filter((status) => status === 'published').length >= 2);
    const reactionsToDrafts = `SELECT COUNT(*) FROM reactions
      JOIN announcements ON announcements.id = announcement_id WHERE status = 'draft'`;
    assert.equal(count(db, reactionsToDrafts), 0);
    assert.ok(count(db, 'SELECT COUNT(*) FROM reactions') > 0);
    assert.ok(count(db, 'SELECT COUNT(*) FROM org_changes') >= 6);
  });

  it('gives a fresh database the same ids every time', () => {
    const other = openDatabase(freshDbPath());
    seedIfEmpty(other);
    const ids = (database: Db, table: string) =>
      database.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all();
    for (const table of ['alumni', 'employees', 'returners', 'checklist_items', 'announcements']) {
      assert.deepEqual(ids(other, table), ids(db, table), table);
    }
    other.close();
  });
});

describe('seedAlumni', () => {
  it('adds exactly the requested number, again and again, without colliding', () => {
    const db = openDatabase(freshDbPath());
    seedIfEmpty(db);
    const before = count(db, 'SELECT COUNT(*) FROM alumni');
    assert.equal(seedAlumni(db, 1000, { seed: 7 }), 1000);
    assert.equal(seedAlumni(db, 1000, { seed: 8 }), 1000);
    assert.equal(count(db, 'SELECT COUNT(*) FROM alumni'), before + 2000);
    assert.equal(count(db, 'SELECT COUNT(*) FROM consents'), before + 2000);
    db.close();
  });
});
