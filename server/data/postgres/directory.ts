import { randomBytes } from 'node:crypto';
import { type IndexableAlumnus, directoryEntry, interestMask } from '../../domain/directory-entry.js';
import { AUDIENCE_RANK, type AlumnusProfile, type Audience } from '../../domain/member-view.js';
import { wordQueries } from '../../domain/search-text.js';
import { currentMonth, intentConditions } from '../../domain/hr-members.js';
import { MEMBER_STATUS_SQL, NOT_ERASED_SQL, type MemberStatus, type ReturnIntentKind, isListable } from '../../domain/membership.js';
import { DIRECTORY_INDEX_VERSION } from '../directory.js';
import type { DirectoryData, DirectoryPage, DirectoryPosition, DirectoryQuery } from '../store.js';
import { DirectoryPageCache } from '../directory-page-cache.js';
import { syncHrEntries } from './hr.js';
import type { Sql } from './sql.js';
import { type ProfileRow, profileFields } from '../rows/profile.js';

/*
 * The directory on PostgreSQL (migration 0002): `directory_entries` is written here from the same
 * pure computation the SQLite index uses (server/domain/directory-entry.ts: sort keys, search
 * text per visibility level, interest mask, normalization), in the transaction of the write it
 * follows. A search word is answered as SQLite's FTS5 answers it: a phrase (its bigrams
 * consecutive in the indexed token stream) or a prefix (any token starting with it), any of the
 * forms wordQueries() gives. The GIN index on the token arrays finds the candidates; the check
 * against the stream makes the answer exact.
 */

/** An alumnus as stored, with what the index needs besides (the department is looked up). */
export type IndexedAlumnus = Omit<IndexableAlumnus, 'departmentNameEn' | 'departmentNameJa'>;

export type DepartmentNames = ReadonlyMap<string, { en: string; ja: string }>;

const ENTRY_COLUMNS = [
  ['alumni_id', 'text'], ['sort_ja', 'text'], ['sort_en', 'text'], ['listed', 'boolean'], ['department_id', 'text'],
  ['department_rank', 'smallint'], ['location_key', 'text'], ['location_rank', 'smallint'], ['left_year', 'integer'],
  ['left_rank', 'smallint'], ['interest_mask', 'integer'], ['interests_rank', 'smallint'], ['return_intent', 'text'],
  ['return_from', 'text'], ['intent_rank', 'smallint'], ['a_text', 'text'],
  ['h_text', 'text'], ['a_tokens', 'text[]'], ['ah_tokens', 'text[]'],
] as const;

/**
 * The distinct tokens of an index text and every prefix of each: a prefix query (`"x"*`, or a
 * marked romaji `"ʳx"*`) then looks its prefix up as one array element.
 */
export function tokenSet(text: string, into = new Set<string>()): Set<string> {
  for (const token of text.split(' ')) {
    if (!token) continue;
    const characters = Array.from(token);
    for (let length = 1; length <= characters.length; length++) into.add(characters.slice(0, length).join(''));
  }
  return into;
}

