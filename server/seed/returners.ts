import { stableId } from '../ids.js';
import { EMPLOYEES, type FeaturedAlumnus } from './people.js';

export interface ReturnerStory {
  id: string;
  language: 'ja' | 'en';
  alumnus: FeaturedAlumnus;
  /** Days from the day of seeding: negative is already back. */
  returnInDays: number;
  managerId: string;
  newRole: string;
  newTeam: string;
  announcement: {
    id: string;
    status: 'draft' | 'published';
    message: string;
    whileAway: string;
    askMeAbout: string[];
    approvalReason: string | null;
  };
}

const manager = (title: string) => {
  const employee = EMPLOYEES.find((candidate) => candidate.title === title);
  if (!employee) throw new Error(`No seeded employee has the title ${title}`);
  return employee.id;
};

/**
 * Boomerang hires at every stage: back a few weeks, arriving soon (announcement still a draft),
 * back two months, back half a year.
 */
export const RETURNERS: readonly ReturnerStory[] = [
  {
    id: stableId('rt', 'returner:misaki-sato'),
    language: 'ja',
    alumnus: {
      id: stableId('al', 'returner:misaki-sato'),
      familyName: '佐藤',
      givenName: '美咲',
      familyNameKana: 'さとう',
      givenNameKana: 'みさき',
      email: 'misaki.sato@example.jp',
      departmentId: 'product',
      roleAtLeaving: 'プロダクトマネージャー',
      joined: '2014-04',
      left: '2019-03',
      currentCompany: '株式会社青葉ソリューションズ',
      currentRole: 'プロダクト責任者',
      location: '東京',
      interests: ['rehire', 'networking'],
    },
    returnInDays: -21,
    managerId: manager('Director of Product'),
    newRole: 'シニアプロダクトマネージャー',
    newTeam: '決済プロダクトチーム',
    announcement: {
      id: stableId('an', 'returner:misaki-sato'),
      status: 'published',
      message:
        '佐藤 美咲さんがプロダクト部門に戻ってきました！2019年まで請求書機能のPMとして活躍した美咲さんが、決済プロダクトチームのシニアPMとして再び仲間に加わります。おかえりなさい！',
      whileAway:
        '株式会社青葉ソリューションズで中小企業向け会計SaaSのプロダクト責任者を務め、ゼロから有料ユーザー1万社まで育てました。',
      askMeAbout: ['SaaSの価格設計', 'ユーザーインタビュー', '子育てと仕事の両立'],
      approvalReason: '本人に内容を確認済み',
    },
  },
  {
    id: stableId('rt', 'returner:shota-tanaka'),
    language: 'ja',
    alumnus: {
      id: stableId('al', 'returner:shota-tanaka'),
      familyName: '田中',
      givenName: '翔太',
      familyNameKana: 'たなか',
      givenNameKana: 'しょうた',
      email: 'shota.tanaka@example.com',
      departmentId: 'engineering',
      roleAtLeaving: 'ソフトウェアエンジニア',
      joined: '2012-04',
      left: '2018-09',
      currentCompany: '株式会社木漏れ日ラボ',
      currentRole: '共同創業者・CTO',
      location: '福岡',
      interests: ['rehire', 'mentoring'],
    },
    returnInDays: 10,
    managerId: manager('エンジニアリングマネージャー'),
    newRole: 'エンジニアリングマネージャー',
    newTeam: 'プラットフォームチーム',
    announcement: {
      id: stableId('an', 'returner:shota-tanaka'),
      status: 'draft',
      message:
        '田中 翔太さんがまもなく、プラットフォームチームのエンジニアリングマネージャーとして戻ってきます。',
      whileAway:
        '福岡でスタートアップを共同創業し、CTOとして10人の開発チームを立ち上げました。',
      askMeAbout: ['スタートアップの立ち上げ', '採用', 'Kubernetes'],
      approvalReason: null,
    },
  },
  {
    id: stableId('rt', 'returner:daniel-brooks'),
    language: 'en',
    alumnus: {
      id: stableId('al', 'returner:daniel-brooks'),
      familyName: 'Brooks',
      givenName: 'Daniel',
      familyNameKana: null,
      givenNameKana: null,
      email: 'daniel.brooks@example.com',
      departmentId: 'customer-success',
      roleAtLeaving: 'Customer Success Manager',
      joined: '2013-06',
      left: '2017-11',
      currentCompany: 'Crescent Health',
      currentRole: 'Head of Support, APAC',
      location: 'Singapore',
      interests: ['rehire', 'referral', 'events'],
    },
    returnInDays: -60,
    managerId: manager('カスタマーサクセス部長'),
    newRole: 'Head of Customer Success, APAC',
    newTeam: 'Customer Success APAC',
    announcement: {
      id: stableId('an', 'returner:daniel-brooks'),
      status: 'published',
      message:
        'Please welcome back Daniel Brooks! Daniel looked after our first enterprise customers until 2017 and now leads Customer Success for APAC from Singapore.',
      whileAway:
        'Built the support organization at Crescent Health across five countries, from three people to forty.',
      askMeAbout: ['Scaling support teams', 'Working across time zones', 'Singapore food'],
      approvalReason: 'Confirmed with Daniel',
    },
  },
  {
    id: stableId('rt', 'returner:aya-takahashi'),
    language: 'ja',
    alumnus: {
      id: stableId('al', 'returner:aya-takahashi'),
      familyName: '高橋',
      givenName: '彩',
      familyNameKana: 'たかはし',
      givenNameKana: 'あや',
      email: 'aya.takahashi@example.net',
      departmentId: 'marketing',
      roleAtLeaving: 'ブランドマネージャー',
      joined: '2010-04',
      left: '2020-06',
      currentCompany: '北斗データ株式会社',
      currentRole: 'マーケティングマネージャー',
      location: '大阪',
      interests: ['rehire', 'mentoring'],
    },
    returnInDays: -180,
    managerId: manager('マーケティング部長'),
    newRole: 'ブランド戦略リード',
    newTeam: 'ブランドマーケティング',
    announcement: {
      id: stableId('an', 'returner:aya-takahashi'),
      status: 'published',
      message:
        '高橋 彩さんがマーケティング部に戻ってきました。ブランド戦略リードとして、10年間培ったブランドづくりの経験を再び発揮してくれます。',
      whileAway:
        '社会人大学院でMBAを取得した後、北斗データ株式会社でBtoBマーケティングを統括しました。',
      askMeAbout: ['MBAと仕事の両立', 'BtoBマーケティング', '大阪のおすすめランチ'],
      approvalReason: '本人に内容を確認済み',
    },
  },
];
