import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import {
  type DirectoryEntry,
  type DirectoryOrder,
  directoryEntry,
  directorySearchText,
  interestMask,
  sortKeys,
} from '../domain/directory-entry.js';
import { INTEREST_IDS, type InterestId } from '../domain/interests.js';
import {
  AUDIENCE_RANK,
  type AlumnusProfile,
  type Audience,
  type StoredVisibility,
  parseVisibility,
} from '../domain/member-view.js';
import { normalizeSearchText, wordQueries } from '../domain/search-text.js';
import { type DirectoryIntentWindow, currentMonth, intentConditions } from '../domain/hr-members.js';
import { MEMBER_STATUS_SQL, NOT_ERASED_SQL, type MemberStatus, type ReturnIntentKind, isListable } from '../domain/membership.js';
import { DirectoryPageCache } from './directory-page-cache.js';
import { prepareHrSync, rebuildHrIndex } from './hr.js';
import { type ProfileRow, profileFields } from './rows/profile.js';

/*
 * The directory index (migration 5) is two tables the application keeps in step with `alumni`
 * and `departments`: every write to an alumnus calls `syncDirectoryEntries` (a department rename:
 * `syncDepartmentEntries`) in the same transaction, with rows computed by the pure
 * `directoryEntry` (server/domain/directory-entry.ts). No JavaScript runs inside the database, so
 * a PostgreSQL implementation writes the same rows the same way.
 *
 * - `directory_entries`: one row per alumnus, keyed by `entry_id`, with a sort key per order
 *   (`sort_ja`, `sort_en`), the listed flag, and each filterable value next to its visibility rank
 *   (0 alumni, 1 hr, 2 hidden). A filter compares the rank with the viewer's, so it never matches a
 *   value the viewer may not see. A covering index per order holds all of it in that order.
 * - `directory_search`: a contentless FTS5 table with the same rowid, holding bigram tokens of the
 *   normalized searchable text (and marked romaji tokens) in two columns by visibility: `a` has
 *   names and everything at the 'alumni' level, `h` what is at the 'hr' level. Hidden values are
 *   not indexed at all. Alumni and employees search column `a` only; HR searches both.
 *
 * `DIRECTORY_INDEX_VERSION` names the index's contents: when tokenization or sort keys change,
 * bump it and `ensureDirectoryIndex` rebuilds the index on the next start, no migration needed.
 */
export const DIRECTORY_INDEX_VERSION = 1;

export { directoryEntry, directorySearchText, interestMask } from '../domain/directory-entry.js';

/**
 * The `ja` sort key, with the signature the index had before migration 5 (kept for callers
 * written against it). New code: `directoryEntry(...)`, which gives `sortJa` and `sortEn`.
 */
export function sortKey(
  familyName: string,
  givenName: string,
  familyNameKana: string | null,
  givenNameKana: string | null,
  visibility: StoredVisibility,
): string {
  return sortKeys({ familyName, givenName, familyNameKana, givenNameKana, visibility }).ja;
}

/** The order column of each language. */
const SORT_COLUMN: Record<DirectoryOrder, 'sort_ja' | 'sort_en'> = { ja: 'sort_ja', en: 'sort_en' };

function parseInterests(json: string): InterestId[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((item): item is InterestId => INTEREST_IDS.includes(item as InterestId))
      : [];
  } catch {
    return [];
  }
}

type SqlText = string | null;

/**
 * The SQL functions the triggers of migrations 2 and 3 call. Migration 4 drops those triggers;
 * the functions stay registered only so that a database still at version 1–3 can migrate.
 */
