import type { DirectoryQuery, InterestId } from '../../src/api/types.js';

/** "Open to returning" windows (the HR console's intent windows the directory filters by). */
export type IntentWindow = NonNullable<DirectoryQuery['intent']>[number];
export const INTENT_WINDOWS: readonly IntentWindow[] = ['open-now', 'within-6-months', 'later'];

/** What the viewer searches for: the query and the filters, as applied (after the debounce). */
export interface DirectoryFilters {
  q: string;
  /** A department id from meta; empty for any. */
  department: string;
  interests: InterestId[];
  location: string;
  leftFrom?: number;
  leftTo?: number;
  /** Open to returning in any of these windows (where the member made the intent visible); empty for anyone. */
  intents: IntentWindow[];
}

export const emptyFilters: DirectoryFilters = { q: '', department: '', interests: [], location: '', intents: [] };

export function hasFilters(f: DirectoryFilters): boolean {
  return Boolean(
    f.department || f.interests.length || f.location.trim() || f.leftFrom !== undefined || f.leftTo !== undefined || f.intents.length,
  );
}

export function isBlank(f: DirectoryFilters): boolean {
  return !f.q.trim() && !hasFilters(f);
}

/** A year between the server's bounds, or undefined. */
export function parseYear(value: string | null | undefined): number | undefined {
  const year = Number(value);
  return value && Number.isInteger(year) && year >= 1900 && year <= 2999 ? year : undefined;
}

/** How many filters are set (a year range counts once): the number on the filters button. */
export function activeFilterCount(f: DirectoryFilters): number {
  return [f.department, f.interests.length, f.location.trim(), f.leftFrom !== undefined || f.leftTo !== undefined, f.intents.length].filter(Boolean)
    .length;
}

/** The filters with a reversed year range (from 2020 to 2010) put in order. */
export function orderedYears(f: DirectoryFilters): DirectoryFilters {
  const { leftFrom, leftTo } = f;
  return leftFrom !== undefined && leftTo !== undefined && leftFrom > leftTo ? { ...f, leftFrom: leftTo, leftTo: leftFrom } : f;
}

/**
 * The request's query: empty values left out, a reversed year range put in order, and the list
 * ordered for the reader's language (`ja`: あいう順; `en`: Latin order, readings romanized).
 */
export function toQuery(f: DirectoryFilters, limit: number, lang: 'en' | 'ja', cursor?: string): DirectoryQuery {
  const { leftFrom, leftTo } = orderedYears(f);
  const query: DirectoryQuery = { limit, lang };
  if (f.q.trim()) query.q = f.q.trim();
  if (f.department) query.department = [f.department];
  if (f.interests.length) query.interest = [...f.interests];
  if (f.location.trim()) query.location = f.location.trim();
  if (leftFrom !== undefined) query.leftFrom = leftFrom;
  if (leftTo !== undefined) query.leftTo = leftTo;
  // In the one order the windows have, whatever order they were ticked in: one request, one cached page.
  if (f.intents.length) query.intent = INTENT_WINDOWS.filter((window) => f.intents.includes(window));
  if (cursor) query.cursor = cursor;
  return query;
}
