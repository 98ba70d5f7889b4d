import { DEFAULT_VISIBILITY } from '../domain/visibility.js';
import type { InterestId } from '../domain/interests.js';
import { stableId } from '../ids.js';
import type { AlumnusRecord } from '../data/alumni.js';
import { DEMO_PERSONAS, IT_PERSONA } from './personas.js';

export interface EmployeeSeed {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  email: string;
  role: 'employee' | 'hr';
  /** One of the catalog's departments, or null for a corporate function outside it (IT). */
  departmentId: string | null;
  title: string;
}

/** HR's second pair of eyes: approves the announcements the program owner drafts. */
export const ANNOUNCEMENT_APPROVER_ID = stableId('em', 'employee:hr-talent');

/** Current staff: the alumni-program team and the managers who take returners back. */
export const EMPLOYEES: readonly EmployeeSeed[] = [
  {
    id: DEMO_PERSONAS.hr,
    familyName: '山口',
    givenName: '恵',
    familyNameKana: 'やまぐち',
    givenNameKana: 'めぐみ',
    email: 'megumi.yamaguchi@corp.example.com',
    role: 'hr',
    departmentId: 'hr',
    title: 'アルムナイ・リレーション担当',
  },
  {
    id: ANNOUNCEMENT_APPROVER_ID,
    familyName: 'Mitchell',
    givenName: 'Sarah',
    familyNameKana: null,
    givenNameKana: null,
    email: 'sarah.mitchell@corp.example.com',
    role: 'hr',
    departmentId: 'hr',
    title: 'Talent Acquisition Lead',
  },
  {
    id: DEMO_PERSONAS.employee,
    familyName: '中村',
    givenName: '健一',
    familyNameKana: 'なかむら',
    givenNameKana: 'けんいち',
    email: 'kenichi.nakamura@corp.example.com',
    role: 'employee',
    departmentId: 'engineering',
    title: 'エンジニアリングマネージャー',
  },
  {
    id: stableId('em', 'employee:product-director'),
    familyName: 'Carter',
    givenName: 'Emily',
    familyNameKana: null,
    givenNameKana: null,
    email: 'emily.carter@corp.example.com',
    role: 'employee',
    departmentId: 'product',
    title: 'Director of Product',
  },
  {
    id: stableId('em', 'employee:cs-head'),
    familyName: '藤田',
    givenName: '彩',
    familyNameKana: 'ふじた',
    givenNameKana: 'あや',
    email: 'aya.fujita@corp.example.com',
    role: 'employee',
    departmentId: 'customer-success',
    title: 'カスタマーサクセス部長',
  },
  {
    id: stableId('em', 'employee:marketing-head'),
    familyName: '小林',
    givenName: '直樹',
    familyNameKana: 'こばやし',
    givenNameKana: 'なおき',
    email: 'naoki.kobayashi@corp.example.com',
    role: 'employee',
    departmentId: 'marketing',
    title: 'マーケティング部長',
  },
];

/**
 * The IT department's demo persona. Kept out of EMPLOYEES, whose length the seed's random draws
 * depend on (the colleagues who react to announcements), so adding them changed no other data.
 */
export const IT_EMPLOYEE: EmployeeSeed = {
  id: IT_PERSONA,
  familyName: '小川',
  givenName: '大輔',
  familyNameKana: 'おがわ',
  givenNameKana: 'だいすけ',
  email: 'daisuke.ogawa@corp.example.com',
  role: 'employee',
  departmentId: null,
  title: '情報システム部 ヘルプデスク',
};

export type FeaturedAlumnus = Pick<
  AlumnusRecord,
  | 'id'
  | 'familyName'
  | 'givenName'
  | 'familyNameKana'
  | 'givenNameKana'
  | 'email'
  | 'departmentId'
  | 'roleAtLeaving'
  | 'joined'
  | 'left'
  | 'currentCompany'
  | 'currentRole'
  | 'location'
> & { interests: InterestId[] };

/** Completes a hand-written alumnus with the choices most people make at signup. */
export function featuredAlumnusRecord(
  alumnus: FeaturedAlumnus,
  signup: { createdAt: string; privacyPolicyVersion: string },
): AlumnusRecord {
  return {
    ...alumnus,
    departmentOther: null,
    profileUrl: null,
    photoUrl: null,
    listed: true,
    visibility: DEFAULT_VISIBILITY,
    contactConsent: true,
    createdAt: signup.createdAt,
    consentId: stableId('cn', `consent:${alumnus.id}`),
    privacyPolicyVersion: signup.privacyPolicyVersion,
  };
}

/** The alumni demo persona: in the network, not coming back (for now), happy to refer people. */
export const ALUMNI_PERSONA: FeaturedAlumnus = {
  id: DEMO_PERSONAS.alumni,
  familyName: '伊藤',
  givenName: '健太',
  familyNameKana: 'いとう',
  givenNameKana: 'けんた',
  email: 'kenta.ito@example.jp',
  departmentId: 'sales',
  roleAtLeaving: '営業マネージャー',
  joined: '2011-04',
  left: '2019-12',
  currentCompany: '港未来商事株式会社',
  currentRole: '営業部長',
  location: '横浜',
  interests: ['referral', 'networking', 'events'],
};
