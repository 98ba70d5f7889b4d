type Owner = 'returner' | 'manager' | 'hr' | 'it';
type CategoryId = 'what-changed' | 'training' | 'accounts' | 'people';
type Bilingual = { en: string; ja: string };

export interface ChecklistTemplateItem {
  category: CategoryId;
  owner: Owner;
  /** Days relative to the return date: negative is before the first day back. */
  dueOffsetDays: number;
  required: boolean;
  title: Bilingual;
  description: Bilingual | null;
}

/**
 * Re-onboarding as practitioners advise: the returner is told what changed, takes the same
 * training as any mid-career hire, gets accounts ready before day one, and is introduced anew;
 * old titles and relationships do not carry over.
 */
export const CHECKLIST_TEMPLATE: readonly ChecklistTemplateItem[] = [
  {
    category: 'what-changed',
    owner: 'returner',
    dueOffsetDays: 3,
    required: true,
    title: { en: 'Read the summary of what changed since you left', ja: '退職後の変更点のまとめを読む' },
    description: {
      en: 'Changes to work, systems, policies and the organization, compiled by HR.',
      ja: '業務・システム・制度・組織の変更点を人事がまとめています。',
    },
  },
  {
    category: 'what-changed',
    owner: 'manager',
    dueOffsetDays: 5,
    required: true,
    title: { en: "Walk through today's org chart together", ja: '現在の組織図を一緒に確認する' },
    description: {
      en: "Former titles and reporting lines do not carry over; start from today's structure.",
      ja: '以前の役職やレポートラインは引き継がれません。現在の体制から確認します。',
    },
  },
  {
    category: 'training',
    owner: 'hr',
    dueOffsetDays: 1,
    required: true,
    title: { en: 'Mid-career hire orientation', ja: '中途入社者オリエンテーション' },
    description: {
      en: 'The same programme every mid-career hire attends, without shortcuts.',
      ja: '他の中途入社者と同じプログラムを省略せずに受けます。',
    },
  },
  {
    category: 'training',
    owner: 'returner',
    dueOffsetDays: 7,
    required: true,
    title: { en: 'Information security training', ja: '情報セキュリティ研修' },
    description: null,
  },
  {
    category: 'training',
    owner: 'returner',
    dueOffsetDays: 14,
    required: true,
    title: { en: 'Compliance and harassment-prevention training', ja: 'コンプライアンス・ハラスメント防止研修' },
    description: null,
  },
  {
    category: 'accounts',
    owner: 'hr',
    dueOffsetDays: -14,
    required: true,
    title: { en: 'Employment contract, payroll and benefits', ja: '雇用契約・給与・福利厚生の手続き' },
    description: null,
  },
  {
    category: 'accounts',
    owner: 'it',
    dueOffsetDays: -5,
    required: true,
    title: { en: 'Create accounts: e-mail, chat and single sign-on', ja: 'アカウント発行（メール・チャット・SSO）' },
    description: {
      en: 'New accounts: former ones were deleted when you left.',
      ja: '以前のアカウントは退職時に削除済みのため、新規に発行します。',
    },
  },
  {
    category: 'accounts',
    owner: 'it',
    dueOffsetDays: -3,
    required: true,
    title: { en: 'Prepare laptop and ID badge', ja: 'PCと社員証の準備' },
    description: null,
  },
  {
    category: 'people',
    owner: 'manager',
    dueOffsetDays: -7,
    required: true,
    title: { en: 'Choose an onboarding buddy from the current team', ja: '現在のチームからオンボーディングバディを決める' },
    description: {
      en: 'Preferably someone the returner has not worked with before.',
      ja: '以前一緒に働いたことのない人が望ましいです。',
    },
  },
  {
    category: 'people',
    owner: 'hr',
    dueOffsetDays: 0,
    required: false,
    title: { en: 'Publish the welcome-back announcement', ja: 'おかえり紹介を公開する' },
    description: null,
  },
  {
    category: 'people',
    owner: 'manager',
    dueOffsetDays: 5,
    required: false,
    title: { en: 'Team lunch', ja: 'チームランチ' },
    description: null,
  },
  {
    category: 'people',
    owner: 'manager',
    dueOffsetDays: 30,
    required: true,
    title: { en: '30-day check-in with your manager', ja: 'マネージャーとの30日面談' },
    description: null,
  },
];
