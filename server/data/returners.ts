import { randomBytes } from 'node:crypto';
import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import { type OrgChange, generateChecklist } from '../domain/checklist-template.js';
import { type EmployeeSearchRow, employeeSearchColumns, employeeSearchPlan } from '../domain/employees.js';
import { type ReturnerRecord, returnerView } from '../domain/returners.js';
import { idFromBytes } from '../ids.js';
import type { ReturnerCreate } from '../schemas/returners.js';
import { recordAudit } from './audit.js';
import { UNSEARCHABLE_EMPLOYEES_SQL, employeeSearchParams, employeeSearchSource, employeeSearchSql } from './rows/employees.js';
import { type ReturnerRow, SELECT_RETURNER, toReturner } from './rows/returners.js';
import type { ReturnerPosition } from './store.js';
import { insertChecklistItems, readChecklistTemplate } from './checklist.js';

export type { ReturnerRecord };

export { returnerView };

export function getReturner(db: Db, id: string): ReturnerRecord | undefined {
  const row = db.prepare<[string], ReturnerRow>(`${SELECT_RETURNER} WHERE r.id = ?`).get(id);
  return row && toReturner(row);
}

/** The signed-in returner's latest return (a person may come back more than once). */
export function findReturnerIdForAlumnus(db: Db, alumniId: string): string | undefined {
  return db
    .prepare<[string], string>('SELECT id FROM returners WHERE alumni_id = ? ORDER BY return_date DESC, id DESC LIMIT 1')
    .pluck()
    .get(alumniId);
}

/** Latest return date first, then id; `after` is the previous page's last position. */
export function listReturners(db: Db, { limit, after }: { limit: number; after: ReturnerPosition | null }) {
  const rows = after
    ? db
        .prepare<[string, string, string, number], ReturnerRow>(
          `${SELECT_RETURNER} WHERE (r.return_date < ? OR (r.return_date = ? AND r.id < ?))
           ORDER BY r.return_date DESC, r.id DESC LIMIT ?`,
        )
        .all(after.returnDate, after.returnDate, after.id, limit + 1)
    : db
        .prepare<[number], ReturnerRow>(`${SELECT_RETURNER} ORDER BY r.return_date DESC, r.id DESC LIMIT ?`)
        .all(limit + 1);
  const page = rows.slice(0, limit).map(toReturner);
  const last = page.at(-1);
  const next = rows.length > limit && last ? { returnDate: last.returnDate, id: last.id } : null;
  return { items: page.map(returnerView), next };
}

export function readOrgChanges(db: Db): OrgChange[] {
  const rows = db
    .prepare<
      [],
      {
        id: string;
        effective_date: string;
        area: OrgChange['area'];
        title_en: string;
        title_ja: string;
        description_en: string | null;
        description_ja: string | null;
      }
    >('SELECT * FROM org_changes ORDER BY effective_date, id')
    .all();
  return rows.map((row) => ({
    id: row.id,
    effectiveDate: row.effective_date,
    area: row.area,
    title: { en: row.title_en, ja: row.title_ja },
    description:
      row.description_en !== null || row.description_ja !== null
        ? { en: row.description_en ?? '', ja: row.description_ja ?? '' }
        : null,
  }));
}

export function alumnusLeftMonth(db: Db, alumniId: string): { left: string | null } | undefined {
  return db
    .prepare<[string], { left: string | null }>('SELECT left_month AS "left" FROM alumni WHERE id = ?')
    .get(alumniId);
}

export function employeeExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM employees WHERE id = ?').get(id) !== undefined;
}

/**
 * The employees `q` finds (server/domain/employees.ts): the search columns of employees without
 * them, or computed from other names, are computed first, in one transaction.
 */
export function searchEmployeeRows(db: Db, q: string, limit: number): EmployeeSearchRow[] {
  const plan = employeeSearchPlan(q);
  if (!plan) return [];
  const unsearchable = db.prepare<[], EmployeeSearchRow>(UNSEARCHABLE_EMPLOYEES_SQL).all();
  if (unsearchable.length) {
    const update = db.prepare('UPDATE employees SET search = ?, romaji = ?, sort_ja = ?, search_source = ? WHERE id = ?');
    db.transaction(() => {
      for (const row of unsearchable) {
        const columns = employeeSearchColumns(row);
        update.run(columns.search, columns.romaji, columns.sortJa, employeeSearchSource(row), row.id);
      }
    })();
  }
  const sql = employeeSearchSql(plan.needles, () => '?', (column, placeholder) => `instr(${column}, ${placeholder}) > 0`);
  return db.prepare(sql).all(...employeeSearchParams(plan, limit)) as EmployeeSearchRow[];
}

/**
 * Creates the returner and their generated checklist, with an audit row, in one transaction.
 * The caller has checked that the alumnus and the manager exist.
 */
export function createReturner(db: Db, input: ReturnerCreate, viewer: Viewer): ReturnerRecord {
  return db.transaction(() => {
    const id = idFromBytes('rt', randomBytes(16));
    const left = alumnusLeftMonth(db, input.alumniId)?.left ?? null;
    db.prepare(
      `INSERT INTO returners (id, alumni_id, return_date, manager_id, new_role, new_team, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id, input.alumniId, input.returnDate, input.managerId ?? null, input.newRole || null, input.newTeam || null,
      new Date().toISOString(),
    );
    const drafts = generateChecklist({
      language: input.language ?? 'ja',
      leftMonth: left,
      returnDate: input.returnDate,
      orgChanges: readOrgChanges(db),
      template: readChecklistTemplate(db),
    });
    insertChecklistItems(db, id, drafts.map((draft) => ({ ...draft, id: idFromBytes('ci', randomBytes(16)) })));
    recordAudit(db, { viewer, action: 'returner.create', subject: id, detail: { ...input, items: drafts.length } });
    return getReturner(db, id)!;
  }).immediate();
}
