import type { Catalog } from '../../src/i18n/messages.js';

/** <okaeri-hr-console>'s English strings: the reference for its Japanese catalog (same keys, same placeholders). */
export const hrConsoleEn = {
  'hrConsole.label': 'Alumni program administration',
  'hrConsole.signedOut': 'Please sign in to administer the alumni program.',
  'hrConsole.forbidden': 'Only HR can administer the alumni program.',
  'hrConsole.tab.overview': 'Overview',
  'hrConsole.tab.members': 'Members',
  'hrConsole.tab.approvals': 'Approvals',
  'hrConsole.tab.returners': 'Returners',
  'hrConsole.tab.announcements': 'Announcements',
  'hrConsole.tab.template': 'Checklist template',
  'hrConsole.awaitingBadge': { one: '{count} waiting', other: '{count} waiting' },

  'hrConsole.overview.members': 'Members',
  'hrConsole.overview.total': 'All members',
  'hrConsole.overview.active': 'Active',
  'hrConsole.overview.pending': 'Pending verification',
  'hrConsole.overview.awaitingApproval': 'Awaiting approval',
  'hrConsole.overview.declined': 'Declined',
  'hrConsole.overview.listed': 'Listed in the directory',
  'hrConsole.overview.contactable': 'Agreed to be contacted',
  'hrConsole.overview.intent': 'Return intent (where members shared it)',
  'hrConsole.overview.signups': 'New members per month',
  'hrConsole.overview.signupsCaption': 'New members in each of the last 12 months',
  'hrConsole.overview.month': 'Month',
  'hrConsole.overview.newMembers': 'New members',
  'hrConsole.overview.returners': 'Returners in progress',
  'hrConsole.overview.noReturners': 'No one is returning at the moment.',
  'hrConsole.overview.returnerProgress': '{done} of {total} checklist items done',
  'hrConsole.overview.returnDate': 'Back on {date}',
  'hrConsole.overview.announcements': 'Welcome announcements',
  'hrConsole.overview.announcementsAwaiting': 'Waiting for their returner’s approval',
  'hrConsole.overview.showSegment': 'Show these members',
  'hrConsole.overview.openSection': 'Open',

  'hrConsole.intent.open-now': 'Open to returning now',
  'hrConsole.intent.within-6-months': 'Within 6 months',
  'hrConsole.intent.later': 'Later',
  'hrConsole.intent.not-now': 'Not now',
  'hrConsole.intent.not-said': 'Not said',

  'hrConsole.members.clear': 'Clear search and filters',
  'hrConsole.members.count': { one: '{count} member', other: '{count} members' },
  'hrConsole.members.countMore': { one: '{count} member loaded, more available', other: '{count} members loaded, more available' },
  'hrConsole.members.keys': 'Arrow keys move through the table; Enter opens a member.',
  'hrConsole.members.loadMore': 'Load more members',
  'hrConsole.members.searching': 'Searching…',
  'hrConsole.members.pageError': 'More members couldn’t be loaded.',
  'hrConsole.members.empty': 'No member matches this segment.',
  'hrConsole.members.emptyAll': 'No one has joined the program yet.',

  'hrConsole.detail.label': 'Member details',
  'hrConsole.detail.loading': 'Loading the member…',
  'hrConsole.detail.approve': 'Approve',
  'hrConsole.detail.decline': 'Decline',

  'hrConsole.export.done': 'The CSV file is ready.',

  'hrConsole.approvals.queue': 'Signups awaiting approval',
  'hrConsole.approvals.queueHint': 'These people verified their address; they are listed only once you approve them.',
  'hrConsole.approvals.off': 'Approval is off: verified signups join at once.',
  'hrConsole.approvals.approved': '{name} was approved.',
  'hrConsole.approvals.declined': '{name} was declined.',
  'hrConsole.approvals.failed': 'This didn’t go through: {reason}',
  'hrConsole.approvals.notAwaiting': 'This person is no longer awaiting approval (someone else decided, or they have not verified their address).',

  'hrConsole.leavers.missing': 'Choose a file or paste the list.',
  'hrConsole.leavers.tooLarge': 'The file is too large. Split it into smaller files.',
  'hrConsole.leavers.invalid': 'The list couldn’t be read. Check the header row and the format.',

  'hrConsole.sectionLoading': 'Loading this section…',
} satisfies Catalog;

export type HrConsoleMessages = Record<keyof typeof hrConsoleEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends HrConsoleMessages {}
}
