import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { OrgChange } from '../domain/checklist-template.js';
import { type AlumnusRecord, prepareAlumnusInsert, prepareAlumnusRowsInsert } from './alumni.js';
import { rebuildDirectoryIndex, syncDepartmentEntries } from './directory.js';
import type {
  SeedAnnouncement,
  SeedChecklistItem,
  SeedDepartment,
  SeedEmployee,
  SeedReaction,
  SeedReturner,
} from './store.js';

/** From this many members in one call, a load defers index maintenance to its end. */
const BULK_ROWS = 5000;

/**
 * Plain inserts of rows the seeders computed, on SQLite. Statements are prepared once per
 * connection and reused for every row; the caller's transaction makes a batch one commit.
 */
export function sqliteSeed(db: Db) {
  const count = (table: 'departments' | 'alumni') =>
    db.prepare<[], number>(`SELECT COUNT(*) FROM ${table}`).pluck().get()!;
  const prepared = new Map<string, Database.Statement<unknown[]>>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) prepared.set(sql, (found = db.prepare<unknown[]>(sql)));
    return found;
  };
  let insertAlumnus: ((record: AlumnusRecord) => void) | undefined;

  return {
    isEmpty: () => count('departments') === 0 && count('alumni') === 0,
    departments(rows: readonly SeedDepartment[]) {
      const insert = statement('INSERT INTO departments (id, name_en, name_ja, sort) VALUES (?, ?, ?, ?)');
      for (const row of rows) insert.run(row.id, row.name.en, row.name.ja, row.sort);
    },
    renameDepartment(id: string, name: { en: string; ja: string }) {
      statement('UPDATE departments SET name_en = ?, name_ja = ? WHERE id = ?').run(name.en, name.ja, id);
      // The members' search text holds the department's names (store.ts: "its directory index text follows").
      syncDepartmentEntries(db, id);
    },
    employees(rows: readonly SeedEmployee[]) {
      const insert = statement(
        `INSERT INTO employees (id, family_name, given_name, family_name_kana, given_name_kana, email,
           role, department_id, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const e of rows) {
        insert.run(e.id, e.familyName, e.givenName, e.familyNameKana, e.givenNameKana, e.email, e.role, e.departmentId, e.title);
      }
    },
    alumni(records: readonly AlumnusRecord[]) {
      insertAlumnus ??= prepareAlumnusInsert(db);
      if (records.length < BULK_ROWS) {
        for (const record of records) insertAlumnus(record);
        return;
      }
      // A bulk load: the rows first, then the directory and HR indexes rebuilt from them in one
      // pass (set-based reads in batches, no per-row lookups or FTS deletes). The secondary
      // indexes of the tables written (the member, the consent, the directory and HR indexes) are
      // dropped meanwhile and built again once at the end, from sorted data, instead of being
      // updated row by row in random order. Unique indexes stay (they enforce the rules). All of
      // it inside the caller's transaction, so other connections never see the tables without them.
      const indexes = db
        .prepare<[], { name: string; sql: string }>(
          `SELECT name, sql FROM sqlite_schema
           WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
             AND tbl_name IN ('alumni', 'consents', 'directory_entries', 'hr_member_index')`,
        )
        .all();
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      const insertRows = prepareAlumnusRowsInsert(db);
      for (const record of records) insertRows(record);
      rebuildDirectoryIndex(db);
      for (const index of indexes) db.exec(index.sql);
    },
    nextAlumniSequence: () => db.prepare<[], number>('SELECT COALESCE(MAX(rowid), 0) FROM alumni').pluck().get()! + 1,
    orgChanges(rows: readonly OrgChange[]) {
      const insert = statement(
        `INSERT INTO org_changes (id, effective_date, area, title_en, title_ja, description_en, description_ja)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of rows) {
        insert.run(c.id, c.effectiveDate, c.area, c.title.en, c.title.ja, c.description?.en ?? null, c.description?.ja ?? null);
      }
    },
    returners(rows: readonly SeedReturner[]) {
      const insert = statement(
        `INSERT INTO returners (id, alumni_id, return_date, manager_id, new_role, new_team, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of rows) insert.run(r.id, r.alumniId, r.returnDate, r.managerId, r.newRole, r.newTeam, r.createdAt);
    },
    checklistItems(rows: readonly SeedChecklistItem[]) {
      const insert = statement(
        `INSERT INTO checklist_items (id, returner_id, category_id, title, description, owner,
           due_offset_days, required, done, done_by, done_at, version, sort)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const i of rows) {
        insert.run(
          i.id, i.returnerId, i.categoryId, i.title, i.description, i.owner, i.dueOffsetDays, i.required ? 1 : 0,
          i.done ? 1 : 0, i.doneBy, i.doneAt, i.version, i.sort,
        );
      }
    },
    announcements(rows: readonly SeedAnnouncement[]) {
      const insert = statement(
        `INSERT INTO announcements (id, kind, returner_id, status, message, while_away, ask_me_about,
           created_by, created_at, approved_by, approved_at, approval_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const a of rows) {
        insert.run(
          a.id, a.kind, a.returnerId, a.status, a.message, a.whileAway, JSON.stringify(a.askMeAbout), a.createdBy,
          a.createdAt, a.approvedBy, a.approvedAt, a.approvalReason,
        );
      }
    },
    reactions(rows: readonly SeedReaction[]) {
      const insert = statement('INSERT INTO reactions (announcement_id, viewer_sub, created_at) VALUES (?, ?, ?)');
      for (const r of rows) insert.run(r.announcementId, r.viewerSub, r.createdAt);
    },
  };
}
