import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prepareAlumnusInsert } from '../../server/data/alumni.js';
import { type DirectoryQuery, listDirectory, syncDirectoryEntries } from '../../server/data/directory.js';
import { directoryPageCache } from '../../server/data/directory-page-cache.js';
import { type Db, openDatabase } from '../../server/db/open.js';
import { queryWords } from '../../server/domain/search-text.js';
import { DEPARTMENTS } from '../../server/seed/catalog.js';
import type { Store } from '../../server/data/store.js';
import { type TestDatabase, freshDatabase } from './backend.js';
import { alumnus } from './directory-fixtures.js';

/*
 * The directory's page cache (server/data/directory-page-cache.ts) never serves a page the database no
 * longer gives: not after a write on the same connection, not after a write by another
 * connection (another process on the same file), and not after a write that was rolled back.
 */

const query = (text: string): DirectoryQuery => ({
  audience: 'alumni', words: queryWords(text), departments: [], interests: [], location: null,
  leftFrom: null, leftTo: null, after: null, limit: 20,
});
const ids = (db: Db, text: string) => listDirectory(db, query(text)).profiles.map((profile) => profile.id);

describe('directory page cache', () => {
  let dir: string;
  let a: Db;
  let b: Db;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'okaeri-cache-'));
    a = openDatabase(join(dir, 'directory.db'));
    const insertDepartment = a.prepare('INSERT INTO departments (id, name_en, name_ja, sort) VALUES (?, ?, ?, ?)');
    DEPARTMENTS.forEach((department, index) => insertDepartment.run(department.id, department.name.en, department.name.ja, index + 1));
    b = openDatabase(join(dir, 'directory.db'));
  });
  after(() => {
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a repeated query from the cache, and the same page as the database', () => {
    const [member] = [alumnus({ familyName: '相川', givenName: '葵', familyNameKana: 'あいかわ', givenNameKana: 'あおい' })];
    a.transaction(() => prepareAlumnusInsert(a)(member!))();
    const first = listDirectory(a, query('aikawa'));
    assert.equal(listDirectory(a, query('aikawa')), first, 'the same page object: a hit');
    const size = directoryPageCache.size;
    directoryPageCache.size = 0;
    try {
      assert.deepEqual(listDirectory(a, query('aikawa')), first);
    } finally {
      directoryPageCache.size = size;
    }
  });

  it('follows a write on the same connection and one from another connection', () => {
    assert.deepEqual(ids(a, 'kuroda'), []);
    const mine = alumnus({ familyName: '黒田', givenName: '一', familyNameKana: 'くろだ', givenNameKana: 'はじめ' });
    a.transaction(() => prepareAlumnusInsert(a)(mine))();
    assert.deepEqual(ids(a, 'kuroda'), [mine.id]);
    // Another connection (as another process would) adds a namesake: the first one sees it.
    const theirs = alumnus({ familyName: '黒田', givenName: '二', familyNameKana: 'くろだ', givenNameKana: 'じろう' });
    b.transaction(() => prepareAlumnusInsert(b)(theirs))();
    assert.deepEqual(ids(a, 'kuroda').sort(), [mine.id, theirs.id].sort());
    b.transaction(() => {
      b.prepare('UPDATE alumni SET listed = 0 WHERE id = ?').run(theirs.id);
      syncDirectoryEntries(b, theirs.id);
    })();
    assert.deepEqual(ids(a, 'kuroda'), [mine.id]);
  });

  it('never serves what a rolled-back write showed', () => {
    const ghost = alumnus({ familyName: '幽谷', givenName: '霧', familyNameKana: 'ゆうこく', givenNameKana: 'きり' });
    assert.throws(() =>
      a.transaction(() => {
        prepareAlumnusInsert(a)(ghost);
        // Read (and cached) inside the write's transaction...
        assert.deepEqual(ids(a, 'yuukoku'), [ghost.id]);
        throw new Error('rolled back');
      })(),
    );
    // ...and gone with it.
    assert.deepEqual(ids(a, 'yuukoku'), []);
    // A later write gets a fresh generation, never the rolled-back one.
    const other = alumnus({ familyName: '別府', givenName: '湯', familyNameKana: 'べっぷ', givenNameKana: 'ゆ' });
    a.transaction(() => prepareAlumnusInsert(a)(other))();
    assert.deepEqual(ids(a, 'yuukoku'), []);
    assert.deepEqual(ids(a, 'beppu'), [other.id]);
  });
});

describe('directory page cache, on the test backend through the store', () => {
  let database: TestDatabase;
  let store: Store;
  let other: Store;
  before(async () => {
    database = await freshDatabase();
    store = database.store;
    await store.seed.departments(DEPARTMENTS.map((department, index) => ({ id: department.id, name: department.name, sort: index + 1 })));
    other = await database.openAnother();
  });
  after(() => database.close());
  const found = async (on: Store, text: string) => (await on.directory.list(query(text))).profiles.map((profile) => profile.id).sort();

  it('serves a repeat from the cache and follows writes by this instance and by another one', async () => {
    const mine = alumnus({ familyName: '黒田', givenName: '一', familyNameKana: 'くろだ', givenNameKana: 'はじめ' });
    await store.transaction((tx) => tx.seed.alumni([mine]));
    const first = await store.directory.list(query('kuroda'));
    assert.equal(await store.directory.list(query('kuroda')), first, 'the same page object: a hit');
    // Another instance adds a namesake, then unlists them: this one follows both.
    const theirs = alumnus({ familyName: '黒田', givenName: '二', familyNameKana: 'くろだ', givenNameKana: 'じろう' });
    await other.transaction((tx) => tx.seed.alumni([theirs]));
    assert.deepEqual(await found(store, 'kuroda'), [mine.id, theirs.id].sort());
    await other.membership.erase(theirs.id, { role: 'hr', sub: 'hr-test' }, new Date().toISOString());
    assert.deepEqual(await found(store, 'kuroda'), [mine.id]);
  });

  it('never serves what a rolled-back write showed', async () => {
    const ghost = alumnus({ familyName: '幽谷', givenName: '霧', familyNameKana: 'ゆうこく', givenNameKana: 'きり' });
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.seed.alumni([ghost]);
        assert.deepEqual((await tx.directory.list(query('yuukoku'))).profiles.map((profile) => profile.id), [ghost.id]);
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.deepEqual(await found(store, 'yuukoku'), []);
    assert.deepEqual(await found(other, 'yuukoku'), []);
  });
});
