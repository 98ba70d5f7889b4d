import type { HrExportQuery, HrMemberQuery, HrMemberStatus, InterestId } from '../../src/api/types.js';

export type HrSort = NonNullable<HrMemberQuery['sort']>;
export type IntentWindow = NonNullable<HrMemberQuery['intent']>[number];
export type TriState = '' | 'true' | 'false';

export const MEMBER_STATUSES: readonly HrMemberStatus[] = ['active', 'pending', 'awaiting-approval', 'declined'];
export const INTENT_WINDOWS: readonly IntentWindow[] = ['open-now', 'within-6-months', 'later', 'not-now', 'not-said'];
export const SORTS: readonly HrSort[] = ['name', 'signedUp', 'left'];

/**
 * A segment of members: what the filters say, in the console's own state (never the page URL, so
 * two consoles on a page, or a host's router, are unaffected). Empty means "every member".
 */
export interface HrSegment {
  q: string;
  departments: string[];
  interests: InterestId[];
  leftFrom?: number;
  leftTo?: number;
  intents: IntentWindow[];
  statuses: HrMemberStatus[];
  contactable: TriState;
  listed: TriState;
}

export const emptySegment: HrSegment = { q: '', departments: [], interests: [], intents: [], statuses: [], contactable: '', listed: '' };

/** How many filters (search aside) narrow the segment, for the filters button. */
export function filterCount(segment: HrSegment): number {
  const lists = [segment.departments, segment.interests, segment.intents, segment.statuses].filter((list) => list.length).length;
  const singles = [segment.leftFrom, segment.leftTo].filter((year) => year !== undefined).length;
  return lists + singles + (segment.contactable ? 1 : 0) + (segment.listed ? 1 : 0);
}

export function isEverybody(segment: HrSegment): boolean {
  return !segment.q.trim() && filterCount(segment) === 0;
}

/** An inverted year range is put in order where HR sees it, not only in the request (the server refuses it). */
export function orderedYears(segment: HrSegment): HrSegment {
  const { leftFrom, leftTo } = segment;
  return leftFrom !== undefined && leftTo !== undefined && leftFrom > leftTo ? { ...segment, leftFrom: leftTo, leftTo: leftFrom } : segment;
}

/** The filters as the server's query parameters (shared by the list and the export). */
function segmentQuery(segment: HrSegment) {
  const q = segment.q.trim();
  return {
    q: q || undefined,
    department: segment.departments.length ? segment.departments : undefined,
    interest: segment.interests.length ? segment.interests : undefined,
    leftFrom: segment.leftFrom,
    leftTo: segment.leftTo,
    intent: segment.intents.length ? segment.intents : undefined,
    status: segment.statuses.length ? segment.statuses : undefined,
    contactable: segment.contactable || undefined,
    listed: segment.listed || undefined,
  };
}

export function toMemberQuery(segment: HrSegment, options: { sort: HrSort; lang: 'ja' | 'en'; limit: number; cursor?: string }): HrMemberQuery {
  return { ...segmentQuery(segment), sort: options.sort, lang: options.lang, limit: options.limit, cursor: options.cursor };
}

export function toExportQuery(segment: HrSegment, purpose: HrExportQuery['purpose'], lang: 'ja' | 'en'): HrExportQuery {
  return { ...segmentQuery(segment), purpose, lang };
}

/** A typed year, or undefined for anything that is not one. */
export function parseYear(value: string): number | undefined {
  const year = Number(value.trim());
  return Number.isInteger(year) && year >= 1900 && year <= 2999 ? year : undefined;
}
