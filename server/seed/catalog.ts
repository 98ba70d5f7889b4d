/** The vocabulary the demo data is drawn from, in the language each alumnus writes in. */

export interface DepartmentSeed {
  id: string;
  name: { en: string; ja: string };
  rolesAtLeaving: { en: readonly string[]; ja: readonly string[] };
}

export const DEPARTMENTS: readonly DepartmentSeed[] = [
  {
    id: 'sales',
    name: { en: 'Sales', ja: '営業' },
    rolesAtLeaving: {
      en: ['Account Executive', 'Sales Manager', 'Inside Sales Representative'],
      ja: ['法人営業', '営業マネージャー', 'インサイドセールス'],
    },
  },
  {
    id: 'engineering',
    name: { en: 'Engineering', ja: 'エンジニアリング' },
    rolesAtLeaving: {
      en: ['Software Engineer', 'Senior Software Engineer', 'Site Reliability Engineer'],
      ja: ['ソフトウェアエンジニア', 'シニアエンジニア', 'SRE'],
    },
  },
  {
    id: 'product',
    name: { en: 'Product', ja: 'プロダクト' },
    rolesAtLeaving: {
      en: ['Product Manager', 'Associate Product Manager'],
      ja: ['プロダクトマネージャー', 'アソシエイトプロダクトマネージャー'],
    },
  },
  {
    id: 'design',
    name: { en: 'Design', ja: 'デザイン' },
    rolesAtLeaving: {
      en: ['UX Designer', 'Visual Designer', 'UX Researcher'],
      ja: ['UXデザイナー', 'ビジュアルデザイナー', 'UXリサーチャー'],
    },
  },
  {
    id: 'marketing',
    name: { en: 'Marketing', ja: 'マーケティング' },
    rolesAtLeaving: {
      en: ['Marketing Specialist', 'Brand Manager', 'Content Marketer'],
      ja: ['マーケティング担当', 'ブランドマネージャー', 'コンテンツマーケター'],
    },
  },
  {
    id: 'hr',
    name: { en: 'Human Resources', ja: '人事' },
    rolesAtLeaving: {
      en: ['Recruiter', 'HR Business Partner', 'Learning and Development Lead'],
      ja: ['採用担当', '人事ビジネスパートナー', '人材開発担当'],
    },
  },
  {
    id: 'finance',
    name: { en: 'Finance', ja: '経理・財務' },
    rolesAtLeaving: {
      en: ['Accountant', 'Financial Analyst', 'Controller'],
      ja: ['経理担当', '財務アナリスト', '経理課長'],
    },
  },
  {
    id: 'legal',
    name: { en: 'Legal', ja: '法務' },
    rolesAtLeaving: {
      en: ['Legal Counsel', 'Compliance Officer'],
      ja: ['法務担当', 'コンプライアンス担当'],
    },
  },
  {
    id: 'customer-success',
    name: { en: 'Customer Success', ja: 'カスタマーサクセス' },
    rolesAtLeaving: {
      en: ['Customer Success Manager', 'Support Engineer', 'Onboarding Specialist'],
      ja: ['カスタマーサクセスマネージャー', 'サポートエンジニア', '導入支援担当'],
    },
  },
  {
    id: 'research',
    name: { en: 'Research and Development', ja: '研究開発' },
    rolesAtLeaving: {
      en: ['Research Scientist', 'Research Engineer'],
      ja: ['研究員', '研究開発エンジニア'],
    },
  },
];

/** For the few who worked somewhere the department list does not name. */
export const OTHER_DEPARTMENTS = {
  en: ['Corporate Planning', 'Internal Audit', 'Facilities'],
  ja: ['経営企画', '内部監査', '総務'],
} as const;

/** Fictional companies; any resemblance to real ones is accidental. */
export const COMPANIES = {
  ja: [
    '株式会社青葉ソリューションズ',
    '北斗データ株式会社',
    '株式会社はなみずきデザイン',
    '港未来商事株式会社',
    '株式会社ひかりヘルスケア',
    '瀬戸内フィンテック株式会社',
    '株式会社つばさモビリティ',
    '東雲コンサルティング株式会社',
    '株式会社木漏れ日ラボ',
    '富嶽エナジー株式会社',
    '株式会社みなと教育',
    'フリーランス',
  ],
  en: [
    'Bluepeak Software',
    'Harborline Logistics',
    'Lumen & Co. Consulting',
    'Crescent Health',
    'Tidewater Capital',
    'Kestrel Robotics',
    'Brightfield Learning',
    'Maple Grove Foods',
    'Orbital Commerce',
    'Northgate Analytics',
    'Self-employed',
  ],
} as const;

export const CURRENT_POSITIONS = {
  ja: [
    'プロダクトマネージャー',
    'エンジニアリングマネージャー',
    'ソフトウェアエンジニア',
    '営業部長',
    'マーケティングマネージャー',
    'データサイエンティスト',
    'UXデザイナー',
    '人事ビジネスパートナー',
    '経理マネージャー',
    '法務担当',
    'カスタマーサクセスマネージャー',
    '研究員',
    '代表取締役（創業者）',
    'コンサルタント',
    '大学院生',
  ],
  en: [
    'Product Manager',
    'Engineering Manager',
    'Senior Software Engineer',
    'Head of Sales',
    'Marketing Lead',
    'Data Scientist',
    'UX Designer',
    'HR Business Partner',
    'Finance Manager',
    'Legal Counsel',
    'Customer Success Manager',
    'Research Scientist',
    'Founder',
    'Consultant',
    'Graduate student',
  ],
} as const;

export const LOCATIONS = {
  // Listed three times to weight the draw: most alumni of a Tokyo company stay in Tokyo.
  ja: ['東京', '東京', '東京', '大阪', '福岡', '名古屋', '札幌', '京都', '横浜', '仙台', 'シンガポール', 'ロンドン'],
  en: [
    'Singapore', 'London', 'San Francisco', 'New York', 'Sydney', 'Berlin', 'Toronto', 'Bangalore',
    'Tokyo', 'Osaka',
  ],
} as const;

/** Domains reserved for examples, so no demo address belongs to a real person. */
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'example.jp'] as const;
