import Database from 'better-sqlite3';
import { ensureDirectoryIndex, registerDirectoryFunctions } from '../data/directory.js';
import { MIGRATIONS } from './migrations.js';
import { migrate } from './migrate.js';

export type Db = Database.Database;

/** Opens (creating if needed) and migrates the database; `:memory:` works for tooling. */
export function openDatabase(path: string): Db {
  const db = new Database(path);
  // WAL lets the directory be read while a write is in progress; the busy timeout makes a second
  // process (the seed CLI next to a running server) wait for the lock instead of failing.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Migrations 2 and 3 call these (a database at version 1–4 still runs them); nothing after does.
  registerDirectoryFunctions(db);
  migrate(db, MIGRATIONS);
  // The directory index is computed in TypeScript: written after migration 5, or when its version changes.
  ensureDirectoryIndex(db);
  return db;
}
