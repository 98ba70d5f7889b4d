import type { Catalog } from '../../src/i18n/messages.js';

/**
 * <okaeri-hr-console>'s English strings for the Approvals tab (the queue and the leaver list): they arrive with that tab's code
 * (the console adds them to its catalog when the tab first opens). The reference for the Japanese
 * catalog (same keys, same placeholders).
 */
export const hrApprovalsEn = {
  'hrConsole.approvals.empty': 'No signup is waiting for approval.',
  'hrConsole.approvals.signedUp': 'Signed up {date}',
  'hrConsole.approvals.approve': 'Approve {name}',
  'hrConsole.approvals.decline': 'Decline {name}',
  'hrConsole.approvals.reason': 'Reason (optional, recorded, not sent to the person)',
  'hrConsole.approvals.confirmDecline': 'Decline',
  'hrConsole.approvals.loadMore': 'Load more signups',
  'hrConsole.leavers.legend': 'Import a leaver list',
  'hrConsole.leavers.hint': 'Signups that match a leaver by personal email or employee number are approved at once, now and when they verify later; the rest are listed for review. A name alone never approves anyone.',
  'hrConsole.leavers.format': 'CSV with the header row name,email,employeeNumber,department,leftOn (leftOn as YYYY-MM).',
  'hrConsole.leavers.file': 'CSV file',
  'hrConsole.leavers.paste': 'Or paste the list',
  'hrConsole.leavers.submit': 'Import',
  'hrConsole.leavers.summary': { one: '{count} row read: {approved} approved, {review} to review.', other: '{count} rows read: {approved} approved, {review} to review.' },
  'hrConsole.leavers.approved': 'Approved',
  'hrConsole.leavers.review': 'To review',
  'hrConsole.leavers.row': 'Row',
  'hrConsole.leavers.member': 'Member',
  'hrConsole.leavers.reason': 'Why',
  'hrConsole.leavers.rowNumber': 'Row {row}',
  'hrConsole.leavers.noMember': 'No signup',
  'hrConsole.leavers.reason.no_match': 'No signup matches',
  'hrConsole.leavers.reason.ambiguous': 'More than one signup matches',
  'hrConsole.leavers.reason.not_awaiting_approval': 'Matches a member who is not awaiting approval',
  'hrConsole.leavers.reason.invalid_row': 'The row is incomplete or invalid',
} satisfies Catalog;

export type HrApprovalsMessages = Record<keyof typeof hrApprovalsEn, Catalog[string]>;

// Makes these keys known to every msg() call, so a typo in a widget is a type error.
declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends HrApprovalsMessages {}
}
