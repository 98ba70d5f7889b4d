import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type DirectoryQuery,
  directoryPlan,
  ensureDirectoryIndex,
  listDirectory,
  registerDirectoryFunctions,
  syncDirectoryEntries,
} from '../../server/data/directory.js';
import { openDatabase } from '../../server/db/open.js';
import { migrate } from '../../server/db/migrate.js';
import { MIGRATIONS } from '../../server/db/migrations.js';
import type { Audience } from '../../server/domain/member-view.js';
import { queryWords } from '../../server/domain/search-text.js';
import { prepareAlumnusInsert } from '../../server/data/alumni.js';
import { seedAlumni } from '../../server/seed/alumni.js';
import { DEPARTMENTS } from '../../server/seed/catalog.js';
import { TEST_BACKEND } from './backend.js';
import { alumnus, directoryFixture, type DirectoryFixture } from './directory-fixtures.js';

// SQLite's index internals (its migrations and FTS5 query plans); the PostgreSQL half runs the
// same directory behaviour through the API in directory*.test.ts.
const SQLITE_ONLY = TEST_BACKEND === 'sqlite' ? false : 'SQLite index internals';

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
  ['romaji', { words: queryWords('sato') }],
  ['romaji, in en order', { words: queryWords('ka'), order: 'en' }],
  ['a department, in en order', { departments: ['engineering'], order: 'en' }],
];

function snapshot(db: Database.Database): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const audience of AUDIENCES) {
    for (const [name, overrides] of QUERIES) pages.set(`${audience}: ${name}`, walk(db, query(audience, overrides)));
  }
  return pages;
}

describe('directory migration 5 (the index kept by the application)', { skip: SQLITE_ONLY }, () => {
  it('upgrades a database whose index triggers ran, with the same pages as a new one and no trigger left', async () => {
    const fresh = await directoryFixture();
    const old = new Database(':memory:');
    try {
      await seedAlumni(fresh.store, 600, { seed: 31 });
      // The same members in a database at migration 4, written through its triggers.
      old.pragma('foreign_keys = ON');
      registerDirectoryFunctions(old);
      migrate(old, MIGRATIONS.slice(0, 4));
      const insertDepartment = old.prepare('INSERT INTO departments (id, name_en, name_ja, sort) VALUES (?, ?, ?, ?)');
      DEPARTMENTS.forEach((department, index) =>
        insertDepartment.run(department.id, department.name.en, department.name.ja, index + 1),
      );
      // The columns alumni had at migration 4 (later migrations may add more).
      const columns = (old.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('alumni') as string[]).join(', ');
      const rows = fresh.db.prepare(`SELECT ${columns} FROM alumni ORDER BY rowid`).raw().all() as unknown[][];
      const insert = old.prepare(`INSERT INTO alumni (${columns}) VALUES (${rows[0]!.map(() => '?').join(', ')})`);
      old.transaction(() => rows.forEach((row) => insert.run(...row)))();
      assert.equal(old.prepare('SELECT COUNT(*) FROM directory_entries').pluck().get(), 600);

      migrate(old, MIGRATIONS);
      ensureDirectoryIndex(old);

      assert.equal(old.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get(), MIGRATIONS.length);
      assert.deepEqual(old.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all(), []);
      assert.deepEqual(snapshot(old), snapshot(fresh.db));
      for (const order of ['ja', 'en'] as const) {
        assert.deepEqual(walk(old, query('alumni', { order })), walk(fresh.db, query('alumni', { order })));
      }
      const names = old.prepare('SELECT id, family_name || given_name AS name FROM alumni').all() as { id: string; name: string }[];
      const hr = (db: Database.Database, text: string) => walk(db, query('hr', { words: queryWords(text) }));
      for (const { id, name } of names) assert.ok(hr(old, name).includes(id), `${name} (${id})`);
      old.exec("INSERT INTO directory_search (directory_search, rank) VALUES ('integrity-check', 0)");
    } finally {
      old.close();
      fresh.close();
    }
  });

  it('keeps the index with application code only: a connection without the old SQL functions writes and finds', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'okaeri-index-')), 'directory.db');
    const first = openDatabase(path);
    first.close();
    // A bare connection (no okaeri_* functions registered): a trigger calling one would fail here.
    const bare = new Database(path);
    try {
      bare.pragma('foreign_keys = ON');
      bare.prepare("INSERT INTO departments (id, name_en, name_ja, sort) VALUES ('engineering', 'Engineering', '技術', 1)").run();
      const added = alumnus({ familyName: '新井', givenName: '光', familyNameKana: 'あらい', givenNameKana: 'ひかる', currentCompany: 'Quillfeather Labs' });
      bare.transaction(() => prepareAlumnusInsert(bare)(added))();
      const find = (text: string) => walk(bare, query('hr', { words: queryWords(text) }));
      assert.deepEqual(find('quillfeather'), [added.id]);
      assert.deepEqual(find('arai hikaru'), [added.id]);
      bare.transaction(() => {
        bare.prepare("UPDATE alumni SET current_company = 'Zephyrine Works' WHERE id = ?").run(added.id);
        syncDirectoryEntries(bare, added.id);
      })();
      assert.deepEqual(find('quillfeather'), []);
      assert.deepEqual(find('zephyrine'), [added.id]);
    } finally {
      bare.close();
      rmSync(dirname(path), { recursive: true, force: true });
    }
  });
});

describe('directory query plans', { skip: SQLITE_ONLY }, () => {
  let dir: DirectoryFixture;
  const threshold = directoryPlan.fewMatches;
  before(async () => {
    dir = await directoryFixture();
    await seedAlumni(dir.store, 500, { seed: 57 });
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
