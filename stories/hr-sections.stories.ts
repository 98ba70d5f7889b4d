import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/hr-console/hr-sections.js';
import type { Announcement, AnnouncementCreate, ChecklistTemplate, ChecklistTemplateItem, EmployeeSummary, Returner, ReturnerCreate } from '../src/api/types.js';
import { meta as seededMeta } from '../test/fixtures/index.js';
import { announcementFor, checklistTemplate, member, memberDetail, overviewWith, returner, templateItem } from '../test/fixtures/hr-sections.js';
import { mockFetch, problem, reply, type MockHandler } from './mock-fetch.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const shota = returner('rt_shota', '田中', '翔太', { returnDate: day(10), leftMonth: '2018-09', newRole: 'エンジニアリングマネージャー', newTeam: 'プラットフォームチーム' });
const misaki = returner('rt_misaki', '佐藤', '美咲', { returnDate: day(-21), newRole: 'シニアプロダクトマネージャー', newTeam: '決済プロダクトチーム', manager: null });
const daniel = returner('rt_daniel', 'Brooks', 'Daniel', { returnDate: day(-60), leftMonth: '2017-11', newRole: 'Head of Customer Success, APAC', newTeam: 'Customer Success APAC' });
const returners = [shota, misaki, daniel];
const members = [member('al_rt_shota', '田中', '翔太'), member('al_rt_misaki', '佐藤', '美咲', { joined: '2014-04', left: '2019-03', department: 'product' }), member('al_rt_daniel', 'Brooks', 'Daniel', { joined: '2013-06', left: '2017-11', department: null, departmentOther: 'Customer Success' })];
const candidates = [member('al_hanako', '山田', '花子', { left: '2020-03' }), member('al_emily', 'Clark', 'Emily', { left: '2021-09', email: 'emily.clark@example.net' })];
const announcements = [
  announcementFor('an_shota', 'draft', shota, { message: '田中 翔太さんがまもなく戻ってきます。' }),
  announcementFor('an_misaki', 'published', misaki, { message: '佐藤 美咲さんがプロダクト部門に戻ってきました！', askMeAbout: ['SaaSの価格設計'] }),
];

