import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/config/config.js';
import '../components/directory/directory.js';
import type { InterestId, Member, Meta as ProgramMeta } from '../src/api/types.js';
import { meta as seededMeta } from '../test/fixtures/index.js';
import { mockFetch, problem, reply, type MockHandler } from './mock-fetch.js';

// The seeded server's answer, shared with the tests.
const programMeta: ProgramMeta = seededMeta;

const families = [['鈴木', 'すずき'], ['佐藤', 'さとう'], ['高橋', 'たかはし'], ['田中', 'たなか'], ['伊藤', 'いとう'], ['渡辺', 'わたなべ']] as const;
const givens = [['一郎', 'いちろう'], ['美咲', 'みさき'], ['健太', 'けんた'], ['彩', 'あや'], ['翔太', 'しょうた']] as const;
const latin = [['Clark', 'Emily'], ['Brooks', 'Daniel'], ['Nguyen', 'Linh'], ['Müller', 'Jonas']] as const;
const companies = ['株式会社青葉ソリューションズ', 'Crescent Health', '北斗データ株式会社', 'Mizuho Robotics', '合同会社みなと'];
const roles = ['プロダクトマネージャー', 'Head of Customer Success', 'エンジニアリングマネージャー', 'Sales Director', 'デザイナー'];
const interestIds: InterestId[] = ['rehire', 'referral', 'networking', 'mentoring', 'events'];

/** A deterministic member; every fifth hides most fields, as the server would for this viewer. */
function member(i: number): Member {
  const isLatin = i % 7 === 3;
  const [family, familyKana] = families[i % families.length]!;
  const [given, givenKana] = givens[(i >> 1) % givens.length]!;
  const [latinFamily, latinGiven] = latin[i % latin.length]!;
  const base: Member = isLatin
    ? { id: `al_${i}`, familyName: latinFamily, givenName: latinGiven, contactable: i % 3 !== 0 }
    : { id: `al_${i}`, familyName: family, givenName: given, familyNameKana: familyKana, givenNameKana: givenKana, contactable: i % 3 !== 0 };
  if (i % 5 === 4) return base;
  const joined = 2005 + (i % 10);
  return {
    ...base,
    ...intentOf(i),
    department: programMeta.departments[i % programMeta.departments.length]!.id,
    joined: `${joined}-04`,
    left: `${joined + 3 + (i % 6)}-03`,
    currentCompany: companies[i % companies.length],
    currentRole: roles[(i >> 2) % roles.length],
    location: i % 2 ? '東京都' : 'Singapore',
    interests: interestIds.filter((_, n) => (i >> n) % 2 === 1).slice(0, 3),
  };
}

/** 'YYYY-MM', `months` from this month. */
function monthFromNow(months: number): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  return date.toISOString().slice(0, 7);
}

/** Some members share a return intent with every viewer: open now, from a month soon, later, not now. */
function intentOf(i: number): Pick<Member, 'returnIntent'> {
  switch (i % 6) {
    case 0:
      return { returnIntent: { intent: 'open-now', contractWork: i % 4 === 0, referrals: true } };
    case 1:
      return { returnIntent: { intent: 'open-from', from: monthFromNow(3), contractWork: false, referrals: false } };
    case 2:
      return { returnIntent: { intent: 'open-from', from: monthFromNow(12), contractWork: true, referrals: false } };
    case 3:
      return { returnIntent: { intent: 'not-now', contractWork: false, referrals: true } };
    default:
      return {};
  }
}

/** The member's window this month, as the server's `intent` filter has it. */
function windowOf(intent: Member['returnIntent']): string | null {
  if (intent?.intent === 'open-now' || (intent?.intent === 'open-from' && intent.from! <= monthFromNow(0))) return 'open-now';
  if (intent?.intent === 'open-from') return intent.from! <= monthFromNow(6) ? 'within-6-months' : 'later';
  return null;
}

/**
 * A paging server over `total` generated members: honours `q` (substring of name, reading,
 * company or role), `department`, `interest`, `intent`, `cursor` and `limit`, like the reference server.
 */
function directoryServer(total: number, delay = 250): MockHandler {
  return async (request) => {
    const url = new URL(request.url);
    const q = url.searchParams.get('q')?.toLowerCase();
    const departments = url.searchParams.getAll('department');
    const interests = url.searchParams.getAll('interest');
    const intents = url.searchParams.getAll('intent');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 100);
    let start = Number(url.searchParams.get('cursor') ?? 0);
    const items: Member[] = [];
    let i = start;
    for (; i < total && items.length < limit; i++) {
      const m = member(i);
      const haystack = [m.familyName, m.givenName, m.familyNameKana, m.givenNameKana, m.currentCompany, m.currentRole].join(' ').toLowerCase();
      if (q && !haystack.includes(q)) continue;
      if (departments.length && !departments.includes(m.department ?? '')) continue;
      if (interests.length && !m.interests?.some((each) => interests.includes(each))) continue;
      if (intents.length && !intents.includes(windowOf(m.returnIntent) ?? '')) continue;
      items.push(m);
    }
    start = i;
    await new Promise((resolve) => setTimeout(resolve, delay));
    return new Response(JSON.stringify({ items, nextCursor: start < total ? String(start) : null }), { headers: { 'Content-Type': 'application/json' } });
  };
}

