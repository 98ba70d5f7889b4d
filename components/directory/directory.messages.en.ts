import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-directory>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const directoryEn = {
  'directory.label': 'Alumni directory',
  'directory.search': 'Search',
  'directory.searchHint': 'Name (also in kana or latin letters), company, role or department',
  'directory.filters': 'Filters',
  'directory.filtersActive': { one: 'Filters ({count} active)', other: 'Filters ({count} active)' },
  'directory.department': 'Former department',
  'directory.anyDepartment': 'Any department',
  'directory.location': 'Location',
  'directory.leftFrom': 'Left in or after (year)',
  'directory.leftTo': 'Left in or before (year)',
  'directory.filter.intent': 'Open to returning',
  'directory.filter.intentHint': 'Members who said they would consider coming back, and made it visible to you',
  'directory.filter.intent.open-now': 'Now',
  'directory.filter.intent.within-6-months': 'Within 6 months',
  'directory.filter.intent.later': 'Later',
  'directory.clear': 'Clear search and filters',
  'directory.results': 'Results',
  'directory.count': { one: '{count} result', other: '{count} results' },
  'directory.countMore': { one: '{count} result loaded, more available', other: '{count} results loaded, more available' },
  'directory.loadMore': 'Load more results',
  'directory.searching': 'Searching…',
  'directory.empty': 'No one matches your search.',
  'directory.emptyHint': 'Try fewer or shorter words, another spelling (kana or latin letters), or remove a filter.',
  'directory.emptyAll': 'No one is listed in the directory yet.',
  'directory.authRequired': 'Please sign in to see the alumni directory.',
  'directory.pageError': 'More results couldn’t be loaded.',
} satisfies Catalog;

export type DirectoryMessages = Record<keyof typeof directoryEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends DirectoryMessages {}
}
