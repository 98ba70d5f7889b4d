/*
 * The HR console's data on PostgreSQL (migration 0006), the same rows and answers as the SQLite
 * side (server/data/hr.ts): the index rows come from the pure `hrMemberEntry`, written by
 * `syncHrEntries` wherever the directory's entries are written (writeDirectoryEntries), in the
 * same transaction; a deleted member's row goes with it (ON DELETE CASCADE).
 */
import type { Viewer } from '../../auth.js';
import { type ChecklistTemplateItem, type TemplateReplaceOutcome, templateTag } from '../../domain/checklist-template.js';
import { readChecklistTemplate } from './reference.js';
import { interestMask } from '../../domain/directory-entry.js';
import { type MailLanguage, MEMBER_STATUS_SQL, type MemberStatus, type ReturnIntentKind } from '../../domain/membership.js';
import { wordQueries } from '../../domain/search-text.js';
import {
  HR_COUNT_GROUPS_SQL,
  HR_SORT_COLUMNS,
  type HrMemberPage,
  type HrMemberQuery,
  type HrMemberRow,
  hrMemberEntry,
  hrWordNeedles,
  intentConditions,
  overviewCounts,
} from '../../domain/hr-members.js';
import type { DecisionOutcome, HrData, HrDecision, HrMemberRecord, HrOverviewData } from '../store.js';
import { arrayLiteral, expressionCondition, reindexAlumni, tokenSet } from './directory.js';
import { recordAudit } from './audit.js';
import type { Sql } from './sql.js';
import { type ProfileRow, profileFields } from '../rows/profile.js';
import { HR_EXPORT_COLUMNS, HR_EXPORT_COLUMN_COUNT, hrExportRow } from '../rows/hr-export.js';
import type { HrExportPage } from '../../domain/hr-export.js';

interface MemberRow extends ProfileRow {
  listed: boolean;
  created_at: string;
  updated_at: string;
  status: MemberStatus;
  return_intent: ReturnIntentKind | null;
  return_from: string | null;
  contract_work: boolean;
  referrals: boolean;
  confirmed_at: string | null;
  employee_number: string | null;
}

const COLUMNS = `al.id, al.family_name, al.given_name, al.family_name_kana, al.given_name_kana,
  al.email, al.department_id, al.department_other, al.role_at_leaving, al.joined_month, al.left_month,
  al.current_company, al.current_position, al.location, al.profile_url, al.photo_url, al.interests,
  al.listed, al.visibility, al.contact_consent, al.created_at, al.updated_at, ${MEMBER_STATUS_SQL} AS status, al.return_intent,
  al.return_from, al.contract_work, al.referrals, al.confirmed_at, al.employee_number`;

function toMember(row: MemberRow): HrMemberRow & { updatedAt: string } {
  return {
    ...profileFields(row),
    listed: row.listed,
    signedUpAt: row.created_at,
    updatedAt: row.updated_at,
    status: row.status,
    returnIntent: row.return_intent,
    returnFrom: row.return_from,
    contractWork: row.contract_work,
    referrals: row.referrals,
    confirmedAt: row.confirmed_at,
    employeeNumber: row.employee_number,
  };
}

const INDEX_COLUMNS = [
  ['alumni_id', 'text'], ['sort_ja', 'text'], ['sort_en', 'text'], ['search', 'text'], ['romaji', 'text'],
  ['department_id', 'text'], ['left_year', 'integer'], ['left_key', 'text'], ['interest_mask', 'integer'],
  ['contactable', 'boolean'], ['listed', 'boolean'], ['signed_up', 'text'], ['status', 'text'],
  ['return_intent', 'text'], ['return_from', 'text'], ['tokens', 'text[]'],
] as const;

