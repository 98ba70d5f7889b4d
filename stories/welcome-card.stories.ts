import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/config/config.js';
import '../components/welcome-card/welcome-card.js';
import type { Announcement } from '../src/api/types.js';
import { mockFetch, problem, reply, type MockHandler } from './mock-fetch.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function announcement(id: string, returner: Partial<Announcement['returner']>, overrides: Partial<Announcement> = {}): Announcement {
  return {
    id,
    kind: 'welcome-back',
    status: 'published',
    createdAt: '2025-03-20T00:00:00.000Z',
    publishedAt: '2025-03-31T00:00:00.000Z',
    message: null,
    whileAway: null,
    askMeAbout: [],
    reactions: { count: 4, mine: false },
    viewer: { isReturner: false, canApprove: false, canReact: true },
    ...overrides,
    returner: {
      id: `rt_${id}`,
      familyName: '佐藤',
      givenName: '美咲',
      photoUrl: null,
      newRole: null,
      newTeam: null,
      returnDate: day(-21),
      previousTenure: { joined: '2014-04', left: '2019-03', department: null },
      ...returner,
    },
  };
}

const misaki = announcement(
  'an_misaki',
  {
    newRole: 'シニアプロダクトマネージャー',
    newTeam: '決済プロダクトチーム',
    previousTenure: { joined: '2014-04', left: '2019-03', department: { en: 'Product', ja: 'プロダクト' } },
  },
  {
    message:
      '佐藤 美咲さんがプロダクト部門に戻ってきました！2019年まで請求書機能のPMとして活躍した美咲さんが、決済プロダクトチームのシニアPMとして再び仲間に加わります。おかえりなさい！',
    whileAway: '株式会社青葉ソリューションズで中小企業向け会計SaaSのプロダクト責任者を務め、ゼロから有料ユーザー1万社まで育てました。',
    askMeAbout: ['SaaSの価格設計', 'ユーザーインタビュー', '子育てと仕事の両立'],
    reactions: { count: 12, mine: false },
  },
);

const daniel = announcement(
  'an_daniel',
  {
    familyName: 'Brooks',
    givenName: 'Daniel',
    newRole: 'Head of Customer Success, APAC',
    newTeam: 'Customer Success APAC',
    returnDate: day(-60),
    previousTenure: { joined: '2013-06', left: '2017-11', department: { en: 'Customer Success', ja: 'カスタマーサクセス' } },
  },
  {
    message: 'Please welcome back Daniel Brooks! Daniel looked after our first enterprise customers until 2017 and now leads Customer Success for APAC from Singapore.',
    whileAway: 'Built the support organization at Crescent Health across five countries, from three people to forty.',
    askMeAbout: ['Scaling support teams', 'Working across time zones', 'Singapore food'],
    reactions: { count: 7, mine: true },
  },
);

const aya = announcement(
  'an_aya',
  {
    familyName: '高橋',
    givenName: '彩',
    newRole: 'ブランド戦略リード',
    newTeam: 'ブランドマーケティング',
    returnDate: day(-180),
    previousTenure: { joined: '2010-04', left: '2020-06', department: { en: 'Marketing', ja: 'マーケティング' } },
  },
  {
    message: '高橋 彩さんがマーケティング部に戻ってきました。',
    whileAway: '社会人大学院でMBAを取得した後、北斗データ株式会社でBtoBマーケティングを統括しました。',
    askMeAbout: ['MBAと仕事の両立', 'BtoBマーケティング'],
  },
);

const shotaDraft = (viewer: Announcement['viewer']) =>
  announcement(
    'an_shota',
    {
      familyName: '田中',
      givenName: '翔太',
      newRole: 'エンジニアリングマネージャー',
      newTeam: 'プラットフォームチーム',
      returnDate: day(10),
      previousTenure: { joined: '2012-04', left: '2018-09', department: { en: 'Engineering', ja: 'エンジニアリング' } },
    },
    {
      status: 'draft',
      publishedAt: null,
      message: '田中 翔太さんがまもなく、プラットフォームチームのエンジニアリングマネージャーとして戻ってきます。',
      whileAway: '福岡でスタートアップを共同創業し、CTOとして10人の開発チームを立ち上げました。',
      askMeAbout: ['スタートアップの立ち上げ', '採用', 'Kubernetes'],
      reactions: { count: 0, mine: false, reactors: [] },
      viewer,
    },
  );

