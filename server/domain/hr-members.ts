/*
 * The HR console's view of members: HR administers with every field a member gave the program,
 * including the ones the member hid from the directory. So HR does not search the directory's
 * index (whose columns leave hidden values out on purpose) but an index of its own, one row per
 * member computed here, purely, so every backend writes the same rows in the same transaction as
 * the directory's entry (server/data/directory.ts, server/data/postgres/directory.ts).
 *
 * Search uses the directory's normalization (search-text.ts): every query word must be a
 * substring of one normalized word of some field, or, for a word in Latin letters, its canonical
 * romaji a substring of the canonical romaji of a name or reading. The words are kept as plain
 * text (space-separated, so a query word, which holds no space, never spans two words) and
 * matched with a substring test: no tokens, so the property test's model is the definition.
 */
import { interestMask, sortKeys } from './directory-entry.js';
import type { InterestId } from './interests.js';
import type { MemberStatus, ReturnIntentKind } from './membership.js';
import type { AlumnusProfile, StoredVisibility } from './member-view.js';
import { canonicalRomaji, isLatinWord, kanaCanonicalRomaji } from './romaji.js';
import { MAX_QUERY_WORD_LENGTH, indexTextWithRomaji, normalizeSearchText, searchWords } from './search-text.js';
import { VISIBILITY_FIELDS, type VisibilityField, type VisibilityLevel } from './visibility.js';

/** What HR knows of a member besides the profile: membership status and return intent (issue 10). */
export interface HrMembership {
  listed: boolean;
  /** When the member signed up (alumni.created_at). */
  signedUpAt: string;
  /** 'pending' until the address is verified. */
  status: MemberStatus;
  returnIntent: ReturnIntentKind | null;
  /** 'YYYY-MM', with 'open-from' only. */
  returnFrom: string | null;
  contractWork: boolean;
  referrals: boolean;
  /** When the member last confirmed the profile is accurate (null: at signup). */
  confirmedAt: string | null;
  /** The employee number (社員番号) given at signup, normalized; HR's only, matched against the leaver list. */
  employeeNumber: string | null;
}

/** A member as the HR index needs them: the stored profile, the department's names, the flags. */
export interface HrIndexable extends AlumnusProfile, HrMembership {
  departmentNameEn: string | null;
  departmentNameJa: string | null;
}

/** One row of the HR index. */
export interface HrMemberEntry {
  alumniId: string;
  /** Name order with the reading always counted (HR sees it): the directory's keys otherwise. */
  sortJa: string;
  sortEn: string;
  /** Normalized words of every field, space-separated. */
  search: string;
  /** Canonical romaji of names and readings, space-separated. */
  romaji: string;
  /** The same words as the directory's FTS tokens (bigrams, marked romaji): SQLite's index. */
  tokens: string;
  departmentId: string | null;
  leftYear: number | null;
  /** 'YYYY-MM', or '' when the member gave none (sorts last in "recently left first"). */
  leftKey: string;
  interestMask: number;
  contactable: boolean;
  listed: boolean;
  signedUpAt: string;
  status: MemberStatus;
  /** The stated intent, '' when none. */
  returnIntent: string;
  /** 'YYYY-MM' for 'open-from', else ''. */
  returnFrom: string;
}

/** Readings always count for HR's order: HR sees them whatever the member chose. */
const READINGS_VISIBLE: StoredVisibility = { familyNameKana: 'alumni', givenNameKana: 'alumni' };

const compact = (text: string) => normalizeSearchText(text).replaceAll(' ', '');

function romajiOf(word: string): string | null {
  return isLatinWord(word) ? canonicalRomaji(word) : kanaCanonicalRomaji(word);
}

/** A person's name words as HR searches them: written and reading, each part and joined, with their romaji. */
export function hrNameWords(person: { familyName: string; givenName: string; familyNameKana: string | null; givenNameKana: string | null }): {
  words: Set<string>;
  romaji: Set<string>;
} {
  const words = new Set<string>();
  const romaji = new Set<string>();
  const addName = (text: string | null) => {
    for (const word of searchWords(text)) {
      words.add(word);
      const canonical = romajiOf(word);
      if (canonical) romaji.add(canonical);
    }
  };
  const addJoined = (family: string | null, given: string | null) => {
    if (!family || !given) return;
    const joined = compact(family) + compact(given);
    if (!joined) return;
    words.add(joined);
    const canonical = romajiOf(joined);
    if (canonical) romaji.add(canonical);
  };
  addName(person.familyName);
  addName(person.givenName);
  addJoined(person.familyName, person.givenName);
  addName(person.familyNameKana);
  addName(person.givenNameKana);
  addJoined(person.familyNameKana, person.givenNameKana);
  words.delete('');
  romaji.delete('');
  return { words, romaji };
}

