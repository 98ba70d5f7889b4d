import type Database from 'better-sqlite3';

/**
 * Applies each migration not yet recorded in `schema_migrations`, in order, each in its own
 * transaction. A migration's version is its position in the list (1-based), so migrations are
 * only ever appended, never edited or reordered once released.
 */
export function migrate(db: Database.Database, migrations: readonly string[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const isApplied = db.prepare<[number]>('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare<[number, string]>(
    'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
  );
  migrations.forEach((sql, index) => {
    const version = index + 1;
    // IMMEDIATE takes the write lock before the check, so two processes starting on the same
    // file cannot both apply a migration.
    db.transaction(() => {
      if (isApplied.get(version)) return;
      db.exec(sql);
      record.run(version, new Date().toISOString());
    }).immediate();
  });
}
