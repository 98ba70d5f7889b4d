import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { INTEREST_IDS, type InterestId } from '../domain/interests.js';
import {
  AUDIENCE_RANK,
  type AlumnusProfile,
  type Audience,
  type StoredVisibility,
  parseVisibility,
  visibilityRank,
} from '../domain/member-view.js';
import { indexText, normalizeSearchText, searchWords, wordQuery } from '../domain/search-text.js';
import type { VisibilityField } from '../domain/visibility.js';

/*
 * The directory index (migrations 2 and 3) is two tables kept in sync by triggers on `alumni` and
 * `departments`, so every writer (the signup route, the seeders, a future profile editor) keeps
 * it current in the same transaction as its write:
 *
 * - `directory_entries`: one row per alumnus, keyed by `entry_id`, with the sort key, the listed
 *   flag, and each filterable value next to its visibility rank (0 alumni, 1 hr, 2 hidden). A
 *   filter compares the rank with the viewer's, so it never matches a value the viewer may not
 *   see. A covering index holds all of it in directory order.
 * - `directory_search`: a contentless FTS5 table with the same rowid, holding bigram tokens of the
 *   normalized searchable text in two columns by visibility: `a` has names and everything at the
 *   'alumni' level, `h` what is at the 'hr' level. Hidden values are not indexed at all. Alumni
 *   and employees search column `a` only; HR searches both.
 *
 * The triggers call the SQL functions below, so every connection that writes alumni must have
 * them: `openDatabase` registers them before migrating.
 */

const SORT_KEY_SEPARATOR = '\u0001'; // below every character a name can hold: "ab" sorts before "abc"

/** The order of the directory: reading (furigana) when everyone may see it, else the written name. */
export function sortKey(
  familyName: string,
  givenName: string,
  familyNameKana: string | null,
  givenNameKana: string | null,
  visibility: StoredVisibility,
): string {
  const everyone = (field: VisibilityField, value: string | null) =>
    value && visibilityRank(visibility, field) === AUDIENCE_RANK.alumni ? value : null;
  return (
    normalizeSearchText(everyone('familyNameKana', familyNameKana) ?? familyName) +
    SORT_KEY_SEPARATOR +
    normalizeSearchText(everyone('givenNameKana', givenNameKana) ?? givenName)
  );
}

interface SearchableFields {
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  currentCompany: string | null;
  currentRole: string | null;
  departmentNameEn: string | null;
  departmentNameJa: string | null;
  departmentOther: string | null;
  visibility: StoredVisibility;
}

const joined = (text: string) => normalizeSearchText(text).replaceAll(' ', '');

/**
 * The index text of one column: names and 'alumni' level fields for `alumni`, 'hr' level fields
 * for `hr`. Names are indexed as family, given, and family+given written together (佐藤花子).
 */
export function directorySearchText(level: Audience, fields: SearchableFields): string {
  const rank = AUDIENCE_RANK[level];
  const at = (field: VisibilityField) => visibilityRank(fields.visibility, field) === rank;
  const words: string[] = [];
  const add = (text: string | null) => words.push(...searchWords(text));

  if (level === 'alumni') {
    add(fields.familyName);
    add(fields.givenName);
    words.push(joined(fields.familyName) + joined(fields.givenName));
  }
  if (at('familyNameKana')) add(fields.familyNameKana);
  if (at('givenNameKana')) add(fields.givenNameKana);
  // The full reading belongs to the column of its less visible half, and to none if either is hidden.
  const kanaRank = Math.max(
    visibilityRank(fields.visibility, 'familyNameKana'),
    visibilityRank(fields.visibility, 'givenNameKana'),
  );
  if (kanaRank === rank && fields.familyNameKana && fields.givenNameKana) {
    words.push(joined(fields.familyNameKana) + joined(fields.givenNameKana));
  }
  if (at('currentCompany')) add(fields.currentCompany);
  if (at('currentRole')) add(fields.currentRole);
  if (at('department')) {
    add(fields.departmentNameEn);
    add(fields.departmentNameJa);
    add(fields.departmentOther);
  }
  return indexText([...new Set(words.filter(Boolean))]);
}

export function interestMask(interests: readonly string[]): number {
  let mask = 0;
  for (const interest of interests) {
    const bit = INTEREST_IDS.indexOf(interest as InterestId);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

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

/** The SQL functions the directory triggers call. Pure and deterministic. */
export function registerDirectoryFunctions(db: Database.Database): void {
  const options = { deterministic: true };
  db.function(
    'okaeri_sort_key',
    options,
    (family: string, given: string, familyKana: SqlText, givenKana: SqlText, visibility: string) =>
      sortKey(family, given, familyKana, givenKana, parseVisibility(visibility)),
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
// Reading

export interface DirectoryPosition {
  sortKey: string;
  id: string;
}

export interface DirectoryQuery {
  audience: Audience;
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
  return words.map((word) => `${columns} : ${wordQuery(word)}`).join(' AND ');
}

/** SQLite's BINARY collation (UTF-8 byte order), which is UTF-16 code unit order except for surrogates. */
function compareText(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export function listDirectory(db: Db, query: DirectoryQuery): DirectoryPage {
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
  if (query.after) {
    conditions.push('(e.sort_key, e.alumni_id) > (:afterKey, :afterId)');
    params.afterKey = query.after.sortKey;
    params.afterId = query.after.id;
  }
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const order = ' ORDER BY e.sort_key, e.alumni_id LIMIT :limit';
  let positions: DirectoryPosition[];
  if (!query.words.length) {
    positions = statement(db, `SELECT e.alumni_id AS id, e.sort_key AS sortKey FROM directory_entries e${where}${order}`)
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
       SELECT * FROM (SELECT e.alumni_id, e.sort_key, NULL
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
        `SELECT e.alumni_id AS id, e.sort_key AS sortKey FROM directory_entries e WHERE ${[...conditions, walk].join(' AND ')}${order}`,
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

interface AlumnusRow {
  id: string;
  family_name: string;
  given_name: string;
  family_name_kana: string | null;
  given_name_kana: string | null;
  email: string;
  department_id: string | null;
  department_other: string | null;
  role_at_leaving: string | null;
  joined_month: string;
  left_month: string | null;
  current_company: string | null;
  current_position: string | null;
  location: string | null;
  profile_url: string | null;
  photo_url: string | null;
  interests: string;
  listed: number;
  visibility: string;
  contact_consent: number;
}

const PROFILE_COLUMNS = `id, family_name, given_name, family_name_kana, given_name_kana, email,
  department_id, department_other, role_at_leaving, joined_month, left_month, current_company,
  current_position, location, profile_url, photo_url, interests, listed, visibility, contact_consent`;

function toProfile(row: AlumnusRow): AlumnusProfile {
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    email: row.email,
    departmentId: row.department_id,
    departmentOther: row.department_other,
    roleAtLeaving: row.role_at_leaving,
    joined: row.joined_month,
    left: row.left_month,
    currentCompany: row.current_company,
    currentRole: row.current_position,
    location: row.location,
    profileUrl: row.profile_url,
    photoUrl: row.photo_url,
    interests: parseInterests(row.interests),
    contactConsent: row.contact_consent === 1,
    visibility: parseVisibility(row.visibility),
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
  const row = statement(db, `SELECT ${PROFILE_COLUMNS} FROM alumni WHERE id = ?`).get(id) as
    | AlumnusRow
    | undefined;
  if (!row || (audience !== 'hr' && row.listed !== 1)) return null;
  return toProfile(row);
}