export function registerDirectoryFunctions(db: Database.Database): void {
  const options = { deterministic: true };
  db.function(
    'okaeri_sort_key',
    options,
    (familyName: string, givenName: string, familyNameKana: SqlText, givenNameKana: SqlText, visibility: string) =>
      sortKeys({ familyName, givenName, familyNameKana, givenNameKana, visibility: parseVisibility(visibility) }).ja,
  );
  db.function('okaeri_search_key', options, (text: SqlText) => (text ? normalizeSearchText(text) : null));
  db.function('okaeri_interest_mask', options, (json: string) => interestMask(parseInterests(json)));
  db.function(
    'okaeri_directory_text',
    options,
    (
      level: string,
      familyName: string,
      givenName: string,
      familyNameKana: SqlText,
      givenNameKana: SqlText,
      currentCompany: SqlText,
      currentRole: SqlText,
      departmentNameEn: SqlText,
      departmentNameJa: SqlText,
      departmentOther: SqlText,
      visibility: string,
    ) =>
      directorySearchText(level === 'hr' ? 'hr' : 'alumni', {
        familyName,
        givenName,
        familyNameKana,
        givenNameKana,
        currentCompany,
        currentRole,
        departmentNameEn,
        departmentNameJa,
        departmentOther,
        visibility: parseVisibility(visibility),
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// Writing the index

interface IndexSourceRow {
  id: string;
  family_name: string;
  given_name: string;
  family_name_kana: string | null;
  given_name_kana: string | null;
  department_id: string | null;
  department_other: string | null;
  left_month: string | null;
  current_company: string | null;
  current_position: string | null;
  location: string | null;
  interests: string;
  listed: number;
  status: MemberStatus;
  visibility: string;
  return_intent: ReturnIntentKind | null;
  return_from: string | null;
  return_intent_visibility: string;
  name_en: string | null;
  name_ja: string | null;
}

const INDEX_SOURCE = `SELECT al.id, al.family_name, al.given_name, al.family_name_kana, al.given_name_kana,
    al.department_id, al.department_other, al.left_month, al.current_company, al.current_position,
    al.location, al.interests, al.listed, ${MEMBER_STATUS_SQL} AS status, al.visibility,
    al.return_intent, al.return_from, al.return_intent_visibility, d.name_en, d.name_ja
  FROM alumni al LEFT JOIN departments d ON d.id = al.department_id
  WHERE ${NOT_ERASED_SQL}`;

function entryOf(row: IndexSourceRow): DirectoryEntry {
  return directoryEntry({
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    currentCompany: row.current_company,
    currentRole: row.current_position,
    departmentId: row.department_id,
    departmentNameEn: row.name_en,
    departmentNameJa: row.name_ja,
    departmentOther: row.department_other,
    location: row.location,
    left: row.left_month,
    interests: parseInterests(row.interests),
    listed: row.listed === 1,
    status: row.status,
    visibility: parseVisibility(row.visibility),
    // The entry needs only the intent, its month and its level (contract work and referrals are not filters).
    intentToReturn: { intent: row.return_intent, from: row.return_from, contractWork: false, referrals: false, visibility: row.return_intent_visibility },
  });
}

/** Writes one computed entry (insert or replace), keeping its entry id, and its search row. */
function prepareEntryWriter(db: Db): (entry: DirectoryEntry) => void {
  const upsert = db.prepare<unknown[], number>(
    `INSERT INTO directory_entries (alumni_id, listed, sort_ja, sort_en, department_id, department_rank,
       location_key, location_rank, left_year, left_rank, interest_mask, interests_rank, return_intent, return_from, intent_rank)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (alumni_id) DO UPDATE SET listed = excluded.listed, sort_ja = excluded.sort_ja,
       sort_en = excluded.sort_en, department_id = excluded.department_id,
       department_rank = excluded.department_rank, location_key = excluded.location_key,
       location_rank = excluded.location_rank, left_year = excluded.left_year, left_rank = excluded.left_rank,
       interest_mask = excluded.interest_mask, interests_rank = excluded.interests_rank,
       return_intent = excluded.return_intent, return_from = excluded.return_from, intent_rank = excluded.intent_rank
     RETURNING entry_id`,
  ).pluck();
  const deleteSearch = db.prepare('DELETE FROM directory_search WHERE rowid = ?');
  const insertSearch = db.prepare('INSERT INTO directory_search (rowid, a, h) VALUES (?, ?, ?)');
  return (e) => {
    const entryId = upsert.get(
      e.alumniId, e.listed ? 1 : 0, e.sortJa, e.sortEn, e.departmentId, e.departmentRank, e.locationKey,
      e.locationRank, e.leftYear, e.leftRank, e.interestMask, e.interestsRank, e.returnIntent, e.returnFrom, e.intentRank,
    )!;
    deleteSearch.run(entryId);
    insertSearch.run(entryId, e.searchAlumni, e.searchHr);
  };
}

/**
 * Brings the index in step with the alumni `ids` after any write to them (insert, update or
 * delete): call it inside the write's transaction. The returned function is prepared once, so a
 * bulk insert pays for the statements once.
 */
export function prepareDirectorySync(db: Db): (ids: string | readonly string[]) => void {
  // An erased returner's row is no member's: its entry goes as a deleted member's does.
  const source = db.prepare<[string], IndexSourceRow>(`${INDEX_SOURCE} AND al.id = ?`);
  const write = prepareEntryWriter(db);
  const findEntry = db.prepare<[string], number>('SELECT entry_id FROM directory_entries WHERE alumni_id = ?').pluck();
  const deleteSearch = db.prepare('DELETE FROM directory_search WHERE rowid = ?');
  const deleteEntry = db.prepare('DELETE FROM directory_entries WHERE entry_id = ?');
  // The HR console's index (server/data/hr.ts) follows the same writes.
  const syncHr = prepareHrSync(db);
  const touch = prepareGenerationTouch(db);
  return (ids) => {
    touch();
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      syncHr(id);
      const row = source.get(id);
      if (row) {
        write(entryOf(row));
        continue;
      }
      const entryId = findEntry.get(id);
      if (entryId !== undefined) {
        deleteSearch.run(entryId);
        deleteEntry.run(entryId);
      }
    }
  };
}

/** A random 48-bit integer: a value a rolled-back write used is never seen again. */
function newGeneration(): number {
  return randomBytes(6).readUIntBE(0, 6);
}

/** Marks the index as written (see `directory_index_state.generation`), in the write's transaction. */
function prepareGenerationTouch(db: Db): () => void {
  const update = db.prepare('UPDATE directory_index_state SET generation = ?');
  return () => update.run(newGeneration());
}

/** `prepareDirectorySync(db)(ids)`, for a single write. */
export function syncDirectoryEntries(db: Db, ids: string | readonly string[]): void {
  prepareDirectorySync(db)(ids);
}

/** After a department's names change: its members' search text holds them. */
export function syncDepartmentEntries(db: Db, departmentId: string): void {
  const ids = db.prepare<[string], string>('SELECT id FROM alumni WHERE department_id = ?').pluck().all(departmentId);
  syncDirectoryEntries(db, ids);
}

/** Empties the index and writes every alumnus's entry again (in one transaction). */
export function rebuildDirectoryIndex(db: Db): void {
  db.transaction(() => {
    db.exec('DELETE FROM directory_search; DELETE FROM directory_entries;');
    const write = prepareEntryWriter(db);
    // In batches: a statement that is still being read cannot share the connection with writes.
    const batch = db.prepare<[number], IndexSourceRow & { position: number }>(
      `${INDEX_SOURCE.replace('SELECT ', 'SELECT al.rowid AS position, ')} AND al.rowid > ? ORDER BY al.rowid LIMIT 2000`,
    );
    for (let rows = batch.all(0); rows.length; rows = batch.all(rows[rows.length - 1]!.position)) {
      for (const row of rows) write(entryOf(row));
    }
    rebuildHrIndex(db);
    db.prepare('DELETE FROM directory_index_state').run();
    db.prepare('INSERT INTO directory_index_state (version, generation) VALUES (?, ?)').run(DIRECTORY_INDEX_VERSION, newGeneration());
  }).immediate();
}

/**
 * Rebuilds the index when it was written by another version of the code (or never, right after
 * migration 5). Run after migrating, before serving.
 */
export function ensureDirectoryIndex(db: Db): void {
  const current = () =>
    db.prepare<[], number | null>('SELECT MAX(version) FROM directory_index_state').pluck().get() === DIRECTORY_INDEX_VERSION;
  if (current()) return;
  // Checked again under the write lock: another process on the same file may have just rebuilt it.
  db.transaction(() => {
    if (!current()) rebuildDirectoryIndex(db);
  }).immediate();
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface DirectoryPosition {
  sortKey: string;
  id: string;
}

export interface DirectoryQuery {
  audience: Audience;
  /** Which sort key orders the list (and the cursor): the request's language. Default `ja`. */
  order?: DirectoryOrder;
  /** Normalized query words; every one must match (AND). */
  words: readonly string[];
  /** Any of these (OR). */
  departments: readonly string[];
  /** Any of these (OR). */
  interests: readonly InterestId[];
  /** Normalized; a substring of the normalized location. */
  location: string | null;
  leftFrom: number | null;
  leftTo: number | null;
  /** Any of these return-intent windows (empty or omitted: any member), where the viewer may see the intent. */
  intents?: readonly DirectoryIntentWindow[];
  /** The current month ('YYYY-MM'), which the intent windows are relative to; omitted: this month. */
  month?: string;
  after: DirectoryPosition | null;
  limit: number;
}

export interface DirectoryPage {
  profiles: AlumnusProfile[];
  /** Where the next page starts, or null when this one is the last. */
  next: DirectoryPosition | null;
}

/**
 * Up to `fewMatches` index matches the query starts from them: their entry ids are read in one
 * pass over the index, each is looked up by its `entry_id` (one B-tree descent) and those that pass
 * the filters are sorted. Beyond it, matches are so common that walking the directory in order
 * (along the covering order index) and keeping the matching entries fills a page sooner. Both
 * plans give the same pages; tests lower the threshold to run both.
 */
export const directoryPlan = { fewMatches: 4000 };

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

function statement(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/** The FTS5 query: every word, in the columns the audience may search. */
export function matchExpression(audience: Audience, words: readonly string[]): string {
  const columns = audience === 'hr' ? '{a h}' : 'a';
  return words
    .map((word) => {
      const alternatives = wordQueries(word).map((expression) => `${columns} : ${expression}`);
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

/** SQLite's BINARY collation (UTF-8 byte order), which is UTF-16 code unit order except for surrogates. */
function compareText(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

const pageCaches = new WeakMap<Db, DirectoryPageCache>();

/** A page of the directory, from the connection's page cache while the index is unchanged. */
export function listDirectory(db: Db, query: DirectoryQuery): DirectoryPage {
  const generation = statement(db, 'SELECT generation FROM directory_index_state').pluck().get() as number | undefined;
  if (generation === undefined) return readDirectoryPage(db, query);
  let cache = pageCaches.get(db);
  if (!cache) pageCaches.set(db, (cache = new DirectoryPageCache()));
  const cached = cache.get(generation, query);
  if (cached) return cached;
  const page = readDirectoryPage(db, query);
  cache.set(query, page);
  return page;
}

function readDirectoryPage(db: Db, query: DirectoryQuery): DirectoryPage {
  const sort = SORT_COLUMN[query.order ?? 'ja'];
  const conditions: string[] = [];
  const params: Record<string, unknown> = { rank: AUDIENCE_RANK[query.audience], limit: query.limit + 1 };
  if (query.audience !== 'hr') conditions.push('e.listed = 1');
  if (query.departments.length) {
    conditions.push(
      'e.department_id IN (SELECT value FROM json_each(:departments)) AND e.department_rank <= :rank',
    );
    params.departments = JSON.stringify(query.departments);
  }
  if (query.interests.length) {
    conditions.push('(e.interest_mask & :interests) != 0 AND e.interests_rank <= :rank');
    params.interests = interestMask(query.interests);
  }
  if (query.location) {
    conditions.push('instr(e.location_key, :location) > 0 AND e.location_rank <= :rank');
    params.location = query.location;
  }
  if (query.leftFrom !== null) {
    conditions.push('e.left_year >= :leftFrom AND e.left_rank <= :rank');
    params.leftFrom = query.leftFrom;
  }
  if (query.leftTo !== null) {
    conditions.push('e.left_year <= :leftTo AND e.left_rank <= :rank');
    params.leftTo = query.leftTo;
  }
  if (query.intents?.length) {
    const windows = intentConditions(query.intents, query.month ?? currentMonth(), 'e');
    let next = 0;
    const sql = windows.sql.replaceAll('?', () => {
      const name = `intent${next}`;
      params[name] = windows.params[next++];
      return `:${name}`;
    });
    conditions.push(`(${sql}) AND e.intent_rank <= :rank`);
  }
  if (query.after) {
    conditions.push(`(e.${sort}, e.alumni_id) > (:afterKey, :afterId)`);
    params.afterKey = query.after.sortKey;
    params.afterId = query.after.id;
  }
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const order = ` ORDER BY e.${sort}, e.alumni_id LIMIT :limit`;
  let positions: DirectoryPosition[];
  if (!query.words.length) {
    positions = statement(db, `SELECT e.alumni_id AS id, e.${sort} AS sortKey FROM directory_entries e${where}${order}`)
      .all(params) as DirectoryPosition[];
  } else {
    params.match = matchExpression(query.audience, query.words);
    const cap = directoryPlan.fewMatches + 1;
    params.cap = cap;
    // One pass over the index puts up to `cap` matching entry ids in a temporary table. The first
    // row says how many: below `cap` (few), the other rows are the page: each match looked up by
    // its entry id (the rowid), kept if the filters pass, sorted. At `cap` the guard, a constant,
    // skips the lookups and the page comes from walking the directory instead.
    const fromMatches = statement(
      db,
      `WITH m AS MATERIALIZED (SELECT rowid AS entry_id FROM directory_search WHERE directory_search MATCH :match LIMIT :cap)
       SELECT NULL AS id, NULL AS sortKey, (SELECT COUNT(*) FROM m) AS matches
       UNION ALL
       SELECT * FROM (SELECT e.alumni_id, e.${sort}, NULL
         FROM m CROSS JOIN directory_entries e ON e.entry_id = m.entry_id
         WHERE (SELECT COUNT(*) FROM m) < :cap${conditions.map((condition) => ` AND ${condition}`).join('')}
         ${order})`,
    ).all(params) as (DirectoryPosition & { matches: number | null })[];
    const matches = fromMatches.find((row) => row.id === null)?.matches ?? 0;
    if (matches < cap) {
      positions = fromMatches
        .filter((row) => row.id !== null)
        .map(({ id, sortKey }) => ({ id, sortKey }))
        .sort((a, b) => compareText(a.sortKey, b.sortKey) || compareText(a.id, b.id));
    } else {
      // Many: walk the directory in order and keep matching entries (`+`: not by entry id lookups).
      const walk = `+e.entry_id IN (SELECT rowid FROM directory_search WHERE directory_search MATCH :match)`;
      positions = statement(
        db,
        `SELECT e.alumni_id AS id, e.${sort} AS sortKey FROM directory_entries e WHERE ${[...conditions, walk].join(' AND ')}${order}`,
      ).all(params) as DirectoryPosition[];
    }
  }

  const more = positions.length > query.limit;
  const page = more ? positions.slice(0, query.limit) : positions;
  return {
    profiles: readProfiles(db, page.map((position) => position.id)),
    next: more ? page[page.length - 1]! : null,
  };
}

interface AlumnusRow extends ProfileRow {
  listed: number;
  return_intent: ReturnIntentKind | null;
  return_from: string | null;
  contract_work: number;
  referrals: number;
  return_intent_visibility: string;
}

const PROFILE_COLUMNS = `id, family_name, given_name, family_name_kana, given_name_kana, email,
  department_id, department_other, role_at_leaving, joined_month, left_month, current_company,
  current_position, location, profile_url, photo_url, interests, listed, visibility, contact_consent,
  return_intent, return_from, contract_work, referrals, return_intent_visibility`;

function toProfile(row: AlumnusRow): AlumnusProfile {
  return {
    ...profileFields(row),
    intentToReturn: {
      intent: row.return_intent,
      from: row.return_from,
      contractWork: row.contract_work === 1,
      referrals: row.referrals === 1,
      visibility: row.return_intent_visibility,
    },
  };
}

/** The profiles of `ids`, in that order. */
function readProfiles(db: Db, ids: readonly string[]): AlumnusProfile[] {
  if (ids.length === 0) return [];
  const rows = statement(
    db,
    `SELECT ${PROFILE_COLUMNS} FROM alumni WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as AlumnusRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toProfile(row)] : [];
  });
}

/** One member, if the audience may find them in the directory (HR: anyone; others: listed only). */
export function findDirectoryMember(db: Db, audience: Audience, id: string): AlumnusProfile | null {
  const row = statement(db, `SELECT ${PROFILE_COLUMNS}, ${MEMBER_STATUS_SQL} AS status FROM alumni al WHERE id = ? AND ${NOT_ERASED_SQL}`).get(id) as
    | (AlumnusRow & { status: MemberStatus })
    | undefined;
  // A member who is not active (unverified, awaiting approval, declined) is HR's to see only.
  if (!row || (audience !== 'hr' && (row.listed !== 1 || !isListable(row.status)))) return null;
  return toProfile(row);
}
