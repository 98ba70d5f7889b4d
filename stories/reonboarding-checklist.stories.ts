import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/config/config.js';
import '../components/reonboarding-checklist/reonboarding-checklist.js';
import type { Checklist, ChecklistItem, ChecklistOwner } from '../src/api/types.js';
import { mockFetch, problem, reply, type MockHandler } from './mock-fetch.js';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const returnDate = day(-3);
const hr = { id: 'em_hr', familyName: '山口', givenName: '恵', familyNameKana: 'やまぐち', givenNameKana: 'めぐみ' };
const shota = { id: 'al_shota', familyName: '田中', givenName: '翔太', familyNameKana: 'たなか', givenNameKana: 'しょうた' };
const manager = { id: 'em_mgr', familyName: '中村', givenName: '健一', familyNameKana: 'なかむら', givenNameKana: 'けんいち' };

type Row = [id: string, category: string, owner: ChecklistOwner, offset: number, required: boolean, title: string, done?: typeof hr, description?: string];

const rows: Row[] = [
  ['ci_1', 'what-changed', 'returner', 3, true, '退職後の変更点のまとめを読む', undefined, '業務・システム・制度・組織の変更点を人事がまとめています。詳しくは https://intranet.example.com/changes をご覧ください。'],
  ['ci_2', 'what-changed', 'manager', 5, true, '現在の組織図を一緒に確認する'],
  ['ci_3', 'what-changed', 'returner', 3, false, '【制度】コアタイムなしのフレックスタイム制'],
  ['ci_4', 'training', 'hr', 1, true, '中途入社者オリエンテーション', hr],
  ['ci_5', 'training', 'returner', 7, true, '情報セキュリティ研修'],
  ['ci_6', 'accounts', 'hr', -14, true, '雇用契約・給与・福利厚生の手続き', hr],
  ['ci_7', 'accounts', 'it', -5, true, 'アカウント発行（メール・チャット・SSO）', hr],
  ['ci_8', 'accounts', 'it', -3, true, 'PCと社員証の準備'],
  ['ci_9', 'people', 'manager', -7, true, '現在のチームからオンボーディングバディを決める', manager],
  ['ci_10', 'people', 'manager', 30, true, 'マネージャーとの30日面談'],
];

