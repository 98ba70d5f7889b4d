/*
 * The HR console's data on SQLite: the HR member index (migration 6, rows computed by the pure
 * `hrMemberEntry`), segments over it, the overview's counts, a member's full record, and writes
 * to the checklist template.
 *
 * The index is written wherever the directory's is: `prepareDirectorySync` and
 * `rebuildDirectoryIndex` (server/data/directory.ts) call into here in the same transaction, so
 * every write to an alumnus (signup, seed, profile edits, deletion) keeps both current.
 */
import type Database from 'better-sqlite3';
import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import { type ChecklistTemplateItem, type TemplateReplaceOutcome, templateTag } from '../domain/checklist-template.js';
import { readChecklistTemplate } from './checklist.js';
import {
  type HrMemberEntry,
  type HrMemberPage,
  type HrMemberQuery,
  type HrMemberRow,
  type HrPosition,
  HR_SORT_COLUMNS,
  HR_COUNT_GROUPS_SQL,
  intentConditions,
  hrMemberEntry,
  hrWordNeedles,
  overviewCounts,
} from '../domain/hr-members.js';
import { wordQueries } from '../domain/search-text.js';
import { type MailLanguage, MEMBER_STATUS_SQL, NOT_ERASED_SQL, type MemberStatus, type ReturnIntentKind } from '../domain/membership.js';
import { interestMask } from '../domain/directory-entry.js';
import { recordAudit } from './audit.js';
import { syncDirectoryEntries } from './directory.js';
import type { DecisionOutcome, HrDecision, HrMemberRecord, HrOverviewData } from './store.js';
import { type ProfileRow, profileFields } from './rows/profile.js';
import { HR_EXPORT_COLUMNS, hrExportRow } from './rows/hr-export.js';
import type { HrExportPage } from '../domain/hr-export.js';

interface MemberRow extends ProfileRow {
  listed: number;
  created_at: string;
  updated_at: string;
  status: MemberStatus;
  return_intent: ReturnIntentKind | null;
  return_from: string | null;
  contract_work: number;
  referrals: number;
  confirmed_at: string | null;
  employee_number: string | null;
}

export const HR_MEMBER_COLUMNS = `al.id, al.family_name, al.given_name, al.family_name_kana, al.given_name_kana,
  al.email, al.department_id, al.department_other, al.role_at_leaving, al.joined_month, al.left_month,
  al.current_company, al.current_position, al.location, al.profile_url, al.photo_url, al.interests,
  al.listed, al.visibility, al.contact_consent, al.created_at, al.updated_at, ${MEMBER_STATUS_SQL} AS status, al.return_intent,
  al.return_from, al.contract_work, al.referrals, al.confirmed_at, al.employee_number`;