/** Recomputes the HR index rows of `ids` from what is stored now, in the caller's transaction. */
export async function syncHrEntries(sql: Sql, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await sql.query<MemberRow & { name_en: string | null; name_ja: string | null }>(
    `SELECT ${COLUMNS}, d.name_en, d.name_ja FROM alumni al LEFT JOIN departments d ON d.id = al.department_id
     WHERE al.id = ANY($1::text[])`,
    [ids],
  );
  if (rows.length === 0) return;
  const columns: unknown[][] = INDEX_COLUMNS.map(() => []);
  for (const row of rows) {
    const e = hrMemberEntry({ ...toMember(row), departmentNameEn: row.name_en, departmentNameJa: row.name_ja });
    [
      e.alumniId, e.sortJa, e.sortEn, e.search, e.romaji, e.departmentId, e.leftYear, e.leftKey, e.interestMask,
      e.contactable, e.listed, e.signedUpAt, e.status, e.returnIntent, e.returnFrom, arrayLiteral(tokenSet(e.tokens)),
    ].forEach((value, index) => columns[index]!.push(value));
  }
  const names = INDEX_COLUMNS.map(([name]) => name);
  // The token arrays travel as array literals (unnest would flatten an array of arrays), as in the directory's writer.
  const unnest = INDEX_COLUMNS.map(([, type], index) => `$${index + 1}::${type === 'text[]' ? 'text' : type}[]`).join(', ');
  const select = INDEX_COLUMNS.map(([name, type]) => (type === 'text[]' ? `${name}::text[]` : name)).join(', ');
  await sql.run(
    `INSERT INTO hr_member_index (${names.join(', ')})
     SELECT ${select} FROM unnest(${unnest}) AS t (${names.join(', ')})
     ON CONFLICT (alumni_id) DO UPDATE SET ${names.slice(1).map((name) => `${name} = excluded.${name}`).join(', ')}`,
    columns,
  );
}

