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
  'directory.intent.open-now': '復職に関心あり',
  'directory.intent.open-from': '{month}から復職に関心あり',
  'directory.intent.not-now': '今は復職を考えていない',
  'directory.intent.contractWork': '業務委託・プロジェクト単位の仕事に関心あり',
  'directory.intent.referrals': '紹介に協力できる',
};
