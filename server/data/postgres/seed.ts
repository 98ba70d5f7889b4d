import type { OrgChange } from '../../domain/checklist-template.js';
import type { AlumnusRecord } from '../alumni.js';
import type { SeedAnnouncement, SeedData, SeedDepartment, SeedEmployee, SeedReaction, SeedReturner } from '../store.js';
import { insertAlumni } from './alumni.js';
import { insertChecklistItems } from './checklists.js';
import { reindexDepartment } from './directory.js';
import type { Sql } from './sql.js';

/**
 * Plain inserts of rows the seeders computed, on PostgreSQL: one statement per table and batch
 * (unnest of one array per column), since a round trip per row would dominate a 100,000-member seed.
 */
export function seedData(sql: Sql): SeedData {
  const count = async (table: 'departments' | 'alumni') =>
    (await sql.first<{ count: number }>(`SELECT COUNT(*) AS count FROM ${table}`))!.count;
  return {
    /*
     * Inside the seeding transaction this takes a transaction-level advisory lock first, so that
     * of several instances starting on one empty database exactly one seeds it: the others wait
     * for its commit and then find it full.
     */
    async isEmpty() {
      await sql.run('SELECT pg_advisory_xact_lock(7250401017)');
      return (await count('departments')) === 0 && (await count('alumni')) === 0;
    },
    async departments(rows: readonly SeedDepartment[]) {
      await sql.run(
        'INSERT INTO departments (id, name_en, name_ja, sort) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[])',
        [rows.map((r) => r.id), rows.map((r) => r.name.en), rows.map((r) => r.name.ja), rows.map((r) => r.sort)],
      );
    },
    renameDepartment: (id, name) =>
      sql.atomic(async (tx) => {
        await tx.run('UPDATE departments SET name_en = $1, name_ja = $2 WHERE id = $3', [name.en, name.ja, id]);
        await reindexDepartment(tx, id);
      }),
    async employees(rows: readonly SeedEmployee[]) {
      await sql.run(
        `INSERT INTO employees (id, family_name, given_name, family_name_kana, given_name_kana, email, role, department_id, title)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
        [
          rows.map((e) => e.id), rows.map((e) => e.familyName), rows.map((e) => e.givenName), rows.map((e) => e.familyNameKana),
          rows.map((e) => e.givenNameKana), rows.map((e) => e.email), rows.map((e) => e.role), rows.map((e) => e.departmentId),
          rows.map((e) => e.title),
        ],
      );
    },
    alumni: (records: readonly AlumnusRecord[]) => sql.atomic(async (tx) => void (await insertAlumni(tx, records))),
    async nextAlumniSequence() {
      return (await sql.first<{ next: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM alumni'))!.next;
    },
    async orgChanges(rows: readonly OrgChange[]) {
      await sql.run(
        `INSERT INTO org_changes (id, effective_date, area, title_en, title_ja, description_en, description_ja)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          rows.map((c) => c.id), rows.map((c) => c.effectiveDate), rows.map((c) => c.area), rows.map((c) => c.title.en),
          rows.map((c) => c.title.ja), rows.map((c) => c.description?.en ?? null), rows.map((c) => c.description?.ja ?? null),
        ],
      );
    },
    async returners(rows: readonly SeedReturner[]) {
      await sql.run(
        `INSERT INTO returners (id, alumni_id, return_date, manager_id, new_role, new_team, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          rows.map((r) => r.id), rows.map((r) => r.alumniId), rows.map((r) => r.returnDate), rows.map((r) => r.managerId),
          rows.map((r) => r.newRole), rows.map((r) => r.newTeam), rows.map((r) => r.createdAt),
        ],
      );
    },
    checklistItems: (rows) => insertChecklistItems(sql, rows),
    async announcements(rows: readonly SeedAnnouncement[]) {
      await sql.run(
        `INSERT INTO announcements (id, kind, returner_id, status, message, while_away, ask_me_about, created_by, created_at,
           approved_by, approved_at, approval_reason)
         SELECT id, kind, returner_id, status, message, while_away, ask_me_about::jsonb, created_by, created_at, approved_by,
           approved_at, approval_reason
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
           $10::text[], $11::text[], $12::text[])
           AS t (id, kind, returner_id, status, message, while_away, ask_me_about, created_by, created_at, approved_by,
             approved_at, approval_reason)`,
        [
          rows.map((a) => a.id), rows.map((a) => a.kind), rows.map((a) => a.returnerId), rows.map((a) => a.status),
          rows.map((a) => a.message), rows.map((a) => a.whileAway), rows.map((a) => JSON.stringify(a.askMeAbout)),
          rows.map((a) => a.createdBy), rows.map((a) => a.createdAt), rows.map((a) => a.approvedBy), rows.map((a) => a.approvedAt),
          rows.map((a) => a.approvalReason),
        ],
      );
    },
    async reactions(rows: readonly SeedReaction[]) {
      // In the given order, so that `seq` (the tie-break of equal times) follows it.
      await sql.run(
        `INSERT INTO reactions (announcement_id, viewer_sub, created_at)
         SELECT a, v, c FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t (a, v, c, n) ORDER BY n`,
        [rows.map((r) => r.announcementId), rows.map((r) => r.viewerSub), rows.map((r) => r.createdAt)],
      );
    },
  };
}
