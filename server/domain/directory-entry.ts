import { INTEREST_IDS, type InterestId } from './interests.js';
import { AUDIENCE_RANK, HIDDEN_RANK, type Audience, type StoredReturnIntent, type StoredVisibility, levelRank, visibilityRank } from './member-view.js';
import { type MemberStatus, isListable } from './membership.js';
import { canonicalRomaji, isKanaWord, isLatinWord, kanaCanonicalRomaji, kanaToDisplayRomaji } from './romaji.js';
import { indexTextWithRomaji, normalizeSearchText, searchWords } from './search-text.js';
import type { VisibilityField } from './visibility.js';

/**
 * What the directory index holds for one alumnus, computed from the stored profile alone: pure,
 * so every storage (SQLite here, PostgreSQL next to it) writes the same rows after every write to
 * an alumnus or to a department's names, in the same transaction.
 *
 * Privacy: a value enters a sort key only when every viewer may see it, and a search column only
 * at the level the member chose; hidden values are in no key, token or column at all.
 */

/** The two orders of the list, by the language of the request. */
export const DIRECTORY_ORDERS = ['ja', 'en'] as const;
export type DirectoryOrder = (typeof DIRECTORY_ORDERS)[number];

const SORT_KEY_SEPARATOR = '\u0001'; // below every character a name can hold: "ab" sorts before "abc"

/*
 * Sort keys compare as bytes (SQLite's BINARY collation), so each starts with a group character:
 * in `ja`, names with a reading (あいう順) come first, then names whose reading the viewer may not
 * see (by their written form, as before readings were used), then names in Latin letters; in `en`,
 * names in Latin letters and Japanese names by their romanized reading are one group in Latin
 * order, names with no visible reading after them.
 */
const GROUP = { reading: '1', written: '2', latin: '3' } as const;

export interface SortableName {
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  visibility: StoredVisibility;
}

function everyone(visibility: StoredVisibility, field: VisibilityField, value: string | null): string | null {
  return value && visibilityRank(visibility, field) === AUDIENCE_RANK.alumni ? value : null;
}

const compact = (text: string) => normalizeSearchText(text).replaceAll(' ', '');

type Script = 'kana' | 'latin' | 'other';

function scriptOf(text: string): Script {
  const words = searchWords(text);
  if (words.length && words.every(isKanaWord)) return 'kana';
  if (words.length && words.every(isLatinWord)) return 'latin';
  return 'other';
}

/** One half of a name (family or given) as the sort keys see it. */
function namePart(written: string, reading: string | null) {
  const readingText = reading ? compact(reading) : '';
  const writtenScript = scriptOf(written);
  // A name written in kana is its own reading.
  const kana = readingText || (writtenScript === 'kana' ? compact(written) : '');
  const romaji = kana ? (kanaToDisplayRomaji(kana) ?? '') : '';
  return { written: compact(written), kana, romaji, latin: writtenScript === 'latin' };
}

/** The directory's sort keys in both orders; the reading counts only where every viewer may see it. */
export function sortKeys(name: SortableName): Record<DirectoryOrder, string> {
  const family = namePart(name.familyName, everyone(name.visibility, 'familyNameKana', name.familyNameKana));
  const given = namePart(name.givenName, everyone(name.visibility, 'givenNameKana', name.givenNameKana));
  const join = (group: string, a: string, b: string) => group + a + SORT_KEY_SEPARATOR + b;

  const ja = family.kana
    ? join(GROUP.reading, family.kana, given.kana || given.written)
    : family.latin
      ? join(GROUP.latin, family.written, given.written)
      : join(GROUP.written, family.written, given.kana || given.written);
  const en =
    family.latin || family.romaji
      ? join(GROUP.reading, family.latin ? family.written : family.romaji, given.latin ? given.written : given.romaji || given.written)
      : join(GROUP.written, family.written, given.romaji || given.written);
  return { ja, en };
}

export interface SearchableFields extends SortableName {
  currentCompany: string | null;
  currentRole: string | null;
  departmentNameEn: string | null;
  departmentNameJa: string | null;
  departmentOther: string | null;
}

/**
 * The index text of one column: names and 'alumni' level fields for `alumni`, 'hr' level fields
 * for `hr`. Names are indexed as family, given, and family+given written together (佐藤花子);
 * readings and Latin-letter names also as canonical romaji (さとう → sato, Satoh → sato).
 */
