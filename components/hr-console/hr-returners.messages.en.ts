import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-hr-returners>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const hrReturnersEn = {
  'hrReturners.heading': 'Returners',
  'hrReturners.loading': 'Loading the returners…',
  'hrReturners.count': { one: '{count} returner', other: '{count} returners' },
  'hrReturners.countMore': { one: '{count} returner loaded, more available', other: '{count} returners loaded, more available' },
  'hrReturners.loadMore': 'Load more returners',
  'hrReturners.pageError': 'More returners couldn’t be loaded.',
  'hrReturners.empty': 'No returner is registered yet. Register one from a member of the alumni network.',
  'hrReturners.register': 'Register a returner',
  'hrReturners.column.name': 'Name',
  'hrReturners.column.returnDate': 'Return date',
  'hrReturners.column.role': 'New role and team',
  'hrReturners.column.manager': 'Manager',
  'hrReturners.column.progress': 'Checklist',
  'hrReturners.progress': { one: '{done} of {total} item done', other: '{done} of {total} items done' },
  'hrReturners.progressLabel': 'Checklist progress of {name}',
  'hrReturners.complete': 'Complete',
  'hrReturners.none': '—',
  'hrReturners.open': 'Open the checklist of {name}',
  'hrReturners.checklistHeading': 'Checklist of {name}',
  'hrReturners.closeChecklist': 'Back to the list',
  'hrReturners.form.heading': 'Register a returner',
  'hrReturners.form.intro': 'Their re-onboarding checklist is generated from the checklist template, plus one item for every change recorded since they left.',
  'hrReturners.form.search': 'Find the member',
  'hrReturners.form.searchHint': 'Name, reading, e-mail or former department.',
  'hrReturners.form.searchButton': 'Search',
  'hrReturners.form.searching': 'Searching…',
  'hrReturners.form.results': 'Member',
  'hrReturners.form.noResults': 'No member matches “{query}”.',
  'hrReturners.form.resultCount': { one: '{count} member found', other: '{count} members found' },
  'hrReturners.form.member': 'Member',
  'hrReturners.form.memberLeft': 'left {month}',
  'hrReturners.form.changeMember': 'Choose another member',
  'hrReturners.form.memberMissing': 'Choose the member who is coming back.',
  'hrReturners.form.returnDate': 'First day back',
  'hrReturners.form.manager': 'Find the manager',
  'hrReturners.form.managerHint': 'Optional. Name, reading or employee ID.',
  'hrReturners.form.managerSearchButton': 'Search employees',
  'hrReturners.form.managerResults': 'Manager',
  'hrReturners.form.managerNoResults': 'No employee matches “{query}”.',
  'hrReturners.form.managerResultCount': { one: '{count} employee found', other: '{count} employees found' },
  'hrReturners.form.managerChosen': 'Manager',
  'hrReturners.form.managerClear': 'No manager',
  'hrReturners.form.newRole': 'New role',
  'hrReturners.form.newTeam': 'New team',
  'hrReturners.form.language': 'Language of the checklist',
  'hrReturners.form.submit': 'Register and generate the checklist',
  'hrReturners.registered': '{name} is registered; the checklist was generated.',
} satisfies Catalog;

export type HrReturnersMessages = Record<keyof typeof hrReturnersEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends HrReturnersMessages {}
}
