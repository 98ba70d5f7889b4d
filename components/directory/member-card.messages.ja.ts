import type { MemberCardMessages } from './member-card.messages.en.js';

/** The member card's Japanese strings; exactly the English keys. */
export const memberCardJa: MemberCardMessages = {
  'directory.interests': '関心のあること',
  'directory.years': '{from}〜{to}年',
  'directory.year': '{year}年',
  'directory.joinedIn': '{year}年入社',
  'directory.leftIn': '{year}年退職',
  'directory.contact': '連絡する',
  'directory.contactName': '{name}に連絡する',
  'directory.profile': 'プロフィール',
};