export function hrMemberEntry(member: HrIndexable): HrMemberEntry {
  const keys = sortKeys({ ...member, visibility: READINGS_VISIBLE });
  const { words, romaji } = hrNameWords(member);
  const add = (text: string | null) => {
    for (const word of searchWords(text)) words.add(word);
  };
  add(member.email);
  add(member.departmentNameEn);
  add(member.departmentNameJa);
  add(member.departmentOther);
  add(member.roleAtLeaving);
  add(member.currentCompany);
  add(member.currentRole);
  add(member.location);
  add(member.profileUrl);
  words.delete('');
  romaji.delete('');
  return {
    alumniId: member.id,
    sortJa: keys.ja,
    sortEn: keys.en,
    search: [...words].join(' '),
    romaji: [...romaji].join(' '),
    tokens: indexTextWithRomaji([...words], [...romaji]),
    departmentId: member.departmentId,
    leftYear: member.left ? Number(member.left.slice(0, 4)) : null,
    leftKey: member.left ?? '',
    interestMask: interestMask(member.interests),
    contactable: member.contactConsent,
    listed: member.listed,
    signedUpAt: member.signedUpAt,
    status: member.status,
    returnIntent: member.returnIntent ?? '',
    returnFrom: member.returnIntent === 'open-from' ? (member.returnFrom ?? '') : '',
  };
}

/**
 * Return intent as HR segments it, relative to the current month: open now (or from a month that
 * has come), within the next 6 months, later than that, not now, or not said.
 */
export const INTENT_WINDOWS = ['open-now', 'within-6-months', 'later', 'not-now', 'not-said'] as const;
export type IntentWindow = (typeof INTENT_WINDOWS)[number];

/** The current month in UTC ('YYYY-MM'), which intent windows are relative to. */
export function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/**
 * The windows the directory filters by ("open to returning"): the open ones. Alumni and
 * employees find who would consider coming back, and when; `not-now` and `not-said` are HR's.
 */
export const DIRECTORY_INTENT_WINDOWS = ['open-now', 'within-6-months', 'later'] as const satisfies readonly IntentWindow[];
export type DirectoryIntentWindow = (typeof DIRECTORY_INTENT_WINDOWS)[number];