export function directorySearchText(level: Audience, fields: SearchableFields): string {
  const rank = AUDIENCE_RANK[level];
  const at = (field: VisibilityField) => visibilityRank(fields.visibility, field) === rank;
  const words: string[] = [];
  const romaji: string[] = [];
  const add = (text: string | null) => words.push(...searchWords(text));
  const addName = (text: string | null) => {
    for (const word of searchWords(text)) {
      words.push(word);
      const canonical = isLatinWord(word) ? canonicalRomaji(word) : kanaCanonicalRomaji(word);
      if (canonical) romaji.push(canonical);
    }
  };
  const addJoinedName = (family: string, given: string) => {
    const joined = compact(family) + compact(given);
    words.push(joined);
    const canonical = isLatinWord(joined) ? canonicalRomaji(joined) : kanaCanonicalRomaji(joined);
    if (canonical) romaji.push(canonical);
  };

  if (level === 'alumni') {
    addName(fields.familyName);
    addName(fields.givenName);
    addJoinedName(fields.familyName, fields.givenName);
  }
  if (at('familyNameKana')) addName(fields.familyNameKana);
  if (at('givenNameKana')) addName(fields.givenNameKana);
  // The full reading belongs to the column of its less visible half, and to none if either is hidden.
  const kanaRank = Math.max(
    visibilityRank(fields.visibility, 'familyNameKana'),
    visibilityRank(fields.visibility, 'givenNameKana'),
  );
  if (kanaRank === rank && fields.familyNameKana && fields.givenNameKana) {
    addJoinedName(fields.familyNameKana, fields.givenNameKana);
  }
  if (at('currentCompany')) add(fields.currentCompany);
  if (at('currentRole')) add(fields.currentRole);
  if (at('department')) {
    add(fields.departmentNameEn);
    add(fields.departmentNameJa);
    add(fields.departmentOther);
  }
  return indexTextWithRomaji([...new Set(words.filter(Boolean))], [...new Set(romaji.filter(Boolean))]);
}

export function interestMask(interests: readonly string[]): number {
  let mask = 0;
  for (const interest of interests) {
    const bit = INTEREST_IDS.indexOf(interest as InterestId);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

/** An alumnus as the index needs them (a stored profile plus its department's names). */
export interface IndexableAlumnus extends SearchableFields {
  id: string;
  listed: boolean;
  /** Only an active member is listed (not pending, awaiting approval or declined); omitted: active. */
  status?: MemberStatus;
  departmentId: string | null;
  location: string | null;
  left: string | null;
  interests: readonly string[];
  /** The return intent with its own level; omitted: nothing said. */
  intentToReturn?: StoredReturnIntent | null;
}

/** One row of the directory index: every sort and filter value, and the two search columns. */
export interface DirectoryEntry {
  alumniId: string;
  listed: boolean;
  sortJa: string;
  sortEn: string;
  departmentId: string | null;
  departmentRank: number;
  /** Normalized location, matched as a substring. */
  locationKey: string | null;
  locationRank: number;
  leftYear: number | null;
  leftRank: number;
  interestMask: number;
  interestsRank: number;
  /**
   * The stated return intent ('' when none, or when the member hid it: a hidden intent is not in
   * the index at all) and its 'YYYY-MM' for 'open-from' (else ''), at the intent's own level.
   */
  returnIntent: string;
  returnFrom: string;
  intentRank: number;
  /** FTS tokens searched by every role. */
  searchAlumni: string;
  /** FTS tokens searched by HR only. */
  searchHr: string;
}

export function directoryEntry(alumnus: IndexableAlumnus): DirectoryEntry {
  const rank = (field: VisibilityField) => visibilityRank(alumnus.visibility, field);
  const keys = sortKeys(alumnus);
  return {
    alumniId: alumnus.id,
    listed: alumnus.listed && isListable(alumnus.status),
    sortJa: keys.ja,
    sortEn: keys.en,
    departmentId: alumnus.departmentId,
    departmentRank: rank('department'),
    locationKey: alumnus.location ? normalizeSearchText(alumnus.location) : null,
    locationRank: rank('location'),
    leftYear: alumnus.left ? Number(alumnus.left.slice(0, 4)) : null,
    leftRank: rank('left'),
    interestMask: interestMask(alumnus.interests),
    interestsRank: rank('interests'),
    ...intentColumns(alumnus.intentToReturn),
    searchAlumni: directorySearchText('alumni', alumnus),
    searchHr: directorySearchText('hr', alumnus),
  };
}

/** The index's intent columns: only what some viewer may see (a hidden intent leaves them empty). */
function intentColumns(intent: StoredReturnIntent | null | undefined): Pick<DirectoryEntry, 'returnIntent' | 'returnFrom' | 'intentRank'> {
  const intentRank = intent ? levelRank(intent.visibility) : HIDDEN_RANK;
  // 'open-from' without a month is nothing said, as intentWindow() has it.
  if (!intent?.intent || intentRank >= HIDDEN_RANK || (intent.intent === 'open-from' && !intent.from)) {
    return { returnIntent: '', returnFrom: '', intentRank };
  }
  return { returnIntent: intent.intent, returnFrom: intent.intent === 'open-from' ? intent.from! : '', intentRank };
}
