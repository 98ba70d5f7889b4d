import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/config/config.js';
import '../components/hr-console/hr-console.js';
import type { HrSection } from '../components/hr-console/hr-console.component.js';
import { hrMember, hrMemberDetail, hrMemberPage, hrOverview } from '../test/fixtures/hr.js';
import { meta as seededMeta } from '../test/fixtures/index.js';
import { mockFetch, problem, reply, type MockHandler } from './mock-fetch.js';

/** A paging, filtering server over `total` generated members (the shapes of the reference server). */
function membersServer(total: number, delay = 200): MockHandler {
  return async (request) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    return new Response(JSON.stringify(hrMemberPage(total, new URL(request.url))), { headers: { 'Content-Type': 'application/json' } });
  };
}

const memberRecord: MockHandler = (request) => {
  const index = Number(new URL(request.url).pathname.split('_').pop());
  return new Response(JSON.stringify(hrMemberDetail(Number.isFinite(index) ? index : 0)), { headers: { 'Content-Type': 'application/json' } });
};

const decided =
  (status: string): MockHandler =>
  (request) => {
    const index = Number(new URL(request.url).pathname.split('/').at(-2)!.split('_').pop());
    const detail = hrMemberDetail(index);
    return new Response(JSON.stringify({ ...detail, member: { ...detail.member, status } }), { headers: { 'Content-Type': 'application/json' } });
  };

const leaverAnswer = {
  rows: 3,
  approved: [{ row: 2, memberId: 'al_00004', name: '伊藤 美咲' }],
  review: [
    { row: 3, memberId: null, reason: 'no_match' },
    { row: 4, memberId: 'al_00009', reason: 'ambiguous', detail: '2 signups' },
  ],
};

interface Args {
  section: HrSection;
  token: string;
  overview: MockHandler;
  members: MockHandler;
}

const meta: Meta<Args> = {
  title: 'Widgets/HR console',
  component: 'okaeri-hr-console',
  argTypes: {
    section: { control: 'select', options: ['overview', 'members', 'approvals', 'returners', 'announcements', 'template'] },
    token: { table: { disable: true } },
    overview: { table: { disable: true } },
    members: { table: { disable: true } },
  },
  args: { section: 'overview', token: 'story-hr-token', overview: reply(hrOverview()), members: membersServer(1284) },
  render: ({ section, token, overview, members }) =>
    html`<okaeri-config
      base-url=""
      token=${ifDefined(token || undefined)}
      .fetch=${mockFetch({
        'GET /api/v1/meta': reply(seededMeta),
        'GET /api/v1/hr/overview': overview,
        'GET /api/v1/hr/members/export.csv': (request) =>
          new Response(`\uFEFF"氏名","メール"\r\n"佐藤 美咲","member1@example.net"\r\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'X-Query': new URL(request.url).search } }),
        'POST /api/v1/hr/members/*/approve': decided('active'),
        'POST /api/v1/hr/members/*/decline': decided('declined'),
        'POST /api/v1/hr/leavers': reply(leaverAnswer, { delay: 400 }),
        'GET /api/v1/hr/members': members,
        'GET /api/v1/returners': reply({ items: [], nextCursor: null }),
        'GET /api/v1/announcements': reply({ items: [], nextCursor: null }),
        'GET /api/v1/hr/checklist-template': reply({ items: [] }),
        'GET /api/v1/hr/members/*': memberRecord,
      })}
    >
      <okaeri-hr-console
        section=${section}
        @okaeri-hr-export=${(event: Event) => console.info('okaeri-hr-export', (event as CustomEvent).detail)}
        @okaeri-hr-member-approve=${(event: Event) => console.info('okaeri-hr-member-approve', (event as CustomEvent).detail)}
        @okaeri-hr-member-decline=${(event: Event) => console.info('okaeri-hr-member-decline', (event as CustomEvent).detail)}
        @okaeri-auth-required=${(event: Event) => console.info('okaeri-auth-required', (event as CustomEvent).detail)}
      ></okaeri-hr-console>
    </okaeri-config>`,
};
export default meta;

type Story = StoryObj<Args>;

const awaiting = [hrMember(4), hrMember(9), hrMember(14), hrMember(19)];
const queueAndSegments: MockHandler = (request) => {
  const url = new URL(request.url);
  const body = url.searchParams.get('status') === 'awaiting-approval' ? { items: awaiting, nextCursor: null } : hrMemberPage(1284, url);
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};

/** Every number links to its segment in Members. */
export const Overview: Story = {};
export const OverviewEnglish: Story = { globals: { lang: 'en' } };
export const OverviewDark: Story = { globals: { theme: 'dark' } };
export const OverviewEnglishDark: Story = { globals: { lang: 'en', theme: 'dark' } };
/** 1,284 members, 50 a page: scroll the grid or move with the keyboard; the DOM keeps only the visible rows. */
export const Members: Story = { args: { section: 'members' } };
export const MembersEnglishDark: Story = { args: { section: 'members' }, globals: { lang: 'en', theme: 'dark' } };
/** Opens a member's record, as Enter on a row does. */
export const MemberDetail: Story = {
  args: { section: 'members' },
  play: async ({ canvasElement }) => {
    const console_ = canvasElement.querySelector('okaeri-hr-console')!;
    for (let attempt = 0; attempt < 50 && !console_.shadowRoot!.querySelector('[data-index="1"] .cell'); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    console_.shadowRoot!.querySelector<HTMLElement>('[data-index="1"] .cell')?.click();
  },
};
export const MembersEmpty: Story = { args: { section: 'members', members: reply({ items: [], nextCursor: null }) } };
export const MembersEmptyEnglish: Story = { args: { section: 'members', members: reply({ items: [], nextCursor: null }) }, globals: { lang: 'en' } };
/** The approval queue (approve, or decline with a reason) and the leaver list import. */
export const Approvals: Story = { args: { section: 'approvals', members: queueAndSegments } };
export const ApprovalsEnglishDark: Story = { args: { section: 'approvals', members: queueAndSegments }, globals: { lang: 'en', theme: 'dark' } };
export const ApprovalsNobodyWaiting: Story = {
  args: { section: 'approvals', overview: reply(hrOverview({ awaiting: 0 })), members: reply({ items: [], nextCursor: null }) },
  globals: { lang: 'en' },
};
/** Approval off and nobody waiting: no Approvals tab. */
export const ApprovalOff: Story = { args: { overview: reply(hrOverview({ awaiting: 0, approval: false })) } };
export const Loading: Story = { args: { overview: 'pending' } };
export const LoadError: Story = { args: { overview: problem(500, undefined, 'Server error') } };
export const LoadErrorEnglish: Story = { args: { overview: problem(500, undefined, 'Server error') }, globals: { lang: 'en' } };
export const Offline: Story = { args: { overview: 'offline' }, globals: { lang: 'en', theme: 'dark' } };
export const AuthRequired: Story = { args: { token: '' } };
export const AuthRequiredEnglish: Story = { args: { token: '' }, globals: { lang: 'en' } };
/** Signed in, but not as HR: the server answers 403. */
export const Forbidden: Story = { args: { overview: problem(403, undefined, 'Forbidden') } };
export const ForbiddenEnglishDark: Story = { args: { overview: problem(403, undefined, 'Forbidden') }, globals: { lang: 'en', theme: 'dark' } };
