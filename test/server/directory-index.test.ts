import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import {
  type DirectoryQuery,
  directoryPlan,
  listDirectory,
  registerDirectoryFunctions,
} from '../../server/data/directory.js';
import { migrate } from '../../server/db/migrate.js';
import { MIGRATIONS } from '../../server/db/migrations.js';
import type { Audience } from '../../server/domain/member-view.js';
import { queryWords } from '../../server/domain/search-text.js';
import { prepareAlumnusInsert } from '../../server/data/alumni.js';
import { seedAlumni } from '../../server/seed/alumni.js';
import { DEPARTMENTS } from '../../server/seed/catalog.js';
import { alumnus, directoryFixture, type DirectoryFixture } from './directory-fixtures.js';

const AUDIENCES: readonly Audience[] = ['alumni', 'hr'];

function query(audience: Audience, overrides: Partial<DirectoryQuery> = {}): DirectoryQuery {
  return {
    audience, words: [], departments: [], interests: [], location: null, leftFrom: null, leftTo: null,
    after: null, limit: 20, ...overrides,
  };
}

/** Every id of every page, following the cursor. */
function walk(db: Database.Database, first: DirectoryQuery): string[] {
  const ids: string[] = [];
  let current = first;
  for (let page = 0; page < 10_000; page++) {
    const { profiles, next } = listDirectory(db, current);
    ids.push(...profiles.map((profile) => profile.id));
    if (!next) return ids;
    current = { ...current, after: next };
  }
  throw new Error('the cursor never ended');
}

const QUERIES: [string, Partial<DirectoryQuery>][] = [
  ['everyone', {}],
  ['a kanji name', { words: queryWords('佐藤') }],
  ['one kana', { words: queryWords('さ') }],
  ['one latin letter', { words: queryWords('a') }],
  ['two words', { words: queryWords('さ 株式会社') }],
  ['a search and a department', { words: queryWords('a'), departments: ['engineering', 'sales'] }],
  ['a search and the year people left', { words: queryWords('い'), leftFrom: 2010, leftTo: 2020 }],
  ['a department', { departments: ['engineering'] }],
];

function snapshot(db: Database.Database): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const audience of AUDIENCES) {
    for (const [name, overrides] of QUERIES) pages.set(`${audience}: ${name}`, walk(db, query(audience, overrides)));
  }
  return pages;
}

const ENTRY_COLUMNS = `alumni_id, entry_id, sort_key, listed, department_id, department_rank, location_key,
  location_rank, left_year, left_rank, interest_mask, interests_rank`;

describe('directory migration 3 (entries keyed by entry id)', () => {
  it('upgrades a database created at migration 2 with its data intact and the index in step', () => {
    const db = new Database(':memory:');
    try {
      db.pragma('foreign_keys = ON');
      registerDirectoryFunctions(db);
      migrate(db, MIGRATIONS.slice(0, 2));
      const insertDepartment = db.prepare('INSERT INTO departments (id, name_en, name_ja, sort) VALUES (?, ?, ?, ?)');
      DEPARTMENTS.forEach((department, index) =>
        insertDepartment.run(department.id, department.name.en, department.name.ja, index + 1),
      );
      seedAlumni(db, 600, { seed: 31 });
      const entriesBefore = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM directory_entries ORDER BY alumni_id`).all();
      const pagesBefore = snapshot(db);

      migrate(db, MIGRATIONS);

      assert.equal(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get(), MIGRATIONS.length);
      const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'directory_entries'").pluck().get() as string;
      assert.match(table, /entry_id INTEGER PRIMARY KEY/);
      assert.doesNotMatch(table, /WITHOUT ROWID/);
      assert.deepEqual(db.prepare(`SELECT ${ENTRY_COLUMNS} FROM directory_entries ORDER BY alumni_id`).all(), entriesBefore);
      assert.deepEqual(snapshot(db), pagesBefore);
      const triggers = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
        .pluck()
        .all();
      assert.deepEqual(triggers, [
        'alumni_directory_delete', 'alumni_directory_insert', 'alumni_directory_update', 'departments_directory_rename',
      ]);

      // The recreated triggers keep the index in step with every kind of write.
      const insert = prepareAlumnusInsert(db);
      const added = alumnus({ familyName: '新井', givenName: '光', familyNameKana: 'あらい', currentCompany: 'Quillfeather Labs' });
      db.transaction(() => insert(added))();
      const hr = (text: string) => walk(db, query('hr', { words: queryWords(text) }));
      assert.deepEqual(hr('quillfeather'), [added.id]);
      db.prepare("UPDATE alumni SET current_company = 'Zephyrine Works' WHERE id = ?").run(added.id);
      assert.deepEqual(hr('quillfeather'), []);
      assert.deepEqual(hr('zephyrine'), [added.id]);
      db.prepare("UPDATE departments SET name_en = 'Engineering and Quarks' WHERE id = 'engineering'").run();
      assert.ok(hr('quarks').includes(added.id));
      const victim = entriesBefore[0] as { alumni_id: string };
      db.prepare('DELETE FROM consents WHERE alumni_id = ?').run(victim.alumni_id);
      db.prepare('DELETE FROM alumni WHERE id = ?').run(victim.alumni_id);
      assert.equal(db.prepare('SELECT COUNT(*) FROM directory_entries WHERE alumni_id = ?').pluck().get(victim.alumni_id), 0);
      assert.equal(
        db.prepare('SELECT COUNT(*) FROM directory_entries').pluck().get(),
        db.prepare('SELECT COUNT(*) FROM alumni').pluck().get(),
      );
      // Every member is found by their name written together, and the FTS index is sound.
      const names = db.prepare('SELECT id, family_name || given_name AS name FROM alumni').all() as { id: string; name: string }[];
      for (const { id, name } of names) assert.ok(hr(name).includes(id), `${name} (${id})`);
      db.exec("INSERT INTO directory_search (directory_search, rank) VALUES ('integrity-check', 0)");
    } finally {
      db.close();
    }
  });
});

describe('directory query plans', () => {
  let dir: DirectoryFixture;
  const threshold = directoryPlan.fewMatches;
  before(() => {
    dir = directoryFixture();
    seedAlumni(dir.db, 500, { seed: 57 });
  });
  after(() => {
    directoryPlan.fewMatches = threshold;
    dir.close();
  });

  it('gives the same pages starting from the matches as walking the directory in order', () => {
    directoryPlan.fewMatches = 1_000_000;
    const fromMatches = snapshot(dir.db);
    directoryPlan.fewMatches = 0;
    const walking = snapshot(dir.db);
    directoryPlan.fewMatches = threshold;
    assert.deepEqual(walking, fromMatches);
    for (const [name, ids] of fromMatches) {
      assert.equal(new Set(ids).size, ids.length, `${name}: no duplicates`);
      assert.ok(ids.length > 0, `${name}: found nobody`);
      if (/everyone|one kana|one latin/.test(name)) assert.ok(ids.length > 20, `${name}: ${ids.length}, more than a page`);
    }
  });
});
