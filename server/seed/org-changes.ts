import { stableId } from '../ids.js';

/** Dated changes a returner may have missed; later turned into "what changed" checklist items. */
export const ORG_CHANGES = [
  {
    effectiveDate: '2019-10-01',
    area: 'policies',
    title: { en: 'Hybrid work became the default', ja: 'ハイブリッド勤務が標準に' },
    description: {
      en: 'Two office days a week per team; the rest is up to each person.',
      ja: 'チームごとに週2日出社、それ以外は各自で選べます。',
    },
  },
  {
    effectiveDate: '2020-04-01',
    area: 'systems',
    title: { en: 'Team chat replaced internal mailing lists', ja: '社内メーリングリストからチャットへ移行' },
    description: {
      en: 'Announcements and team discussions moved to chat channels.',
      ja: '全社連絡やチームの議論はチャットのチャンネルで行います。',
    },
  },
  {
    effectiveDate: '2021-07-01',
    area: 'organization',
    title: { en: 'Product and Engineering merged into one division', ja: 'プロダクトとエンジニアリングが一つの本部に統合' },
    description: null,
  },
  {
    effectiveDate: '2022-01-01',
    area: 'systems',
    title: { en: 'New expense system with receipt photos', ja: '新経費精算システム（領収書は写真で提出）' },
    description: {
      en: 'Paper receipts are no longer collected.',
      ja: '紙の領収書の提出は不要になりました。',
    },
  },
  {
    effectiveDate: '2023-04-01',
    area: 'work',
    title: { en: 'Quarterly OKRs replaced annual targets', ja: '年間目標から四半期OKRへ' },
    description: null,
  },
  {
    effectiveDate: '2024-10-01',
    area: 'policies',
    title: { en: 'Flexible hours without core time', ja: 'コアタイムなしのフレックスタイム制' },
    description: null,
  },
  {
    effectiveDate: '2025-04-01',
    area: 'organization',
    title: { en: 'Customer Success became its own department', ja: 'カスタマーサクセスが独立した部門に' },
    description: null,
  },
].map((change) => ({ id: stableId('oc', `org-change:${change.effectiveDate}`), ...change }));
