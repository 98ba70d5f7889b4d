import type { Catalog } from '../../src/i18n/messages.js';

/**
 * The member card's strings (renderMemberCard), apart from the rest of the directory's so that the
 * signup form's live preview — the same card — brings only these along.
 */
export const memberCardEn = {
  'directory.interests': 'Interests',
  'directory.years': '{from}–{to}',
  'directory.year': '{year}',
  'directory.joinedIn': 'joined {year}',
  'directory.leftIn': 'left {year}',
  'directory.contact': 'Contact',
  'directory.contactName': 'Contact {name}',
  'directory.profile': 'Profile',
  'directory.intent.open-now': 'Open to returning',
  'directory.intent.open-from': 'Open to returning from {month}',
  'directory.intent.not-now': 'Not looking to return now',
  'directory.intent.contractWork': 'Open to contract or project work',
  'directory.intent.referrals': 'Open to referrals',
} satisfies Catalog;

export type MemberCardMessages = Record<keyof typeof memberCardEn, Catalog[string]>;

declare module '../../src/i18n/messages.js' {
  interface WidgetMessages extends MemberCardMessages {}
}