/** 'YYYY-MM' `months` after `month`. */
export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + months, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The window of a stated intent in `month` (the overview counts with it; the segments' SQL conditions follow it). */
export function intentWindow(intent: string | null, from: string | null, month: string): IntentWindow {
  if (intent === 'open-now') return 'open-now';
  if (intent === 'not-now') return 'not-now';
  if (intent === 'open-from' && from) {
    if (from <= month) return 'open-now';
    return from <= addMonths(month, 6) ? 'within-6-months' : 'later';
  }
  return 'not-said';
}

/** Members of the HR index with the same values of everything the overview counts. */
export interface HrCountGroup {
  status: MemberStatus;
  listed: boolean;
  contactable: boolean;
  /** As the index holds them: '' when not said / not 'open-from'. */
  returnIntent: string;
  returnFrom: string;
  count: number;
}

/** The SQL of the groups (both backends): one pass over the covering index hr_member_index_counts. */
export const HR_COUNT_GROUPS_SQL = `SELECT status, listed, contactable, return_intent, return_from, COUNT(*) AS count
  FROM hr_member_index GROUP BY status, listed, contactable, return_intent, return_from`;

/** The overview's member counts and intent windows in `month`, from the groups. */
export function overviewCounts(groups: readonly HrCountGroup[], month: string) {
  const members = { total: 0, active: 0, pending: 0, awaitingApproval: 0, declined: 0, listed: 0, contactable: 0 };
  const returnIntent = Object.fromEntries(INTENT_WINDOWS.map((window) => [window, 0])) as Record<IntentWindow, number>;
  const byStatus = { active: 'active', pending: 'pending', 'awaiting-approval': 'awaitingApproval', declined: 'declined' } as const;
  for (const group of groups) {
    members.total += group.count;
    members[byStatus[group.status]] += group.count;
    if (group.listed) members.listed += group.count;
    if (group.contactable) members.contactable += group.count;
    returnIntent[intentWindow(group.returnIntent || null, group.returnFrom || null, month)] += group.count;
  }
  return { members, returnIntent };
}

/**
 * What one query word looks for: `text` in the words, and, for a Latin word, `romaji` in the
 * romaji. Cut to the directory's word length so both searches compare the same prefix.
 */
export function hrWordNeedles(word: string): { text: string; romaji: string | null } {
  const text = Array.from(word).slice(0, MAX_QUERY_WORD_LENGTH).join('');
  const romaji = isLatinWord(text) ? canonicalRomaji(text) || null : null;
  return { text, romaji };
}

// ---------------------------------------------------------------------------------------------
// Segments

export const HR_SORTS = ['name', 'signedUp', 'left'] as const;
export type HrSort = (typeof HR_SORTS)[number];

/** Each sort's index column (per name order) and direction; descending sorts show the most recent first. */
export const HR_SORT_COLUMNS: Record<HrSort, { ja: string; en: string; descending: boolean }> = {
  name: { ja: 'sort_ja', en: 'sort_en', descending: false },
  signedUp: { ja: 'signed_up', en: 'signed_up', descending: true },
  left: { ja: 'left_key', en: 'left_key', descending: true },
};

/** A segment of members: every condition given must hold (values inside one list: any of them). */
export interface HrSegment {
  /** Normalized query words (queryWords()). */
  words: readonly string[];
  departments: readonly string[];
  interests: readonly InterestId[];
  leftFrom: number | null;
  leftTo: number | null;
  contactable: boolean | null;
  listed: boolean | null;
  /** Any of these; empty: both. */
  statuses: readonly MemberStatus[];
  /** Any of these windows; empty: any intent. */
  intents: readonly IntentWindow[];
  /** The current month ('YYYY-MM'), which the intent windows are relative to. */
  month: string;
}

export interface HrPosition {
  /** The sort column's value of the last row (sort key, signup time or leaving month). */
  key: string;
  id: string;
}

export interface HrMemberQuery extends HrSegment {
  sort: HrSort;
  /** For `sort=name`: which language's name order. */
  order: 'ja' | 'en';
  after: HrPosition | null;
  limit: number;
}

/** A member as HR lists them: the stored profile and what HR knows besides. */
export interface HrMemberRow extends AlumnusProfile, HrMembership {}

export interface HrMemberPage {
  items: HrMemberRow[];
  next: HrPosition | null;
}

// ---------------------------------------------------------------------------------------------
// Detail

/** The level the member chose for each field ('hidden' when unset or unreadable, as everywhere). */
export function visibilityLevels(visibility: StoredVisibility): Record<VisibilityField, VisibilityLevel> {
  return Object.fromEntries(
    VISIBILITY_FIELDS.map((field) => {
      const level = visibility[field];
      return [field, level === 'alumni' || level === 'hr' ? level : 'hidden'];
    }),
  ) as Record<VisibilityField, VisibilityLevel>;
}

/**
 * The SQL of "in any of these intent windows" (intentWindow() is the model); `?` placeholders.
 * Over `return_intent` and `return_from` of the table aliased `alias` (the HR index `h`, the
 * directory's entries `e`: both hold '' for nothing said).
 */
export function intentConditions(windows: readonly IntentWindow[], month: string, alias = 'h'): { sql: string; params: string[] } {
  const horizon = addMonths(month, 6);
  const parts: { sql: string; params: string[] }[] = windows.map((window) => {
    switch (window) {
      case 'open-now':
        return { sql: `${alias}.return_intent = 'open-now' OR (${alias}.return_intent = 'open-from' AND ${alias}.return_from <= ?)`, params: [month] };
      case 'within-6-months':
        return { sql: `(${alias}.return_intent = 'open-from' AND ${alias}.return_from > ? AND ${alias}.return_from <= ?)`, params: [month, horizon] };
      case 'later':
        return { sql: `(${alias}.return_intent = 'open-from' AND ${alias}.return_from > ?)`, params: [horizon] };
      case 'not-now':
        return { sql: `${alias}.return_intent = 'not-now'`, params: [] };
      case 'not-said':
        return { sql: `${alias}.return_intent = '' OR (${alias}.return_intent = 'open-from' AND ${alias}.return_from = '')`, params: [] };
    }
  });
  return { sql: parts.map((part) => part.sql).join(' OR '), params: parts.flatMap((part) => part.params) };
}
