import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-hr-announcements>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const hrAnnouncementsEn = {
  'hrAnnouncements.heading': 'Welcome announcements',
  'hrAnnouncements.loading': 'Loading the announcements…',
  'hrAnnouncements.noReturners': 'There is no returner to announce yet. Register a returner first.',
  'hrAnnouncements.compose': 'Compose a welcome-back announcement',
  'hrAnnouncements.intro': 'The returner sees it first and approves it (they may edit it); colleagues see it once it is approved.',
  'hrAnnouncements.returner': 'Returner',
  'hrAnnouncements.choose': 'Choose a returner',
  'hrAnnouncements.returnerOption': '{name} (back {date})',
  'hrAnnouncements.messageHint': 'The personal welcome, up to {max} characters. Line breaks are kept.',
  'hrAnnouncements.whileAwayHint': 'What they did while away (companies, experiences), up to {max} characters, as the returner would write it.',
  'hrAnnouncements.tooLong': 'Please shorten this to at most {max} characters (it has {count}).',
  'hrAnnouncements.preview': 'Preview',
  'hrAnnouncements.previewHint': 'Exactly as colleagues will see it once the returner approves it.',
  'hrAnnouncements.previewEmpty': 'Choose a returner to see the preview.',
  'hrAnnouncements.send': 'Send to the returner for approval',
  'hrAnnouncements.sent': 'Sent to {name} for approval.',
  'hrAnnouncements.list': 'Announcements',
  'hrAnnouncements.listEmpty': 'No announcement yet.',
  'hrAnnouncements.count': { one: '{count} announcement', other: '{count} announcements' },
  'hrAnnouncements.countMore': { one: '{count} announcement loaded, more available', other: '{count} announcements loaded, more available' },
  'hrAnnouncements.loadMore': 'Load more announcements',
  'hrAnnouncements.pageError': 'More announcements couldn’t be loaded.',
  'hrAnnouncements.column.returner': 'Returner',
  'hrAnnouncements.column.status': 'Status',
  'hrAnnouncements.column.date': 'Date',
  'hrAnnouncements.status.draft': 'Draft, not sent',
  'hrAnnouncements.status.awaiting-approval': 'Awaiting approval',
  'hrAnnouncements.status.published': 'Published',
  'hrAnnouncements.createdOn': 'Sent {date}',
  'hrAnnouncements.publishedOn': 'Published {date}',
  'hrAnnouncements.editedNow': 'Being written',
  'hrAnnouncements.open': 'Show the announcement of {name}',
  'hrAnnouncements.continue': 'Continue writing for {name}',
  'hrAnnouncements.close': 'Back to the list',
  'hrAnnouncements.openHeading': 'Announcement of {name}',
} satisfies Catalog;

export type HrAnnouncementsMessages = Record<keyof typeof hrAnnouncementsEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends HrAnnouncementsMessages {}
}