const items = (all = false): ChecklistItem[] =>
  rows.map(([id, categoryId, owner, offset, required, title, doneBy, description]) => {
    const done = all || Boolean(doneBy);
    return {
      id, categoryId, owner, required, title, description: description ?? null,
      dueOffsetDays: offset,
      dueDate: new Date(Date.parse(`${returnDate}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10),
      done,
      doneBy: done ? (doneBy ?? hr) : null,
      doneAt: done ? `${day(Math.min(offset - 3, -1))}T09:00:00.000Z` : null,
      version: done ? 2 : 1,
    };
  });

type Viewer = 'returner' | 'manager' | 'hr';

function checklist(viewer: Viewer, all = false): Checklist {
  const list = items(all);
  const mayToggle = (owner: ChecklistOwner) => viewer !== 'returner' || owner === 'returner';
  return {
    returner: { id: 'rt_shota', alumniId: shota.id, person: shota, returnDate, leftMonth: '2018-09', manager, newRole: 'エンジニアリングマネージャー', newTeam: 'プラットフォームチーム', createdAt: `${day(-45)}T00:00:00.000Z` },
    categories: [
      { id: 'what-changed', name: { en: 'What changed while you were away', ja: '離れている間に変わったこと' } },
      { id: 'training', name: { en: 'Training (the same as any mid-career hire)', ja: '研修（中途入社者と同じ）' } },
      { id: 'accounts', name: { en: 'Accounts and equipment', ja: 'アカウントと機器' } },
      { id: 'people', name: { en: 'People: introductions and welcome', ja: '人：紹介と歓迎' } },
    ],
    items: list,
    permissions: {
      canToggle: list.filter((item) => mayToggle(item.owner)).map((item) => item.id),
      canAdd: viewer === 'hr',
      viewerOwners: viewer === 'hr' ? ['hr', 'it'] : [viewer],
    },
  };
}

/** A small stateful server: toggles and additions stick for the life of the story. */
function liveRoutes(data: Checklist, patch?: MockHandler): Record<string, MockHandler> {
  const routes: Record<string, MockHandler> = {
    'GET /api/v1/returners/me/checklist': reply(data),
    'GET /api/v1/returners/rt_shota/checklist': reply(data),
    'POST /api/v1/returners/rt_shota/checklist/items': async (request) => {
      const body = await request.json();
      const created: ChecklistItem = {
        ...body, id: `ci_${Date.now()}`, description: body.description ?? null,
        dueDate: new Date(Date.parse(`${returnDate}T00:00:00Z`) + body.dueOffsetDays * DAY).toISOString().slice(0, 10),
        done: false, doneBy: null, doneAt: null, version: 1,
      };
      return new Response(JSON.stringify(created), { status: 201, headers: { 'Content-Type': 'application/json' } });
    },
  };
  for (const item of data.items) {
    routes[`PATCH /api/v1/returners/rt_shota/checklist/items/${item.id}`] =
      patch ??
      (async (request) => {
        const { done } = await request.json();
        await new Promise((resolve) => setTimeout(resolve, 400));
        Object.assign(item, { done, version: item.version + 1, doneBy: done ? hr : null, doneAt: done ? new Date().toISOString() : null });
        return new Response(JSON.stringify(item), { headers: { 'Content-Type': 'application/json', ETag: `"${item.version}"` } });
      });
  }
  return routes;
}

interface Args {
  viewer: Viewer;
  returnerId?: string;
  allDone?: boolean;
  routes?: Record<string, MockHandler>;
  patch?: MockHandler;
}

const meta: Meta<Args> = {
  title: 'Widgets/Re-onboarding checklist',
  component: 'okaeri-reonboarding-checklist',
  args: { viewer: 'returner' },
  argTypes: { viewer: { control: 'inline-radio', options: ['returner', 'manager', 'hr'] } },
  render: ({ viewer, returnerId, allDone, routes, patch }) => {
    const fetch = mockFetch(routes ?? liveRoutes(checklist(viewer, allDone), patch));
    // A signed-in viewer: the widgets send nothing without credentials.
    return html`<okaeri-config token="story-viewer" .fetch=${fetch}>
      <okaeri-reonboarding-checklist returner-id=${ifDefined(returnerId)}
        @okaeri-checklist-change=${(e: Event) => console.info('okaeri-checklist-change', (e as CustomEvent).detail)}
        @okaeri-checklist-complete=${(e: Event) => console.info('okaeri-checklist-complete', (e as CustomEvent).detail)}
      ></okaeri-reonboarding-checklist>
    </okaeri-config>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The returner's own view: only their items have toggles. */
export const Returner: Story = {};
export const ReturnerEnglish: Story = { globals: { lang: 'en' } };
export const ReturnerDark: Story = { globals: { theme: 'dark' } };
/** The manager may toggle every item. */
export const Manager: Story = { args: { viewer: 'manager', returnerId: 'rt_shota' } };
/** HR toggles everything (IT's items too) and adds items in place. */
export const HR: Story = { args: { viewer: 'hr', returnerId: 'rt_shota' }, globals: { lang: 'en' } };
export const HRDark: Story = { args: { viewer: 'hr', returnerId: 'rt_shota' }, globals: { theme: 'dark' } };
export const AllDone: Story = { args: { allDone: true } };
export const Loading: Story = { args: { routes: { 'GET /api/v1/returners/me/checklist': 'pending' } } };
export const LoadError: Story = { args: { routes: { 'GET /api/v1/returners/me/checklist': problem(500, undefined, 'Server error') } } };
// The server has no checklist for this returner (404): the widget says so with a retry.
export const NotFoundError: Story = { args: { routes: { 'GET /api/v1/returners/me/checklist': problem(404, undefined, 'Not found') } }, globals: { lang: 'en' } };
/** Every toggle fails: the item rolls back and says why. */
export const ToggleFails: Story = { args: { patch: problem(503, undefined, 'Unavailable') }, globals: { lang: 'en' } };
/** Someone else changed the item first: it shows their change and says so. */
export const ConcurrentChange: Story = {
  args: {
    patch: async (request) => {
      const id = new URL(request.url).pathname.split('/').pop()!;
      const current = { ...items().find((item) => item.id === id)!, done: true, version: 5, doneBy: manager, doneAt: new Date().toISOString() };
      return new Response(JSON.stringify({ type: 'https://okaeri.dev/problems/precondition-failed', title: 'Changed', status: 412, current }), {
        status: 412,
        headers: { 'Content-Type': 'application/problem+json' },
      });
    },
  },
};