/** A stored row as HR reads it (every field: HR administers with what the member gave). */
export function hrMemberRow(row: MemberRow): HrMemberRow & { updatedAt: string } {
  return {
    ...profileFields(row),
    listed: Boolean(row.listed),
    signedUpAt: row.created_at,
    updatedAt: row.updated_at,
    status: row.status,
    returnIntent: row.return_intent,
    returnFrom: row.return_from,
    contractWork: Boolean(row.contract_work),
    referrals: Boolean(row.referrals),
    confirmedAt: row.confirmed_at,
    employeeNumber: row.employee_number,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing the index

export function entryFromRow(row: MemberRow & { name_en: string | null; name_ja: string | null }): HrMemberEntry {
  return hrMemberEntry({ ...hrMemberRow(row), departmentNameEn: row.name_en, departmentNameJa: row.name_ja });
}

/** Members only: an erased returner's row (kept for HR's returner records) is no member in any segment or count. */
const SOURCE = `SELECT ${HR_MEMBER_COLUMNS}, d.name_en, d.name_ja FROM alumni al LEFT JOIN departments d ON d.id = al.department_id
  WHERE ${NOT_ERASED_SQL}`;

function prepareWriter(db: Db): (entry: HrMemberEntry) => void {
  const upsert = db.prepare<unknown[], number>(
    `INSERT INTO hr_member_index (alumni_id, sort_ja, sort_en, department_id, left_year,
       left_key, interest_mask, contactable, listed, signed_up, status, return_intent, return_from, search, romaji)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (alumni_id) DO UPDATE SET sort_ja = excluded.sort_ja, sort_en = excluded.sort_en,
       department_id = excluded.department_id, search = excluded.search, romaji = excluded.romaji,
       left_year = excluded.left_year, left_key = excluded.left_key, interest_mask = excluded.interest_mask,
       contactable = excluded.contactable, listed = excluded.listed, signed_up = excluded.signed_up,
       status = excluded.status, return_intent = excluded.return_intent, return_from = excluded.return_from
     RETURNING entry_id`,
  ).pluck();
  const deleteSearch = db.prepare('DELETE FROM hr_member_search WHERE rowid = ?');
  const insertSearch = db.prepare('INSERT INTO hr_member_search (rowid, t) VALUES (?, ?)');
  return (e) => {
    const entryId = upsert.get(
      e.alumniId, e.sortJa, e.sortEn, e.departmentId, e.leftYear, e.leftKey, e.interestMask,
      e.contactable ? 1 : 0, e.listed ? 1 : 0, e.signedUpAt, e.status, e.returnIntent, e.returnFrom, e.search, e.romaji,
    )!;
    deleteSearch.run(entryId);
    insertSearch.run(entryId, e.tokens);
  };
}

/** Brings the HR index in step with alumni `ids` (insert, update or delete), prepared once. */
export function prepareHrSync(db: Db): (id: string) => void {
  const source = db.prepare<[string], MemberRow & { name_en: string | null; name_ja: string | null }>(`${SOURCE} AND al.id = ?`);
  const write = prepareWriter(db);
  const find = db.prepare<[string], number>('SELECT entry_id FROM hr_member_index WHERE alumni_id = ?').pluck();
  const deleteSearch = db.prepare('DELETE FROM hr_member_search WHERE rowid = ?');
  const remove = db.prepare('DELETE FROM hr_member_index WHERE entry_id = ?');
  return (id) => {
    const row = source.get(id);
    if (row) return write(entryFromRow(row));
    const entryId = find.get(id);
    if (entryId === undefined) return;
    deleteSearch.run(entryId);
    remove.run(entryId);
  };
}

/** Empties and refills the HR index; runs inside the directory rebuild's transaction. */
export function rebuildHrIndex(db: Db): void {
  db.exec('DELETE FROM hr_member_search; DELETE FROM hr_member_index;');
  const write = prepareWriter(db);
  const batch = db.prepare<[number], MemberRow & { name_en: string | null; name_ja: string | null; position: number }>(
    `${SOURCE.replace('SELECT ', 'SELECT al.rowid AS position, ')} AND al.rowid > ? ORDER BY al.rowid LIMIT 2000`,
  );
  for (let rows = batch.all(0); rows.length; rows = batch.all(rows[rows.length - 1]!.position)) {
    for (const row of rows) write(entryFromRow(row));
  }
}

// ---------------------------------------------------------------------------------------------
// Segments

type Statement = Database.Statement<unknown[], unknown>;
const statements = new WeakMap<Db, Map<string, Statement>>();
function statement(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare<unknown[], unknown>(sql)));
  return prepared;
}

/** `statement`, answering rows as arrays of the selected values. */
const rawStatements = new WeakMap<Db, Map<string, Statement>>();
function rawStatement(db: Db, sql: string): Statement {
  let cache = rawStatements.get(db);
  if (!cache) rawStatements.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare<unknown[], unknown>(sql).raw(true)));
  return prepared;
}

export function listHrMembers(db: Db, query: HrMemberQuery): HrMemberPage {
  const { page, next } = segmentPositions(db, query);
  return { items: readMembers(db, page.map((p) => p.id)), next };
}