/** A PostgreSQL array literal: `{"a","b"}` with quotes and backslashes escaped. */
export function arrayLiteral(values: Iterable<string>): string {
  return `{${[...values].map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** One `directory_entries` row, in ENTRY_COLUMNS order (token arrays as array literals). */
function entryRow(alumnus: IndexedAlumnus, departments: DepartmentNames): unknown[] {
  const department = alumnus.departmentId ? departments.get(alumnus.departmentId) : undefined;
  const entry = directoryEntry({ ...alumnus, departmentNameEn: department?.en ?? null, departmentNameJa: department?.ja ?? null });
  const aTokens = tokenSet(entry.searchAlumni);
  return [
    entry.alumniId, entry.sortJa, entry.sortEn, entry.listed, entry.departmentId, entry.departmentRank,
    entry.locationKey, entry.locationRank, entry.leftYear, entry.leftRank, entry.interestMask, entry.interestsRank,
    entry.returnIntent, entry.returnFrom, entry.intentRank, entry.searchAlumni, entry.searchHr, arrayLiteral(aTokens), arrayLiteral(tokenSet(entry.searchHr, new Set(aTokens))),
  ];
}

/**
 * Inserts or replaces the entries of `alumni` in one statement: unnest of one array per column
 * (the token arrays travel as array literals, since unnest would flatten an array of arrays).
 */
export async function writeDirectoryEntries(sql: Sql, alumni: readonly IndexedAlumnus[], departments: DepartmentNames): Promise<void> {
  if (alumni.length === 0) return;
  const columns: unknown[][] = ENTRY_COLUMNS.map(() => []);
  for (const alumnus of alumni) entryRow(alumnus, departments).forEach((value, index) => columns[index]!.push(value));
  const names = ENTRY_COLUMNS.map(([name]) => name);
  const unnest = ENTRY_COLUMNS.map(([, type], index) => `$${index + 1}::${type === 'text[]' ? 'text' : type}[]`).join(', ');
  const select = ENTRY_COLUMNS.map(([name, type]) => (type === 'text[]' ? `${name}::text[]` : name)).join(', ');
  await sql.run(
    `INSERT INTO directory_entries (${names.join(', ')})
     SELECT ${select} FROM unnest(${unnest}) AS t (${names.join(', ')})
     ON CONFLICT (alumni_id) DO UPDATE SET ${names.slice(1).map((name) => `${name} = excluded.${name}`).join(', ')}`,
    columns,
  );
  // The HR console's index (server/data/postgres/hr.ts) follows the same writes.
  await syncHrEntries(sql, alumni.map((alumnus) => alumnus.id));
  await touchGeneration(sql);
}

/** A random 48-bit integer: a value a rolled-back write used is never seen again. */
const newGeneration = () => randomBytes(6).readUIntBE(0, 6);

/** Marks the index as written (see `directory_index_state.generation`), in the write's transaction. */
function touchGeneration(sql: Sql): Promise<number> {
  return sql.run('UPDATE directory_index_state SET generation = $1', [newGeneration()]);
}

export async function readDepartmentNames(sql: Sql): Promise<Map<string, { en: string; ja: string }>> {
  const rows = await sql.query<{ id: string; name_en: string; name_ja: string }>('SELECT id, name_en, name_ja FROM departments');
  return new Map(rows.map((row) => [row.id, { en: row.name_en, ja: row.name_ja }]));
}

/** Recomputes the entries of the members `where` selects (with `values`), in batches, in the caller's transaction. */
async function reindex(sql: Sql, where: string, values: readonly unknown[]): Promise<void> {
  const departments = await readDepartmentNames(sql);
  const BATCH = 5000;
  let after = '';
  for (;;) {
    const rows = await sql.query<AlumnusRow & { status: MemberStatus }>(
      `SELECT ${PROFILE_COLUMNS}, ${MEMBER_STATUS_SQL} AS status FROM alumni al
       WHERE (${where}) AND ${NOT_ERASED_SQL} AND id > $${values.length + 1} ORDER BY id LIMIT ${BATCH}`,
      [...values, after],
    );
    if (rows.length === 0) return;
    await writeDirectoryEntries(sql, rows.map((row) => ({ ...toProfile(row), listed: row.listed, status: row.status })), departments);
    after = rows.at(-1)!.id;
  }
}

/**
 * After writes to the members `ids` (update or delete), in the caller's transaction: entries of
 * existing members are recomputed, those of deleted ones removed.
 */
export async function reindexAlumni(sql: Sql, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // Deleted members' entries went with them (ON DELETE CASCADE); an erased returner's row stays
  // for HR's returner records but is no member's: its entries go too.
  const gone = `alumni_id = ANY($1::text[]) AND alumni_id NOT IN (SELECT al.id FROM alumni al WHERE al.id = ANY($1::text[]) AND ${NOT_ERASED_SQL})`;
  await sql.run(`DELETE FROM directory_entries WHERE ${gone}`, [ids]);
  await sql.run(`DELETE FROM hr_member_index WHERE ${gone}`, [ids]);
  // Deleted members (their entries went with them, by cascade) change pages too.
  await touchGeneration(sql);
  await reindex(sql, 'id = ANY($1::text[])', [ids]);
}

/** After a department's names changed: its members' search text follows, in the same transaction. */
export function reindexDepartment(sql: Sql, departmentId: string): Promise<void> {
  return reindex(sql, 'department_id = $1', [departmentId]);
}

/**
 * Rebuilds the whole index when it was written by another version of the computation (or never),
 * under a transaction-level advisory lock so that instances starting together rebuild it once.
 */
export function ensureDirectoryIndex(sql: Sql): Promise<boolean> {
  return sql.atomic(async (tx) => {
    await tx.run('SELECT pg_advisory_xact_lock(7250401015)');
    const state = await tx.first<{ version: number }>('SELECT version FROM directory_index_state');
    if (state?.version === DIRECTORY_INDEX_VERSION) return false;
    await tx.run('DELETE FROM directory_entries');
    await reindex(tx, 'true', []);
    await tx.run(
      `INSERT INTO directory_index_state (version, generation) VALUES ($1, $2)
       ON CONFLICT (only_row) DO UPDATE SET version = excluded.version, generation = excluded.generation`,
      [DIRECTORY_INDEX_VERSION, newGeneration()],
    );
    return true;
  });
}

/**
 * One FTS5 expression of a query word as SQL: the tokens every match holds (for the GIN index)
 * and the text that occurs in the space-padded token stream exactly where FTS5 matches. The forms
 * are the ones wordQueries() builds for SQLite: `"ab bc"` (a phrase) and `"x"*` (a prefix).
 */
export function expressionCondition(expression: string): { tokens: string[]; needle: string } {
  const prefix = /^"([^"\s]+)"\*$/.exec(expression);
  if (prefix) return { tokens: [prefix[1]!], needle: ` ${prefix[1]}` };
  const phrase = /^"([^"]+)"$/.exec(expression);
  if (!phrase) throw new Error(`Unexpected directory query form: ${expression}`);
  return { tokens: [...new Set(phrase[1]!.split(' '))], needle: ` ${phrase[1]} ` };
}

interface AlumnusRow extends ProfileRow {
  listed: boolean;
  return_intent: ReturnIntentKind | null;
  return_from: string | null;
  contract_work: boolean;
  referrals: boolean;
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
      contractWork: row.contract_work,
      referrals: row.referrals,
      visibility: row.return_intent_visibility,
    },
  };
}

/** One page of the directory from the index, in one statement (one snapshot). */
async function readPage(sql: Sql, query: DirectoryQuery): Promise<DirectoryPage> {
  const sort = query.order === 'en' ? 'sort_en' : 'sort_ja';
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  let rankParam: string | undefined;
  // A placeholder only once a filter uses it: PostgreSQL cannot type an unused parameter.
  const rank = () => (rankParam ??= `${param(AUDIENCE_RANK[query.audience])}::smallint`);
  const conditions: string[] = [];
  if (query.audience !== 'hr') conditions.push('e.listed');
  if (query.departments.length) {
    conditions.push(`e.department_id = ANY(${param(query.departments)}::text[]) AND e.department_rank <= ${rank()}`);
  }
  if (query.interests.length) {
    conditions.push(`(e.interest_mask & ${param(interestMask(query.interests))}::integer) <> 0 AND e.interests_rank <= ${rank()}`);
  }
  if (query.location) {
    conditions.push(`strpos(e.location_key, ${param(query.location)}) > 0 AND e.location_rank <= ${rank()}`);
  }
  if (query.leftFrom !== null) conditions.push(`e.left_year >= ${param(query.leftFrom)} AND e.left_rank <= ${rank()}`);
  if (query.leftTo !== null) conditions.push(`e.left_year <= ${param(query.leftTo)} AND e.left_rank <= ${rank()}`);
  if (query.intents?.length) {
    // The SQLite conditions (intentConditions) with $n placeholders.
    const windows = intentConditions(query.intents, query.month ?? currentMonth(), 'e');
    let next = 0;
    const sqlText = windows.sql.replaceAll('?', () => param(windows.params[next++]));
    conditions.push(`(${sqlText}) AND e.intent_rank <= ${rank()}`);
  }
  if (query.after) {
    conditions.push(`(e.${sort}, e.alumni_id) > (${param(query.after.sortKey)}, ${param(query.after.id)})`);
  }
  for (const word of query.words) {
    // Any of the word's forms (itself; for Latin letters also its canonical romaji), in any
    // column the audience may search.
    const forms = wordQueries(word).map((expression) => {
      const { tokens, needle } = expressionCondition(expression);
      const t = `${param(tokens)}::text[]`;
      const n = param(needle);
      return query.audience === 'hr'
        ? `(e.ah_tokens @> ${t} AND (strpos(' ' || e.a_text || ' ', ${n}) > 0 OR strpos(' ' || e.h_text || ' ', ${n}) > 0))`
        : `(e.a_tokens @> ${t} AND strpos(' ' || e.a_text || ' ', ${n}) > 0)`;
    });
    conditions.push(forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  // One statement: the page and its profiles come from one snapshot.
  const rows = await sql.query<AlumnusRow & { sort_key: string }>(
    `WITH page AS (
       SELECT e.alumni_id, e.${sort} AS sort_key FROM directory_entries e ${where}
       ORDER BY e.${sort}, e.alumni_id LIMIT ${param(query.limit + 1)})
     SELECT page.sort_key, ${PROFILE_COLUMNS.replaceAll(/(\w+)/g, 'a.$1')}
     FROM page JOIN alumni a ON a.id = page.alumni_id
     ORDER BY page.sort_key, page.alumni_id`,
    values,
  );
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  const next: DirectoryPosition | null = more && last ? { sortKey: last.sort_key, id: last.id } : null;
  return { profiles: page.map(toProfile), next };
}

export function directoryData(sql: Sql): DirectoryData {
  const cache = new DirectoryPageCache();
  return {
    async list(query: DirectoryQuery) {
      const state = await sql.first<{ generation: string }>('SELECT generation FROM directory_index_state');
      if (!state) return readPage(sql, query);
      const cached = cache.get(state.generation, query);
      if (cached) return cached;
      const page = await readPage(sql, query);
      cache.set(query, page);
      return page;
    },

    async find(audience: Audience, id: string) {
      const row = await sql.first<AlumnusRow & { status: MemberStatus }>(
        `SELECT ${PROFILE_COLUMNS}, ${MEMBER_STATUS_SQL} AS status FROM alumni al WHERE id = $1 AND ${NOT_ERASED_SQL}`,
        [id],
      );
      // A member who is not active (unverified, awaiting approval, declined) is HR's to see only.
      if (!row || (audience !== 'hr' && (!row.listed || !isListable(row.status)))) return null;
      return toProfile(row);
    },
  };
}
