// Program settings and the reference data the forms and the checklist generator read.
import type { ChecklistOwner, ChecklistTemplateItem, OrgChange } from '../../domain/checklist-template.js';
import { type EmployeeSearchRow, employeeSearchColumns, employeeSearchPlan } from '../../domain/employees.js';
import type { ProgramSettings } from '../../schemas/settings.js';
import { UNSEARCHABLE_EMPLOYEES_SQL, employeeSearchParams, employeeSearchSource, employeeSearchSql } from '../rows/employees.js';
import type { ChecklistTemplateData, DepartmentData, EmployeeData, OrgChangeData, SettingsData } from '../store.js';
import { recordAudit } from './audit.js';
import type { Sql } from './sql.js';
import { replaceChecklistTemplate } from './hr.js';

const KEYS = {
  programNameEn: 'program_name_en',
  programNameJa: 'program_name_ja',
  privacyPolicyUrl: 'privacy_policy_url',
  privacyPolicyVersion: 'privacy_policy_version',
  approval: 'approval',
} as const;

export async function readProgramSettings(sql: Sql): Promise<ProgramSettings> {
  const rows = await sql.query<{ key: string; value: string }>('SELECT key, value FROM settings');
  const values = new Map(rows.map((row) => [row.key, row.value]));
  const read = (key: string) => {
    const value = values.get(key);
    if (value === undefined) throw new Error(`The setting "${key}" is missing from the database.`);
    return value;
  };
  return {
    programName: { en: read(KEYS.programNameEn), ja: read(KEYS.programNameJa) },
    privacyPolicy: { url: read(KEYS.privacyPolicyUrl), version: read(KEYS.privacyPolicyVersion) },
    approval: read(KEYS.approval) === 'true',
  };
}

export function settingsData(sql: Sql): SettingsData {
  return {
    read: () => readProgramSettings(sql),
    update: (settings, viewer) =>
      sql.atomic(async (tx) => {
        await tx.run(
          `INSERT INTO settings (key, value) SELECT * FROM unnest($1::text[], $2::text[])
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [
            [KEYS.programNameEn, KEYS.programNameJa, KEYS.privacyPolicyUrl, KEYS.privacyPolicyVersion, KEYS.approval],
            [settings.programName.en, settings.programName.ja, settings.privacyPolicy.url, settings.privacyPolicy.version, String(settings.approval)],
          ],
        );
        await recordAudit(tx, { viewer, action: 'settings.update', detail: settings });
      }),
  };
}

export function departmentData(sql: Sql): DepartmentData {
  return {
    async list() {
      const rows = await sql.query<{ id: string; name_en: string; name_ja: string }>(
        'SELECT id, name_en, name_ja FROM departments ORDER BY sort, id',
      );
      return rows.map((row) => ({ id: row.id, name: { en: row.name_en, ja: row.name_ja } }));
    },
    async exists(id) {
      return (await sql.first('SELECT 1 FROM departments WHERE id = $1', [id])) !== undefined;
    },
  };
}

export function employeeData(sql: Sql): EmployeeData {
  return {
    async exists(id) {
      return (await sql.first('SELECT 1 FROM employees WHERE id = $1', [id])) !== undefined;
    },
    // As SQLite's (server/data/returners.ts searchEmployeeRows): missing or stale search columns first.
    async search(q, limit) {
      const plan = employeeSearchPlan(q);
      if (!plan) return [];
      const unsearchable = await sql.query<EmployeeSearchRow>(UNSEARCHABLE_EMPLOYEES_SQL);
      if (unsearchable.length) {
        const columns = unsearchable.map(employeeSearchColumns);
        await sql.run(
          `UPDATE employees e SET search = u.search, romaji = u.romaji, sort_ja = u.sort_ja, search_source = u.source
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u (id, search, romaji, sort_ja, source) WHERE e.id = u.id`,
          [
            unsearchable.map((row) => row.id), columns.map((c) => c.search), columns.map((c) => c.romaji), columns.map((c) => c.sortJa),
            unsearchable.map(employeeSearchSource),
          ],
        );
      }
      const text = employeeSearchSql(plan.needles, (n) => `$${n}`, (column, placeholder) => `strpos(${column}, ${placeholder}) > 0`);
      return sql.query<EmployeeSearchRow>(text, employeeSearchParams(plan, limit));
    },
  };
}

export async function readOrgChanges(sql: Sql): Promise<OrgChange[]> {
  const rows = await sql.query<{
    id: string;
    effective_date: string;
    area: OrgChange['area'];
    title_en: string;
    title_ja: string;
    description_en: string | null;
    description_ja: string | null;
  }>('SELECT * FROM org_changes ORDER BY effective_date, id');
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

export function orgChangeData(sql: Sql): OrgChangeData {
  return { list: () => readOrgChanges(sql) };
}

export async function readChecklistTemplate(sql: Sql): Promise<ChecklistTemplateItem[]> {
  const rows = await sql.query<{
    category_id: string;
    owner: ChecklistOwner;
    due_offset_days: number;
    required: boolean;
    title_en: string;
    title_ja: string;
    description_en: string | null;
    description_ja: string | null;
  }>('SELECT * FROM checklist_template ORDER BY sort');
  return rows.map((row) => ({
    category: row.category_id,
    owner: row.owner,
    dueOffsetDays: row.due_offset_days,
    required: row.required,
    title: { en: row.title_en, ja: row.title_ja },
    description:
      row.description_en !== null && row.description_ja !== null ? { en: row.description_en, ja: row.description_ja } : null,
  }));
}

export function checklistTemplateData(sql: Sql): ChecklistTemplateData {
  return {
    list: () => readChecklistTemplate(sql),
    replace: (items, viewer, ifMatch) => replaceChecklistTemplate(sql, items, viewer, ifMatch),
  };
}