/** A server that keeps reactions and approvals for the story's lifetime. */
function server(items: Announcement[], overrides: Record<string, MockHandler> = {}): typeof fetch {
  const store = new Map(items.map((item) => [item.id, structuredClone(item)]));
  const routes: Record<string, MockHandler> = {
    'GET /api/v1/announcements': reply({ items: [...store.values()], nextCursor: null }, { delay: 300 }),
  };
  for (const item of store.values()) {
    routes[`GET /api/v1/announcements/${item.id}`] = reply(item, { delay: 300 });
    const react = (mine: boolean) => () => {
      const { reactions } = item;
      if (reactions.mine !== mine) item.reactions = { ...reactions, mine, count: reactions.count + (mine ? 1 : -1) };
      return new Response(JSON.stringify({ count: item.reactions.count, mine }), { headers: { 'Content-Type': 'application/json' } });
    };
    routes[`PUT /api/v1/announcements/${item.id}/reactions/me`] = react(true);
    routes[`DELETE /api/v1/announcements/${item.id}/reactions/me`] = react(false);
    routes[`POST /api/v1/announcements/${item.id}/approve`] = async (request) => {
      const edits = (await request.json()) as Partial<Announcement>;
      delete (edits as { reason?: string }).reason;
      Object.assign(item, edits, { status: 'published', publishedAt: new Date().toISOString(), viewer: { ...item.viewer, canApprove: false } });
      return new Response(JSON.stringify(item), { headers: { 'Content-Type': 'application/json' } });
    };
  }
  return mockFetch({ ...routes, ...overrides });
}

interface Args {
  layout: 'list' | 'carousel';
  limit: number;
  interval: number;
  compact: boolean;
  announcementId?: string;
  items: Announcement[];
  routes?: Record<string, MockHandler>;
  width?: string;
  empty?: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/Welcome card',
  component: 'okaeri-welcome-card',
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'carousel'] },
    limit: { control: { type: 'number', min: 1, max: 50 } },
    interval: { control: { type: 'number', min: 1000, step: 1000 } },
    compact: { control: 'boolean' },
    items: { table: { disable: true } },
    routes: { table: { disable: true } },
  },
  args: { layout: 'list', limit: 3, interval: 8000, compact: false, items: [misaki, daniel, aya] },
  render: ({ layout, limit, interval, compact, announcementId, items, routes, width, empty }) =>
    html`<div style="max-inline-size:${width ?? '44rem'}">
      <!-- A signed-in viewer: the widgets send nothing without credentials. -->
      <okaeri-config base-url="" token="story-viewer" .fetch=${server(items, routes)}>
        <okaeri-welcome-card
          layout=${layout}
          limit=${limit}
          interval=${interval}
          ?compact=${compact}
          announcement-id=${ifDefined(announcementId)}
          @okaeri-welcome-react=${(event: Event) => console.info('okaeri-welcome-react', (event as CustomEvent).detail)}
          @okaeri-welcome-open=${(event: Event) => console.info('okaeri-welcome-open', (event as CustomEvent).detail)}
        >
          ${empty ? html`<p slot="empty">最近復帰したメンバーはいません。</p>` : ''}
        </okaeri-welcome-card>
      </okaeri-config>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const List: Story = {};
export const English: Story = { globals: { lang: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Single: Story = { args: { announcementId: 'an_daniel' }, globals: { lang: 'en' } };
export const Carousel: Story = { args: { layout: 'carousel', interval: 5000 } };
export const CarouselEnglishDark: Story = { args: { layout: 'carousel' }, globals: { lang: 'en', theme: 'dark' } };
export const CompactSidebar: Story = { args: { compact: true, width: '280px' } };
export const CompactCarousel: Story = { args: { compact: true, layout: 'carousel', width: '280px' }, globals: { lang: 'en' } };
export const Loading: Story = { args: { routes: { 'GET /api/v1/announcements': 'pending' } } };
export const EmptyRendersNothing: Story = { args: { items: [] } };
export const EmptyWithSlot: Story = { args: { items: [], empty: true } };
export const LoadError: Story = { args: { routes: { 'GET /api/v1/announcements': problem(500, undefined, 'Server error') } } };
export const Offline: Story = { args: { routes: { 'GET /api/v1/announcements': 'offline' } }, globals: { lang: 'en' } };
export const ReactionFails: Story = {
  args: { items: [misaki], routes: { [`PUT /api/v1/announcements/${misaki.id}/reactions/me`]: problem(503, undefined, 'Unavailable') } },
};
export const ReturnerApprovesDraft: Story = {
  args: { items: [shotaDraft({ isReturner: true, canApprove: true, canReact: false })] },
};
export const ReturnerApprovesDraftEnglish: Story = {
  args: { items: [shotaDraft({ isReturner: true, canApprove: true, canReact: false })] },
  globals: { lang: 'en', theme: 'dark' },
};
export const HrApprovesOnBehalf: Story = {
  args: { items: [shotaDraft({ isReturner: false, canApprove: true, canReact: false })] },
  globals: { lang: 'en' },
};
export const ReturnerSeesWhoReacted: Story = {
  args: {
    items: [
      {
        ...misaki,
        viewer: { isReturner: true, canApprove: false, canReact: false },
        reactions: {
          count: 3,
          mine: false,
          reactors: [
            { familyName: '中村', givenName: '健一' },
            { familyName: '山口', givenName: '恵' },
            { familyName: 'Clark', givenName: 'Emily' },
          ],
        },
      },
    ],
  },
};