function checklistOf(who: Returner) {
  return {
    returner: who,
    categories: [
      { id: 'training', name: { en: 'Training (the same as any mid-career hire)', ja: '研修（中途入社者と同じ）' } },
      { id: 'accounts', name: { en: 'Accounts and equipment', ja: 'アカウントと機器' } },
    ],
    items: checklistTemplate.slice(0, 2).map((item, index) => ({
      id: `ci_${who.id}_${index}`,
      categoryId: item.category,
      title: item.title.ja,
      description: item.description?.ja ?? null,
      owner: item.owner,
      dueOffsetDays: item.dueOffsetDays,
      dueDate: day(item.dueOffsetDays + 10),
      required: item.required,
      done: index === 0,
      doneBy: null,
      doneAt: null,
      version: 1,
    })),
    permissions: { canToggle: [], canAdd: true, viewerOwners: ['hr'] },
  };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** The template as the server keeps it: the items and a version for its ETag, checked against If-Match on save. */
function templateRoutes(stored: { items: ChecklistTemplateItem[]; version: number }): Record<string, MockHandler> {
  const etag = () => `"v${stored.version}"`;
  return {
    'GET /api/v1/hr/checklist-template': () => json({ items: stored.items }, 200, { ETag: etag() }),
    'PUT /api/v1/hr/checklist-template': async (request) => {
      const ifMatch = request.headers.get('If-Match');
      if (ifMatch !== '*' && ifMatch !== etag()) {
        return json({ type: 'about:blank', title: 'The resource changed since you read it', status: 412, current: { items: stored.items } }, 412, {
          'Content-Type': 'application/problem+json',
          ETag: etag(),
        });
      }
      stored.items = ((await request.json()) as ChecklistTemplate).items;
      stored.version++;
      return json({ items: stored.items }, 200, { ETag: etag() });
    },
  };
}

/** One page of `items` as a cursor-paged route answers it (`limit`, `cursor`: the offset as text). */
function paged<T>(request: Request, items: readonly T[]): Response {
  const query = new URL(request.url).searchParams;
  const start = Number(query.get('cursor') ?? 0);
  const end = start + Number(query.get('limit') ?? 20);
  return json({ items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null });
}

/** A long-running program: 130 returners and as many published announcements, more than a page of each. */
const many = (() => {
  const people = Array.from({ length: 130 }, (_, index) =>
    returner(`rt_many_${index}`, ['佐藤', '鈴木', '高橋', '伊藤'][index % 4]!, ['陽菜', '蓮', '結衣', '湊'][index % 4]!, { returnDate: day(-index * 7), manager: null }),
  );
  return { returners: people, announcements: people.map((who, index) => announcementFor(`an_many_${index}`, 'published', who)) };
})();

/** Employees the manager search finds (GET /api/v1/hr/employees). */
const managers: EmployeeSummary[] = [
  { id: 'em_nakamura', familyName: '中村', givenName: '健一', familyNameKana: 'なかむら', givenNameKana: 'けんいち', department: 'engineering', title: 'エンジニアリングマネージャー' },
  { id: 'em_carter', familyName: 'Carter', givenName: 'Emily', department: 'product', title: 'Director of Product' },
  { id: 'em_fujita', familyName: '藤田', givenName: '彩', familyNameKana: 'ふじた', givenNameKana: 'あや', department: 'customer-success', title: 'カスタマーサクセス部長' },
];

/** A server that keeps what the story registers, sends and saves for the story's lifetime. */
function server(overrides: Record<string, MockHandler> = {}, data: { returners: Returner[]; announcements: Announcement[] } = { returners, announcements }): typeof fetch {
  const stored = { returners: [...data.returners], announcements: [...data.announcements] };
  const routes: Record<string, MockHandler> = {
    'GET /api/v1/meta': reply(seededMeta),
    'GET /api/v1/returners': (request) => paged(request, stored.returners),
    'POST /api/v1/returners': async (request) => {
      const body = (await request.json()) as ReturnerCreate;
      const chosen = candidates.find((each) => each.id === body.alumniId) ?? members[0]!;
      const created = returner(`rt_${Date.now()}`, chosen.familyName, chosen.givenName, { alumniId: chosen.id, returnDate: body.returnDate, manager: null, newRole: body.newRole ?? null, newTeam: body.newTeam ?? null });
      stored.returners = [created, ...stored.returners];
      return json(created, 201);
    },
    'GET /api/v1/hr/overview': reply(overviewWith([{ id: shota.id, done: 1, total: 14 }, { id: misaki.id, done: 9, total: 12 }])),
    'GET /api/v1/hr/members': reply({ items: candidates, nextCursor: null }, { delay: 300 }),
    // The manager search: the seed's managers, by name, reading or id (the server's normalization is not modelled).
    'GET /api/v1/hr/employees': (request) => {
      const q = (new URL(request.url).searchParams.get('q') ?? '').trim().toLowerCase();
      const found = q ? managers.filter((each) => [each.id, each.familyName, each.givenName, each.familyNameKana ?? '', each.givenNameKana ?? ''].some((text) => text.toLowerCase().includes(q))) : [];
      return json({ items: found }, 200);
    },
    'GET /api/v1/announcements': (request) => paged(request, stored.announcements),
    'POST /api/v1/announcements': async (request) => {
      const body = (await request.json()) as AnnouncementCreate;
      const who = stored.returners.find((each) => each.id === body.returnerId)!;
      const created: Announcement = announcementFor(`an_${Date.now()}`, 'draft', who, { message: body.message ?? null, whileAway: body.whileAway ?? null, askMeAbout: body.askMeAbout ?? [] });
      stored.announcements = [created, ...stored.announcements];
      return json(created, 201);
    },
    ...templateRoutes({ items: structuredClone(checklistTemplate), version: 1 }),
  };
  for (const who of returners) {
    routes[`GET /api/v1/returners/${who.id}/checklist`] = reply(checklistOf(who), { delay: 200 });
    const record = members.find((each) => each.id === who.alumniId);
    if (record) routes[`GET /api/v1/hr/members/${record.id}`] = reply(memberDetail(record));
  }
  for (const announcement of announcements) routes[`GET /api/v1/announcements/${announcement.id}`] = reply(announcement);
  return mockFetch({ ...routes, ...overrides });
}

/** Another HR editor saves the template right after this editor loaded it: this editor's save is refused (412). */
function concurrentTemplate(): Record<string, MockHandler> {
  const stored = { items: structuredClone(checklistTemplate), version: 1 };
  const routes = templateRoutes(stored);
  const newer: ChecklistTemplateItem[] = [...checklistTemplate, templateItem('新しいオフィスの案内', 'Tour of the new office', { category: 'what-changed', owner: 'manager', dueOffsetDays: 1 })];
  let reads = 0;
  return {
    ...routes,
    'GET /api/v1/hr/checklist-template': (request) => {
      const answer = routes['GET /api/v1/hr/checklist-template'] as (request: Request) => Response;
      const response = answer(request);
      if (++reads === 1) Object.assign(stored, { items: newer, version: stored.version + 1 });
      return response;
    },
  };
}

type Section = 'returners' | 'announcements' | 'template';

interface Args {
  section: Section;
  routes?: Record<string, MockHandler>;
  token?: string;
  /** Opens the returner form prefilled with this member, as the console's member detail does. */
  prefill?: boolean;
  /** More returners and announcements than a page of each ("load more"). */
  many?: boolean;
}

const meta: Meta<Args> = {
  title: 'HR console/Sections',
  argTypes: {
    section: { control: 'inline-radio', options: ['returners', 'announcements', 'template'] },
    routes: { table: { disable: true } },
    many: { control: 'boolean' },
  },
  args: { section: 'returners', token: 'story-hr' },
  render: ({ section, routes, token, prefill, many: long }) => {
    const fetch = server(routes, long ? many : undefined);
    const body =
      section === 'returners'
        ? html`<okaeri-hr-returners .member=${prefill ? candidates[0] : undefined}></okaeri-hr-returners>`
        : section === 'announcements'
          ? html`<okaeri-hr-announcements></okaeri-hr-announcements>`
          : html`<okaeri-hr-template></okaeri-hr-template>`;
    return html`<div style="max-inline-size:60rem">
      <!-- An HR viewer: the sections send nothing without credentials. -->
      <okaeri-config base-url="" token=${token ?? ''} .fetch=${fetch}>${body}</okaeri-config>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const pending = (section: Section): Record<string, MockHandler> =>
  section === 'template' ? { 'GET /api/v1/hr/checklist-template': 'pending' } : { 'GET /api/v1/returners': 'pending' };
const failing = (section: Section, status = 500): Record<string, MockHandler> =>
  section === 'template' ? { 'GET /api/v1/hr/checklist-template': problem(status) } : { 'GET /api/v1/returners': problem(status) };

export const Returners: Story = {};
export const ReturnersEnglishDark: Story = { globals: { lang: 'en', theme: 'dark' } };
export const ReturnersRegisterPrefilled: Story = { args: { prefill: true }, globals: { lang: 'en' } };
/** 130 returners: the first 50, and "load more" for the next. */
export const ReturnersMoreThanAPage: Story = { args: { many: true }, globals: { lang: 'en' } };
export const ReturnersLoading: Story = { args: { routes: pending('returners') } };
export const ReturnersEmpty: Story = { args: { routes: { 'GET /api/v1/returners': reply({ items: [], nextCursor: null }) } }, globals: { lang: 'en' } };
export const ReturnersLoadError: Story = { args: { routes: failing('returners') } };
export const ReturnersOffline: Story = { args: { routes: { 'GET /api/v1/returners': 'offline' } }, globals: { lang: 'en', theme: 'dark' } };
export const ReturnersForbidden: Story = { args: { routes: failing('returners', 403) } };
export const ReturnersAuthRequired: Story = { args: { token: '' }, globals: { lang: 'en' } };
export const ReturnersRegisterFails: Story = {
  args: { prefill: true, routes: { 'POST /api/v1/returners': problem(422, { managerId: 'invalid_choice' }) } },
};

export const Announcements: Story = { args: { section: 'announcements' } };
export const AnnouncementsEnglishDark: Story = { args: { section: 'announcements' }, globals: { lang: 'en', theme: 'dark' } };
/** 130 announcements: the latest 50, and "load more"; the returner select offers all 130 returners. */
export const AnnouncementsMoreThanAPage: Story = { args: { section: 'announcements', many: true } };
export const AnnouncementsLoading: Story = { args: { section: 'announcements', routes: pending('announcements') } };
export const AnnouncementsEmpty: Story = {
  args: { section: 'announcements', routes: { 'GET /api/v1/returners': reply({ items: [], nextCursor: null }), 'GET /api/v1/announcements': reply({ items: [], nextCursor: null }) } },
  globals: { lang: 'en' },
};
export const AnnouncementsLoadError: Story = { args: { section: 'announcements', routes: failing('announcements') }, globals: { lang: 'en' } };
export const AnnouncementsForbidden: Story = { args: { section: 'announcements', routes: failing('announcements', 403) }, globals: { lang: 'en' } };
export const AnnouncementsAuthRequired: Story = { args: { section: 'announcements', token: '' } };
export const AnnouncementsSendFails: Story = { args: { section: 'announcements', routes: { 'POST /api/v1/announcements': problem(503) } } };

export const Template: Story = { args: { section: 'template' } };
export const TemplateEnglishDark: Story = { args: { section: 'template' }, globals: { lang: 'en', theme: 'dark' } };
export const TemplateLoading: Story = { args: { section: 'template', routes: pending('template') } };
export const TemplateEmpty: Story = { args: { section: 'template', routes: { 'GET /api/v1/hr/checklist-template': reply({ items: [] }) } }, globals: { lang: 'en' } };
export const TemplateLoadError: Story = { args: { section: 'template', routes: failing('template') } };
export const TemplateForbidden: Story = { args: { section: 'template', routes: failing('template', 403) } };
export const TemplateAuthRequired: Story = { args: { section: 'template', token: '' }, globals: { lang: 'en', theme: 'dark' } };
/** Edit anything and save: someone else saved meanwhile, so the server refuses the save (412, If-Match) and the newer version is shown beside the kept edits. */
export const TemplateConcurrentSave: Story = { args: { section: 'template', routes: concurrentTemplate() }, globals: { lang: 'en' } };
/** The same in Japanese, dark. */
export const TemplatePreconditionFailed412: Story = { args: { section: 'template', routes: concurrentTemplate() }, globals: { theme: 'dark' } };