interface Args {
  layout: 'cards' | 'list';
  alumni: MockHandler;
  token: string;
  signInSlot?: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/Directory',
  component: 'okaeri-directory',
  argTypes: {
    layout: { control: 'inline-radio', options: ['cards', 'list'] },
    alumni: { table: { disable: true } },
    token: { table: { disable: true } },
  },
  args: { layout: 'cards', alumni: directoryServer(40), token: 'story-token' },
  render: ({ layout, alumni, token, signInSlot }) =>
    html`<div style="max-inline-size: 48rem">
      <okaeri-config base-url="" token=${token} .fetch=${mockFetch({ 'GET /api/v1/meta': reply(programMeta), 'GET /api/v1/alumni': alumni })}>
        <okaeri-directory
          layout=${layout}
          @okaeri-directory-select=${(event: Event) => console.info('okaeri-directory-select', (event as CustomEvent).detail)}
          @okaeri-directory-contact=${(event: Event) => console.info('okaeri-directory-contact', (event as CustomEvent).detail)}
          @okaeri-auth-required=${(event: Event) => console.info('okaeri-auth-required', (event as CustomEvent).detail)}
        >
          ${signInSlot ? html`<p slot="auth-required"><a href="#signin">社内アカウントでサインイン</a>すると名簿をご覧になれます。</p>` : ''}
        </okaeri-directory>
      </okaeri-config>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Cards: Story = {};
export const List: Story = { args: { layout: 'list' } };
export const English: Story = { globals: { lang: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const ListEnglishDark: Story = { args: { layout: 'list' }, globals: { lang: 'en', theme: 'dark' } };
/** 10,000 members, paged 30 at a time: scroll to the end; the DOM keeps only the visible cards. */
export const TenThousandMembers: Story = { args: { alumni: directoryServer(10_000, 150) } };
export const TenThousandMembersList: Story = { args: { alumni: directoryServer(10_000, 150), layout: 'list' }, globals: { lang: 'en' } };
export const Loading: Story = { args: { alumni: 'pending' } };
/** Types a query into the search box, as a person would. */
const typeQuery =
  (query: string): Story['play'] =>
  async ({ canvasElement }) => {
    const directory = canvasElement.querySelector('okaeri-directory')!;
    await directory.updateComplete;
    const input = directory.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
const nobody: MockHandler = (request) =>
  new Response(JSON.stringify({ items: new URL(request.url).searchParams.has('q') ? [] : [member(0), member(1)], nextCursor: null }), {
    headers: { 'Content-Type': 'application/json' },
  });

/** A search that matches no one: the empty state suggests what to change. */
export const Empty: Story = { args: { alumni: nobody }, play: typeQuery('やまだたろう') };
export const EmptyEnglish: Story = { args: { alumni: nobody }, play: typeQuery('Yamada Taro'), globals: { lang: 'en' } };
/** Nobody has opted into the directory yet. */
export const NobodyListed: Story = { args: { alumni: reply({ items: [], nextCursor: null }) } };
/** Searching as you type: try 鈴木, さとう or a company. */
export const Search: Story = { play: typeQuery('鈴木') };
/** "Open to returning" now or within 6 months: the intent filter, where members made it visible. */
export const OpenToReturning: Story = {
  play: async ({ canvasElement }) => {
    const directory = canvasElement.querySelector('okaeri-directory')!;
    await directory.updateComplete;
    for (const window of ['open-now', 'within-6-months']) {
      directory.shadowRoot!.querySelector<HTMLInputElement>(`#intent input[value=${window}]`)!.click();
      await directory.updateComplete;
    }
  },
};
export const OpenToReturningEnglishDark: Story = { ...OpenToReturning, globals: { lang: 'en', theme: 'dark' } };
export const LoadError: Story = { args: { alumni: problem(500, undefined, 'Server error') } };
export const Offline: Story = { args: { alumni: 'offline' }, globals: { lang: 'en' } };
export const AuthRequired: Story = { args: { token: '' } };
export const AuthRequiredExpired: Story = { args: { alumni: problem(401, undefined, 'Token expired') }, globals: { lang: 'en' } };
export const AuthRequiredSlot: Story = { args: { token: '', signInSlot: true } };
