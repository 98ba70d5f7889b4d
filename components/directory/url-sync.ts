import type { InterestId } from '../../src/api/types.js';
import { INTENT_WINDOWS, type IntentWindow, parseYear, type DirectoryFilters } from './directory-query.js';

// Prefixed so the widget never collides with the host page's own parameters.
const prefix = 'okaeri-';
const names = ['q', 'department', 'interest', 'location', 'left-from', 'left-to', 'intent'] as const;

/** The filters kept in the page URL (`?okaeri-q=…&okaeri-interest=…`), or undefined when none are. */
export function readFiltersFromUrl(search = location.search): Partial<DirectoryFilters> | undefined {
  const params = new URLSearchParams(search);
  if (!names.some((name) => params.has(prefix + name))) return undefined;
  return {
    q: params.get(`${prefix}q`) ?? '',
    department: params.get(`${prefix}department`) ?? '',
    interests: params.getAll(`${prefix}interest`).filter(Boolean) as InterestId[],
    location: params.get(`${prefix}location`) ?? '',
    leftFrom: parseYear(params.get(`${prefix}left-from`)),
    leftTo: parseYear(params.get(`${prefix}left-to`)),
    // A value this widget does not know (a stale or edited link) is left out, not sent.
    intents: params.getAll(`${prefix}intent`).filter((value): value is IntentWindow => (INTENT_WINDOWS as readonly string[]).includes(value)),
  };
}

/** Replaces (never pushes) the page URL's Okaeri parameters; the host's own parameters and hash stay. */
export function writeFiltersToUrl(f: DirectoryFilters): void {
  const url = new URL(location.href);
  for (const name of names) url.searchParams.delete(prefix + name);
  const set = (name: (typeof names)[number], value: string | number | undefined) => {
    if (value !== undefined && String(value).trim()) url.searchParams.append(prefix + name, String(value).trim());
  };
  set('q', f.q);
  set('department', f.department);
  for (const interest of f.interests) set('interest', interest);
  set('location', f.location);
  set('left-from', f.leftFrom);
  set('left-to', f.leftTo);
  for (const intent of f.intents) set('intent', intent);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}