/** One batch of an export: the list's positions, and only the columns the file holds. */
export function exportHrMembers(db: Db, query: HrMemberQuery): HrExportPage {
  const { page, next } = segmentPositions(db, query);
  if (!page.length) return { items: [], next };
  const rows = rawStatement(
    db,
    `SELECT ${HR_EXPORT_COLUMNS} FROM json_each(?) j JOIN alumni al ON al.id = j.value ORDER BY j.key`,
  ).all(JSON.stringify(page.map((p) => p.id))) as unknown[][];
  return { items: rows.map(hrExportRow), next };
}

/** The positions of one page of a segment (index only), and where the next one starts. */
function segmentPositions(db: Db, query: HrMemberQuery): { page: HrPosition[]; next: HrPosition | null } {
  const sort = HR_SORT_COLUMNS[query.sort];
  const column = sort[query.order];
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (query.departments.length) {
    conditions.push('h.department_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.departments));
  }
  if (query.interests.length) {
    conditions.push('(h.interest_mask & ?) != 0');
    params.push(interestMask(query.interests));
  }
  if (query.leftFrom !== null) {
    conditions.push('h.left_year >= ?');
    params.push(query.leftFrom);
  }
  if (query.leftTo !== null) {
    conditions.push('h.left_year <= ?');
    params.push(query.leftTo);
  }
  if (query.contactable !== null) {
    conditions.push('h.contactable = ?');
    params.push(query.contactable ? 1 : 0);
  }
  if (query.listed !== null) {
    conditions.push('h.listed = ?');
    params.push(query.listed ? 1 : 0);
  }
  if (query.statuses.length) {
    conditions.push('h.status IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.statuses));
  }
  if (query.intents.length) {
    const windows = intentConditions(query.intents, query.month);
    conditions.push(`(${windows.sql})`);
    params.push(...windows.params);
  }
  if (query.after) {
    conditions.push(`(h.${column}, h.alumni_id) ${sort.descending ? '<' : '>'} (?, ?)`);
    params.push(query.after.key, query.after.id);
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  const order = ` ORDER BY h.${column} ${direction}, h.alumni_id ${direction} LIMIT ?`;
  const select = `SELECT h.alumni_id AS id, h.${column} AS key FROM hr_member_index h`;
  let positions: HrPosition[];
  if (!query.words.length) {
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    positions = statement(db, select + where + order).all(...params, query.limit + 1) as HrPosition[];
  } else {
    // As the directory does (server/data/directory.ts): few matches are looked up by rowid and
    // sorted; many, and walking the order index keeping the matching entries fills a page sooner.
    const match = hrMatchExpression(query.words);
    const probe = statement(db, 'SELECT rowid FROM hr_member_search WHERE hr_member_search MATCH ? LIMIT ?').pluck();
    const sample = probe.all(match, hrPlan.sample) as number[];
    const dense = sample.length === hrPlan.sample && sample[sample.length - 1]! <= hrPlan.sample * hrPlan.denseSpread;
    if (dense) {
      // Most entries match: the walk tests each entry's own words (the substring test PostgreSQL
      // uses, hrWordNeedles) and stops at a full page, instead of having FTS5 produce every match
      // first (q=example, the mail domain of all 100,000 members: ~50 ms before the first row).
      const needles = query.words.map(hrWordNeedles);
      const checks = needles.map((needle) =>
        needle.romaji === null ? 'instr(h.search, ?) > 0' : '(instr(h.search, ?) > 0 OR instr(h.romaji, ?) > 0)',
      );
      const where = [...conditions, ...checks].join(' AND ');
      const words = needles.flatMap((needle) => (needle.romaji === null ? [needle.text] : [needle.text, needle.romaji]));
      positions = statement(db, `${select} WHERE ${where}${order}`).all(...params, ...words, query.limit + 1) as HrPosition[];
    } else {
      const matches = sample.length < hrPlan.sample ? sample : (probe.all(match, hrPlan.fewMatches + 1) as number[]);
      if (matches.length <= hrPlan.fewMatches) {
        const where = ['h.entry_id IN (SELECT value FROM json_each(?))', ...conditions].join(' AND ');
        positions = statement(db, `${select} WHERE ${where}${order}`).all(JSON.stringify(matches), ...params, query.limit + 1) as HrPosition[];
      } else {
        // Many but sparse: most entries would fail a test of their words, and checking membership
        // in the matches (a Bloom filter over the covering order index) costs less.
        const where = [...conditions, '+h.entry_id IN (SELECT rowid FROM hr_member_search WHERE hr_member_search MATCH ?)'].join(' AND ');
        positions = statement(db, `${select} WHERE ${where}${order}`).all(...params, match, query.limit + 1) as HrPosition[];
      }
    }
  }
  const more = positions.length > query.limit;
  const page = more ? positions.slice(0, query.limit) : positions;
  return { page, next: more ? page[page.length - 1]! : null };
}

/**
 * The search plans. FTS5 yields matches in entry order (entries are numbered as written), so when
 * the first `sample` matches lie among the first `denseSpread` times as many entries, most
 * members match: the order index is walked testing each entry's words. Otherwise up to
 * `fewMatches` matches are looked up and sorted, and more are kept while walking the order index.
 * Tests set these to run every plan.
 */
export const hrPlan = { fewMatches: 4000, sample: 64, denseSpread: 4 };

/** The FTS5 query: every word (the directory's forms: the word, or its romaji among marked tokens). */
export function hrMatchExpression(words: readonly string[]): string {
  return words
    .map((word) => {
      const alternatives = wordQueries(word).map((expression) => `t : ${expression}`);
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

function readMembers(db: Db, ids: readonly string[]): HrMemberRow[] {
  if (!ids.length) return [];
  const rows = statement(db, `SELECT ${HR_MEMBER_COLUMNS} FROM alumni al WHERE al.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as MemberRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { updatedAt: _updatedAt, ...member } = hrMemberRow(row);
    return [member];
  });
}

// ---------------------------------------------------------------------------------------------
// Overview and detail

export function hrOverview(db: Db, { since, month }: { since: string; month: string }): HrOverviewData {
  // Every count from one pass over the narrow covering index, grouped by what is counted.
  const groups = db
    .prepare<[], { status: MemberStatus; listed: number; contactable: number; return_intent: string; return_from: string; count: number }>(HR_COUNT_GROUPS_SQL)
    .all()
    .map((g) => ({ status: g.status, listed: g.listed === 1, contactable: g.contactable === 1, returnIntent: g.return_intent, returnFrom: g.return_from, count: g.count }));
  const { members, returnIntent } = overviewCounts(groups, month);
  const signups = db
    .prepare<[string], { month: string; count: number }>(
      `SELECT substr(signed_up, 1, 7) AS month, COUNT(*) AS count FROM hr_member_index
       WHERE signed_up >= ? GROUP BY month ORDER BY month`,
    )
    .all(`${since}-01`);
  const returners = db
    .prepare<
      [],
      { id: string; alumni_id: string; family_name: string; given_name: string; return_date: string; total: number; done: number }
    >(
      `SELECT r.id, r.alumni_id, a.family_name, a.given_name, r.return_date,
         COUNT(i.id) AS total, COALESCE(SUM(i.done), 0) AS done
       FROM returners r JOIN alumni a ON a.id = r.alumni_id LEFT JOIN checklist_items i ON i.returner_id = r.id
       GROUP BY r.id HAVING COUNT(i.id) = 0 OR COALESCE(SUM(i.done), 0) < COUNT(i.id)
       ORDER BY r.return_date, r.id`,
    )
    .all();
  const drafts = db.prepare<[], number>("SELECT COUNT(*) FROM announcements WHERE status = 'draft'").pluck().get()!;
  return {
    members,
    returnIntent,
    signupsByMonth: signups,
    returnersInProgress: returners.map((r) => ({
      id: r.id,
      alumniId: r.alumni_id,
      familyName: r.family_name,
      givenName: r.given_name,
      returnDate: r.return_date,
      done: r.done,
      total: r.total,
    })),
    announcementsAwaitingApproval: drafts,
  };
}

export function hrMemberRecord(db: Db, id: string): HrMemberRecord | undefined {
  const row = statement(db, `SELECT ${HR_MEMBER_COLUMNS}, al.decided_at, al.decline_reason FROM alumni al WHERE al.id = ?`).get(id) as
    | (MemberRow & { decided_at: string | null; decline_reason: string | null })
    | undefined;
  if (!row) return undefined;
  const consents = db
    .prepare<[string], { privacy_policy_version: string; contact: number; consented_at: string }>(
      'SELECT privacy_policy_version, contact, consented_at FROM consents WHERE alumni_id = ? ORDER BY consented_at, id',
    )
    .all(id);
  return {
    member: { ...hrMemberRow(row), decidedAt: row.decided_at, declineReason: row.decline_reason },
    consents: consents.map((c) => ({ policyVersion: c.privacy_policy_version, contact: Boolean(c.contact), at: c.consented_at })),
  };
}

/** HR's decision on a member awaiting approval (store.ts HrData.decide), in one write transaction. */
export function decideMember(db: Db, id: string, decision: HrDecision, viewer: Viewer, now: string): DecisionOutcome {
  return db.transaction((): DecisionOutcome => {
    const row = db
      .prepare<[string], { status: MemberStatus; email: string; lang: MailLanguage }>(
        `SELECT ${MEMBER_STATUS_SQL} AS status, al.email, al.lang FROM alumni al WHERE al.id = ?`,
      )
      .get(id);
    if (!row) return { outcome: 'missing' };
    const mail = { email: row.email, lang: row.lang };
    const target: MemberStatus = decision.kind === 'approve' ? 'active' : 'declined';
    if (row.status === target) return { outcome: 'unchanged', mail };
    if (row.status !== 'awaiting-approval') return { outcome: 'not_awaiting_approval', status: row.status };
    if (decision.kind === 'approve') {
      db.prepare('UPDATE alumni SET approval = NULL, updated_at = ?, version = version + 1 WHERE id = ?').run(now, id);
    } else {
      db.prepare(
        `UPDATE alumni SET approval = 'declined', decided_at = ?, decline_reason = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
      ).run(now, decision.reason, now, id);
    }
    syncDirectoryEntries(db, id);
    recordAudit(db, {
      viewer,
      action: decision.kind === 'approve' ? 'hr.member.approve' : 'hr.member.decline',
      subject: id,
      // Whether a reason was given, not the reason: the audit log outlives the member.
      detail: decision.kind === 'approve' ? { viaLeaverList: Boolean(decision.viaLeaverList) } : { reason: decision.reason !== null },
    });
    return { outcome: 'changed', mail };
  }).immediate();
}

// ---------------------------------------------------------------------------------------------
// The checklist template

/**
 * Replaces the template (in this order) with an audit row, if it is still the one `ifMatch` names
 * (store.ts ChecklistTemplateData.replace). An immediate transaction: a second writer waits for
 * the first to commit, then reads what it wrote.
 */
export function replaceChecklistTemplate(
  db: Db,
  items: readonly ChecklistTemplateItem[],
  viewer: Viewer,
  ifMatch: '*' | readonly string[],
): TemplateReplaceOutcome {
  return db.transaction((): TemplateReplaceOutcome => {
    const current = readChecklistTemplate(db);
    if (ifMatch !== '*' && !ifMatch.includes(templateTag(current))) return { outcome: 'stale', items: current };
    db.prepare('DELETE FROM checklist_template').run();
    const insert = db.prepare(
      `INSERT INTO checklist_template (sort, category_id, owner, due_offset_days, required, title_en, title_ja,
         description_en, description_ja) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((item, index) =>
      insert.run(
        index + 1, item.category, item.owner, item.dueOffsetDays, item.required ? 1 : 0, item.title.en, item.title.ja,
        item.description?.en ?? null, item.description?.ja ?? null,
      ),
    );
    recordAudit(db, { viewer, action: 'checklist-template.update', detail: { items: items.length } });
    return { outcome: 'replaced', items: readChecklistTemplate(db) };
  }).immediate();
}