/** A segment's WHERE (over the HR index `h`), ORDER BY and LIMIT, with their values. */
function segmentSql(query: HrMemberQuery): { where: string; order: string; values: unknown[]; column: string } {
  const sort = HR_SORT_COLUMNS[query.sort];
  const column = sort[query.order];
  const conditions: string[] = [];
  const values: unknown[] = [];
  const value = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  for (const word of query.words) {
    // The word's tokens (GIN) narrow the rows, the substring test on the words decides, as in the
    // directory (server/data/postgres/directory.ts); for a Latin word also its romaji.
    const needles = hrWordNeedles(word);
    const [textQuery, romajiQuery] = wordQueries(word).map((expression) => expressionCondition(expression).tokens);
    const text = `(h.tokens @> ${value(textQuery)}::text[] AND strpos(h.search, ${value(needles.text)}) > 0)`;
    conditions.push(
      needles.romaji !== null && romajiQuery
        ? `(${text} OR (h.tokens @> ${value(romajiQuery)}::text[] AND strpos(h.romaji, ${value(needles.romaji)}) > 0))`
        : text,
    );
  }
  if (query.departments.length) conditions.push(`h.department_id = ANY(${value([...query.departments])}::text[])`);
  if (query.interests.length) conditions.push(`(h.interest_mask & ${value(interestMask(query.interests))}::integer) <> 0`);
  if (query.leftFrom !== null) conditions.push(`h.left_year >= ${value(query.leftFrom)}`);
  if (query.leftTo !== null) conditions.push(`h.left_year <= ${value(query.leftTo)}`);
  if (query.contactable !== null) conditions.push(`h.contactable = ${value(query.contactable)}`);
  if (query.listed !== null) conditions.push(`h.listed = ${value(query.listed)}`);
  if (query.statuses.length) conditions.push(`h.status = ANY(${value([...query.statuses])}::text[])`);
  if (query.intents.length) {
    // The SQLite conditions (intentConditions) with $n placeholders.
    const windows = intentConditions(query.intents, query.month);
    let next = 0;
    const sqlText = windows.sql.replaceAll('?', () => value(windows.params[next++]));
    conditions.push(`(${sqlText})`);
  }
  if (query.after) {
    conditions.push(`(h.${column}, h.alumni_id) ${sort.descending ? '<' : '>'} (${value(query.after.key)}, ${value(query.after.id)})`);
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  return {
    where: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '',
    order: ` ORDER BY h.${column} ${direction}, h.alumni_id ${direction} LIMIT ${value(query.limit + 1)}`,
    values,
    column,
  };
}

async function listMembers(sql: Sql, query: HrMemberQuery): Promise<HrMemberPage> {
  const { where, order, values, column } = segmentSql(query);
  const positions = await sql.query<{ id: string; key: string }>(
    `SELECT h.alumni_id AS id, h.${column} AS key FROM hr_member_index h${where}${order}`,
    values,
  );
  const more = positions.length > query.limit;
  const page = more ? positions.slice(0, query.limit) : positions;
  const rows = page.length
    ? await sql.query<MemberRow>(`SELECT ${COLUMNS} FROM alumni al WHERE al.id = ANY($1::text[])`, [page.map((p) => p.id)])
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = page.flatMap((p) => {
    const row = byId.get(p.id);
    if (!row) return [];
    const { updatedAt: _updatedAt, ...member } = toMember(row);
    return [member];
  });
  return { items, next: more ? page[page.length - 1]! : null };
}

/** One batch of an export: the segment's rows with the columns the file holds, in one statement. */
async function exportMembers(sql: Sql, query: HrMemberQuery): Promise<HrExportPage> {
  const { where, order, values, column } = segmentSql(query);
  const rows = await sql.arrays(
    `SELECT ${HR_EXPORT_COLUMNS}, h.${column} FROM hr_member_index h JOIN alumni al ON al.id = h.alumni_id${where}${order}`,
    values,
  );
  const more = rows.length > query.limit;
  if (more) rows.length = query.limit;
  const last = rows[rows.length - 1];
  return {
    items: rows.map(hrExportRow),
    next: more && last ? { key: last[HR_EXPORT_COLUMN_COUNT] as string, id: last[0] as string } : null,
  };
}

async function overview(sql: Sql, since: string, month: string): Promise<HrOverviewData> {
  // Every count from one index-only pass over the narrow covering index, grouped by what is counted
  // (a sequential scan per number read the whole wide index six times).
  const groups = (
    await sql.query<{ status: MemberStatus; listed: boolean; contactable: boolean; return_intent: string; return_from: string; count: string }>(HR_COUNT_GROUPS_SQL)
  ).map((g) => ({ status: g.status, listed: g.listed, contactable: g.contactable, returnIntent: g.return_intent, returnFrom: g.return_from, count: Number(g.count) }));
  const { members, returnIntent } = overviewCounts(groups, month);
  const signups = await sql.query<{ month: string; count: string }>(
    `SELECT substr(signed_up, 1, 7) AS month, COUNT(*) AS count FROM hr_member_index
     WHERE signed_up >= $1 GROUP BY 1 ORDER BY 1`,
    [`${since}-01`],
  );
  const returners = await sql.query<{
    id: string; alumni_id: string; family_name: string; given_name: string; return_date: string; total: string; done: string;
  }>(
    `SELECT r.id, r.alumni_id, a.family_name, a.given_name, r.return_date,
       COUNT(i.id) AS total, COUNT(i.id) FILTER (WHERE i.done) AS done
     FROM returners r JOIN alumni a ON a.id = r.alumni_id LEFT JOIN checklist_items i ON i.returner_id = r.id
     GROUP BY r.id, a.family_name, a.given_name
     HAVING COUNT(i.id) = 0 OR COUNT(i.id) FILTER (WHERE i.done) < COUNT(i.id)
     ORDER BY r.return_date, r.id`,
  );
  const drafts = (await sql.first<{ count: string }>("SELECT COUNT(*) AS count FROM announcements WHERE status = 'draft'"))!;
  return {
    members,
    returnIntent,
    signupsByMonth: signups.map((s) => ({ month: s.month, count: Number(s.count) })),
    returnersInProgress: returners.map((r) => ({
      id: r.id,
      alumniId: r.alumni_id,
      familyName: r.family_name,
      givenName: r.given_name,
      returnDate: r.return_date,
      done: Number(r.done),
      total: Number(r.total),
    })),
    announcementsAwaitingApproval: Number(drafts.count),
  };
}

async function record(sql: Sql, id: string): Promise<HrMemberRecord | undefined> {
  const row = await sql.first<MemberRow & { decided_at: string | null; decline_reason: string | null }>(
    `SELECT ${COLUMNS}, al.decided_at, al.decline_reason FROM alumni al WHERE al.id = $1`,
    [id],
  );
  if (!row) return undefined;
  const consents = await sql.query<{ privacy_policy_version: string; contact: boolean; consented_at: string }>(
    'SELECT privacy_policy_version, contact, consented_at FROM consents WHERE alumni_id = $1 ORDER BY consented_at, id',
    [id],
  );
  return {
    member: { ...toMember(row), decidedAt: row.decided_at, declineReason: row.decline_reason },
    consents: consents.map((c) => ({ policyVersion: c.privacy_policy_version, contact: c.contact, at: c.consented_at })),
  };
}

export function hrData(sql: Sql): HrData {
  return {
    // One transaction: a page's positions and its rows come from one snapshot.
    list: (query) => sql.atomic((tx) => listMembers(tx, query)),
    // One statement, so one snapshot, without a transaction around it.
    exportPage: (query) => exportMembers(sql, query),
    overview: ({ since, month }) => sql.atomic((tx) => overview(tx, since, month)),
    record: (id) => record(sql, id),
    decide: (id, decision, viewer, now) => sql.atomic((tx) => decide(tx, id, decision, viewer, now)),
  };
}

/** HR's decision on a member awaiting approval (store.ts HrData.decide), under the member's row lock. */
async function decide(sql: Sql, id: string, decision: HrDecision, viewer: Viewer, now: string): Promise<DecisionOutcome> {
  const row = await sql.first<{ status: MemberStatus; email: string; lang: MailLanguage }>(
    `SELECT ${MEMBER_STATUS_SQL} AS status, al.email, al.lang FROM alumni al WHERE al.id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) return { outcome: 'missing' };
  const mail = { email: row.email, lang: row.lang };
  const target: MemberStatus = decision.kind === 'approve' ? 'active' : 'declined';
  if (row.status === target) return { outcome: 'unchanged', mail };
  if (row.status !== 'awaiting-approval') return { outcome: 'not_awaiting_approval', status: row.status };
  if (decision.kind === 'approve') {
    await sql.run('UPDATE alumni SET approval = NULL, updated_at = $1, version = version + 1 WHERE id = $2', [now, id]);
  } else {
    await sql.run(
      `UPDATE alumni SET approval = 'declined', decided_at = $1, decline_reason = $2, updated_at = $1, version = version + 1 WHERE id = $3`,
      [now, decision.reason, id],
    );
  }
  await reindexAlumni(sql, [id]);
  await recordAudit(sql, {
    viewer,
    action: decision.kind === 'approve' ? 'hr.member.approve' : 'hr.member.decline',
    subject: id,
    // Whether a reason was given, not the reason: the audit log outlives the member.
    detail: decision.kind === 'approve' ? { viaLeaverList: Boolean(decision.viaLeaverList) } : { reason: decision.reason !== null },
  });
  return { outcome: 'changed', mail };
}

/**
 * Replaces the template (in this order) with an audit row, if it is still the one `ifMatch` names
 * (store.ts ChecklistTemplateData.replace), in one transaction. The template is many rows and no
 * one row stands for it, so the table is locked against other writers (SHARE ROW EXCLUSIVE
 * conflicts with itself and with writes, not with reads): a second save waits for the first to
 * commit, then reads what it wrote and answers stale.
 */
export function replaceChecklistTemplate(
  sql: Sql,
  items: readonly ChecklistTemplateItem[],
  viewer: Viewer,
  ifMatch: '*' | readonly string[],
): Promise<TemplateReplaceOutcome> {
  return sql.atomic(async (tx): Promise<TemplateReplaceOutcome> => {
    await tx.run('LOCK TABLE checklist_template IN SHARE ROW EXCLUSIVE MODE');
    const current = await readChecklistTemplate(tx);
    if (ifMatch !== '*' && !ifMatch.includes(templateTag(current))) return { outcome: 'stale', items: current };
    await tx.run('DELETE FROM checklist_template');
    const columns = items.map((item, index) => [
      index + 1, item.category, item.owner, item.dueOffsetDays, item.required, item.title.en, item.title.ja,
      item.description?.en ?? null, item.description?.ja ?? null,
    ]);
    const column = (at: number) => columns.map((row) => row[at]);
    await tx.run(
      `INSERT INTO checklist_template (sort, category_id, owner, due_offset_days, required, title_en, title_ja,
         description_en, description_ja)
       SELECT * FROM unnest($1::integer[], $2::text[], $3::text[], $4::integer[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::text[])`,
      Array.from({ length: 9 }, (_, at) => column(at)),
    );
    await recordAudit(tx, { viewer, action: 'checklist-template.update', detail: { items: items.length } });
    return { outcome: 'replaced', items: await readChecklistTemplate(tx) };
  });
}
