import type { LocalizedText } from '../schemas/localized-text.js';

/**
 * Why people join an alumni network: to come back, to give back (referrals), to keep ties. The
 * signup form asks which; the directory filters on them. Ids are part of the contract.
 */
export const INTEREST_IDS = ['rehire', 'referral', 'networking', 'mentoring', 'events'] as const;

export type InterestId = (typeof INTEREST_IDS)[number];

export const INTEREST_LABELS: Record<InterestId, LocalizedText> = {
  rehire: { en: 'Coming back to work here', ja: '再入社（出戻り）' },
  referral: { en: 'Referring people and business', ja: '人材やビジネスの紹介' },
  networking: { en: 'Keeping in touch with former colleagues', ja: '元同僚とのつながり' },
  mentoring: { en: 'Mentoring', ja: 'メンタリング' },
  events: { en: 'Alumni events', ja: 'アルムナイイベント' },
};
