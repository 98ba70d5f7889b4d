import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import '../../components/config/config.js';
import '../../components/hr-console/hr-sections.js';
import type { OkaeriHrReturners } from '../../components/hr-console/hr-returners.js';
import type { Announcement, ChecklistTemplateItem, Returner } from '../../src/api/types.js';
import { announcementFor, checklistTemplate, member, memberDetail, overviewWith, returner, templateItem } from '../fixtures/hr-sections.js';
import { fakeServer, json, minimal, type RouteHandler } from './support.js';

const base = 'https://alumni.example.test';
const problem = (status: number, extra: Record<string, unknown> = {}) =>
  json({ type: 'about:blank', title: 'Problem', status, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });
const never = () => new Promise<Response>(() => undefined);

const shota = returner('rt_shota', '田中', '翔太');
const emily = returner('rt_emily', 'Clark', 'Emily', { manager: null, newRole: null, newTeam: null, returnDate: '2026-05-11' });

const overview = (inProgress: { id: string; done: number; total: number }[]) => json(overviewWith(inProgress));

const listReturners = (items: Returner[]): Record<string, RouteHandler> => ({
  'GET /api/v1/returners': () => json({ items, nextCursor: null }),
  'GET /api/v1/hr/overview': () => overview([{ id: shota.id, done: 3, total: 12 }]),
});

interface MountOptions {
  lang?: 'en' | 'ja';
  theme?: 'light' | 'dark';
  token?: string | null;
  routes?: Record<string, RouteHandler>;
}

const settled = 'table, .empty, .error-banner, .forbidden, slot[name=auth-required], form, .loading';

async function mount<T extends HTMLElement>(tag: string, { lang = 'en', theme, token = 't0ken', routes = {} }: MountOptions = {}) {
  const fake = fakeServer(routes);
  const name = unsafeStatic(tag);
  const wrapper = await fixture(html`<okaeri-config base-url=${base} token=${ifDefined(token ?? undefined)} lang=${lang} theme=${ifDefined(theme)} .fetch=${fake.fetch}>
    <${name}></${name}>
  </okaeri-config>`);
  const el = wrapper.querySelector(tag) as T & { updateComplete: Promise<boolean> };
  await waitUntil(() => el.shadowRoot!.querySelector(settled), `<${tag}> renders a state`);
  return { el, sent: fake.sent, root: el.shadowRoot! };
}

/** Waits for a state other than loading. */
async function mountSettled<T extends HTMLElement>(tag: string, options: MountOptions = {}) {
  const mounted = await mount<T>(tag, options);
  await waitUntil(() => !mounted.root.querySelector('.loading') && mounted.root.querySelector(settled), `<${tag}> settles`);
  await mounted.el.updateComplete;
  return mounted;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buttonNamed = (root: ShadowRoot | Element, name: string) => [...root.querySelectorAll('button')].find((button) => text(button) === name);
const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};

describe('HR console sections: the states every section shares', () => {
  const sections: { tag: string; path: string; extra: Record<string, RouteHandler> }[] = [
    { tag: 'okaeri-hr-returners', path: 'GET /api/v1/returners', extra: { 'GET /api/v1/hr/overview': () => overview([]) } },
    { tag: 'okaeri-hr-announcements', path: 'GET /api/v1/returners', extra: { 'GET /api/v1/announcements': () => json({ items: [], nextCursor: null }), 'GET /api/v1/meta': () => json(minimal.meta) } },
    { tag: 'okaeri-hr-template', path: 'GET /api/v1/hr/checklist-template', extra: {} },
  ];
  for (const { tag, path, extra } of sections) {
    describe(`<${tag}>`, () => {
      it('shows a spinner while loading', async () => {
        const { el, root } = await mount(tag, { routes: { ...extra, [path]: never } });
        expect(root.querySelector('[part~=spinner]')).to.exist;
        await expect(el).to.be.accessible();
      });

      it('sends nothing and asks to sign in without a token (ja and en)', async () => {
        for (const lang of ['en', 'ja'] as const) {
          const { el, sent, root } = await mount(tag, { token: null, lang, routes: extra });
          expect(sent).to.have.length(0);
          expect(text(root.querySelector('.auth-required'))).to.equal(lang === 'en' ? 'Please sign in to see this.' : 'ご覧になるにはサインインしてください。');
          await expect(el).to.be.accessible();
        }
      });

      it('shows the no-permission state to a viewer who is not HR (403), without a retry', async () => {
        const { el, root } = await mountSettled(tag, { routes: { ...extra, [path]: () => problem(403) } });
        expect(text(root.querySelector('.forbidden'))).to.equal('You don’t have permission to see this.');
        expect(root.querySelector('.error-banner')).to.equal(null);
        await expect(el).to.be.accessible();
      });

      it('says what failed and retries on a server error, in the dark theme', async () => {
        let fail = true;
        const { el, root, sent } = await mountSettled(tag, {
          theme: 'dark',
          routes: {
            ...listReturners([]),
            'GET /api/v1/hr/checklist-template': () => json({ items: [] }),
            ...extra,
            [path]: (request) => (fail ? problem(500) : (listReturners([])[path] ?? (() => json({ items: [] })))(request)),
          },
        });
        expect(text(root.querySelector('.error-banner'))).to.contain('The server ran into a problem.');
        await expect(el).to.be.accessible();
        fail = false;
        const before = sent.length;
        buttonNamed(root, 'Try again')!.click();
        await waitUntil(() => !root.querySelector('.error-banner') && !root.querySelector('.loading'), 'the retry loads');
        expect(sent.length).to.be.greaterThan(before);
      });
    });
  }
});

describe('<okaeri-hr-returners>', () => {
  it('lists the returners with their checklist progress, in English and Japanese, light and dark', async () => {
    for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
      const { el, root, sent } = await mountSettled<OkaeriHrReturners>('okaeri-hr-returners', { lang, theme, routes: listReturners([shota, emily]) });
      expect(sent.map((request) => request.url)).to.have.members([`${base}/api/v1/returners?limit=50`, `${base}/api/v1/hr/overview`]);
      expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer t0ken');
      const rows = [...root.querySelectorAll('tbody tr')];
      expect(rows.map((row) => text(row.querySelector('th')))).to.deep.equal(lang === 'en' ? ['田中 翔太', 'Emily Clark'] : ['田中 翔太', 'Emily Clark']);
      if (lang === 'en') {
        expect(text(rows[0]!.querySelectorAll('td')[3])).to.equal('3 of 12 items done');
        expect(text(rows[1]!.querySelectorAll('td')[3])).to.equal('✓ Complete', 'a returner missing from the overview has every item done');
        expect(text(rows[0]!.querySelectorAll('td')[2])).to.equal('中村 健一');
        expect(text(root.querySelector('caption'))).to.equal('2 returners');
      } else {
        expect(text(rows[0]!.querySelectorAll('td')[3])).to.equal('12件中3件完了');
        expect(text(root.querySelector('h2'))).to.equal('復職者');
      }
      expect(rows[0]!.querySelector('progress')!.value).to.equal(3);
      await expect(el).to.be.accessible();
    }
  });

  it('says there is nobody yet and offers to register one', async () => {
    const { el, root } = await mountSettled('okaeri-hr-returners', { routes: listReturners([]) });
    expect(text(root.querySelector('.empty'))).to.contain('No returner is registered yet.');
    expect(buttonNamed(root, 'Register a returner')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('registers a returner found by search: one POST with an Idempotency-Key, then their checklist opens', async () => {
    const created = returner('rt_new', '山田', '花子', { alumniId: 'al_hanako', manager: null });
    const stored = [shota];
    const routes: Record<string, RouteHandler> = {
      ...listReturners(stored),
      'GET /api/v1/hr/members': () => json({ items: [member('al_hanako', '山田', '花子'), member('al_hana', '山田', 'はな')], nextCursor: null }),
      'POST /api/v1/returners': () => (stored.push(created), json(created, { status: 201 })),
      'GET /api/v1/returners/rt_new/checklist': () => json({ ...minimal.checklist, returner: created }),
    };
    const { el, root, sent } = await mountSettled('okaeri-hr-returners', { routes });
    buttonNamed(root, 'Register a returner')!.click();
    await el.updateComplete;
    const search = root.querySelector<HTMLInputElement>('#register-search')!;
    expect(root.activeElement).to.equal(search, 'focus goes to the form');
    search.value = '山田';
    search.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelectorAll('input[type=radio]').length === 2, 'the members found are listed');
    const query = new URL(sent.at(-1)!.url).searchParams;
    expect(query.get('q')).to.equal('山田');
    expect(query.get('status')).to.equal('active');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLInputElement>('input[type=radio][value=al_hanako]')!.click();
    root.querySelector<HTMLInputElement>('[name=returnDate]')!.value = '2026-07-01';
    root.querySelector<HTMLInputElement>('[name=newRole]')!.value = '  Designer ';
    buttonNamed(root, 'Register and generate the checklist')!.click();
    await waitUntil(() => root.querySelector('okaeri-reonboarding-checklist'), 'the new checklist opens');
    const post = sent.find((request) => request.method === 'POST')!;
    expect(post.body).to.deep.equal({ alumniId: 'al_hanako', returnDate: '2026-07-01', language: 'en', newRole: 'Designer' });
    expect(post.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(root.querySelector('okaeri-reonboarding-checklist')!.getAttribute('returner-id')).to.equal('rt_new');
    expect(root.activeElement).to.equal(root.querySelector('#checklist-panel'));
    expect(sent.filter((request) => request.url.endsWith('/api/v1/returners?limit=50'))).to.have.length(2, 'the list is read again');
  });

  it('opens prefilled from the `member` property; says next to each field what is missing or refused', async () => {
    let answer: () => Response = () => problem(422, { errors: { managerId: 'invalid_choice' } });
    const routes: Record<string, RouteHandler> = {
      ...listReturners([shota]),
      'POST /api/v1/returners': () => answer(),
      'GET /api/v1/hr/employees': () => json({ items: [{ id: 'em_gone', familyName: '退職', givenName: '済' }] }),
      'GET /api/v1/meta': () => json(minimal.meta),
    };
    const { el, root, sent } = await mountSettled<OkaeriHrReturners>('okaeri-hr-returners', { lang: 'ja', routes });
    el.member = member('al_hanako', '山田', '花子');
    await el.updateComplete;
    expect(text(root.querySelector('.chosen'))).to.contain('山田 花子');
    expect(root.activeElement).to.equal(root.querySelector('#register-return-date'));
    buttonNamed(root, '登録してチェックリストを作る')!.click();
    await el.updateComplete;
    expect(text(root.querySelector('#register-return-date-error'))).to.equal('この項目は必須です。');
    expect(root.querySelector('#register-return-date')!.getAttribute('aria-invalid')).to.equal('true');
    expect(sent.some((request) => request.method === 'POST')).to.equal(false, 'nothing is sent with a field missing');
    root.querySelector<HTMLInputElement>('[name=returnDate]')!.value = '2026-07-01';
    // A manager the server no longer knows (left meanwhile): its refusal shows on the manager search.
    root.querySelector<HTMLInputElement>('#register-managerId')!.value = '退職';
    buttonNamed(root, '社員を検索')!.click();
    await waitUntil(() => root.querySelector('input[type=radio][value=em_gone]'), 'the employee is listed');
    root.querySelector<HTMLInputElement>('input[type=radio][value=em_gone]')!.click();
    buttonNamed(root, '登録してチェックリストを作る')!.click();
    await waitUntil(() => root.querySelector('#register-managerId-error'), 'the server’s field error is shown');
    expect(text(root.querySelector('#register-managerId-error'))).to.equal('選択肢の中から選んでください。');
    await waitUntil(() => root.activeElement === root.querySelector('#register-managerId'), 'focus goes to the refused field');
    await expect(el).to.be.accessible();
    answer = () => problem(503);
    buttonNamed(root, '登録してチェックリストを作る')!.click();
    await waitUntil(() => root.querySelector('form .error-banner'), 'a failure that is no field’s is a banner in the form');
    const posts = sent.filter((request) => request.method === 'POST');
    expect(posts[1]!.body).to.deep.equal(posts[2]!.body);
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`chooses the manager by name from a search, keyboard only, and the POST carries their id (${lang})`, async () => {
      const nakamura = { id: 'em_nakamura', familyName: '中村', givenName: '健一', familyNameKana: 'なかむら', givenNameKana: 'けんいち', department: 'engineering', title: 'エンジニアリングマネージャー' };
      const carter = { id: 'em_carter', familyName: 'Carter', givenName: 'Emily', department: 'no-such-department' };
      const created = returner('rt_new', '山田', '花子', { alumniId: 'al_hanako' });
      const routes: Record<string, RouteHandler> = {
        ...listReturners([shota]),
        'GET /api/v1/hr/employees': (request) => json({ items: new URL(request.url).searchParams.get('q') === 'nobody' ? [] : [nakamura, carter] }),
        'GET /api/v1/meta': () => json({ ...minimal.meta, departments: [{ id: 'engineering', name: { en: 'Engineering', ja: '技術部' } }] }),
        'POST /api/v1/returners': () => json(created, { status: 201 }),
        'GET /api/v1/returners/rt_new/checklist': () => json({ ...minimal.checklist, returner: created }),
      };
      const m = lang === 'en'
        ? { manager: 'Find the manager', search: 'Search employees', results: 'Manager', clear: 'No manager', none: 'No employee matches “nobody”.', submit: 'Register and generate the checklist', dept: 'Engineering' }
        : { manager: 'マネージャーを探す', search: '社員を検索', results: 'マネージャー', clear: 'マネージャーなし', none: '「nobody」に当てはまる社員はいません。', submit: '登録してチェックリストを作る', dept: '技術部' };
      const { el, root, sent } = await mountSettled<OkaeriHrReturners>('okaeri-hr-returners', { lang, routes });
      el.member = member('al_hanako', '山田', '花子');
      await el.updateComplete;
      const search = root.querySelector<HTMLInputElement>('#register-managerId')!;
      expect(search.labels![0]!.textContent).to.contain(m.manager);
      search.focus();
      await sendKeys({ type: 'nobody' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => [...root.querySelectorAll('.search p.muted')].some((p) => text(p) === m.none), 'nobody found is said');
      search.value = '';
      search.focus();
      await sendKeys({ type: 'なかむら' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root.querySelectorAll('input[type=radio][name=managerId]').length === 2, 'the employees found are listed');
      const query = new URL(sent.filter((request) => request.url.includes('/api/v1/hr/employees')).at(-1)!.url).searchParams;
      expect(query.get('q')).to.equal('なかむら');
      expect(query.get('limit')).to.equal('10');
      const labels = [...root.querySelectorAll('#register-manager-candidates label')].map(text);
      expect(labels[0]).to.equal(`中村 健一 · ${m.dept} · エンジニアリングマネージャー`);
      expect(labels[1]).to.contain('Emily').and.contain('no-such-department');
      await expect(el).to.be.accessible();
      // Keyboard only: Tab past the search button to the first radio, Space chooses it.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement).to.equal(root.querySelector('input[type=radio][value=em_nakamura]'));
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(root.querySelector('.chosen-manager')!.getAttribute('data-employee-id')).to.equal('em_nakamura');
      // Cleared, then chosen again with the arrow keys.
      buttonNamed(root, m.clear)!.click();
      await el.updateComplete;
      expect(root.querySelector('.chosen-manager')).to.equal(null);
      expect(root.activeElement).to.equal(search, 'focus goes back to the manager search');
      expect(root.querySelector<HTMLInputElement>('input[type=radio][value=em_nakamura]')!.checked).to.equal(false);
      root.querySelector<HTMLInputElement>('input[type=radio][value=em_carter]')!.focus();
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(root.querySelector('.chosen-manager')!.getAttribute('data-employee-id')).to.equal('em_nakamura');
      await expect(el).to.be.accessible();
      root.querySelector<HTMLInputElement>('[name=returnDate]')!.value = '2026-07-01';
      buttonNamed(root, m.submit)!.click();
      await waitUntil(() => sent.some((request) => request.method === 'POST'), 'the registration is sent');
      const post = sent.find((request) => request.method === 'POST')!;
      expect(post.body).to.deep.equal({ alumniId: 'al_hanako', returnDate: '2026-07-01', language: lang, managerId: 'em_nakamura' });
    });
  }

  it('opened by openRegister(member) while the list still loads (the console’s member detail), shows the form with focus once it can', async () => {
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const routes = { ...listReturners([shota]), 'GET /api/v1/returners': async () => (await loaded, json({ items: [shota], nextCursor: null })) };
    const { el, root } = await mount<OkaeriHrReturners>('okaeri-hr-returners', { routes });
    await el.openRegister(member('al_hanako', '山田', '花子'));
    expect(root.querySelector('.loading')).to.exist;
    release();
    await waitUntil(() => root.querySelector('.chosen'), 'the form appears with the member');
    expect(text(root.querySelector('.chosen'))).to.contain('山田 花子');
    await waitUntil(() => root.activeElement === root.querySelector('#register-return-date'), 'focus goes to the first empty field');
  });

  it('works by keyboard alone: open a checklist, go back, focus returns to the name', async () => {
    const routes = { ...listReturners([shota, emily]), 'GET /api/v1/returners/rt_shota/checklist': () => json(minimal.checklist) };
    const { root } = await mountSettled('okaeri-hr-returners', { routes });
    const open = root.querySelector<HTMLButtonElement>('tr[data-returner-id=rt_shota] .link')!;
    expect(open.getAttribute('aria-label')).to.equal('Open the checklist of 田中 翔太');
    open.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.activeElement?.id === 'checklist-panel', 'focus moves to the checklist');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(text(root.activeElement)).to.equal('Back to the list');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.activeElement === root.querySelector('tr[data-returner-id=rt_shota] .link'), 'focus returns to the name');
    expect(root.querySelector('okaeri-reonboarding-checklist')).to.equal(null);
  });
});

/** Returners in pages of the size asked, with the cursor the server would give (the page's end). */
function pagedReturners(all: Returner[], options: { failOnce?: boolean } = {}): RouteHandler {
  let failures = options.failOnce ? 1 : 0;
  return ({ url }) => {
    const query = new URL(url).searchParams;
    const start = Number(query.get('cursor') ?? 0);
    if (start > 0 && failures > 0) {
      failures--;
      return problem(500);
    }
    const end = start + Number(query.get('limit'));
    return json({ items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null });
  };
}

const manyReturners = (count: number) =>
  Array.from({ length: count }, (_, index) => returner(`rt_${String(index).padStart(3, '0')}`, '佐藤', `${index}号`, { returnDate: '2026-04-01' }));

describe('<okaeri-hr-returners>: more than a page', () => {
  it('loads the next page with the cursor, says how many are shown, and retries a failed page (en, ja)', async function () {
    // Axe over tables of 50 to 120 rows, twice per language: seconds each on a busy machine.
    this.timeout(40_000);
    for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
      const all = manyReturners(120);
      const routes = { 'GET /api/v1/hr/overview': () => overview([{ id: 'rt_110', done: 2, total: 10 }]), 'GET /api/v1/returners': pagedReturners(all, { failOnce: true }) };
      const { el, root, sent } = await mountSettled<OkaeriHrReturners>('okaeri-hr-returners', { lang, theme, routes });
      const rows = () => root.querySelectorAll('tbody tr');
      expect(rows()).to.have.length(50);
      expect(text(root.querySelector('caption'))).to.equal(lang === 'en' ? '50 returners loaded, more available' : '50人の復職者を表示中（さらにあります）');
      const more = () => buttonNamed(root, lang === 'en' ? 'Load more returners' : 'さらに読み込む');
      // The first "more" fails: the page's failure and a retry, the rows stay.
      more()!.click();
      await waitUntil(() => root.querySelector('[part~=more] [part~=error-banner]'), 'the failed page is shown with a retry');
      expect(rows()).to.have.length(50);
      await expect(el).to.be.accessible();
      buttonNamed(root.querySelector('[part~=more]')!, lang === 'en' ? 'Try again' : 'もう一度試す')!.click();
      await waitUntil(() => rows().length === 100, 'the second page');
      expect(sent.at(-1)!.url).to.equal(`${base}/api/v1/returners?limit=50&cursor=50`);
      more()!.click();
      await waitUntil(() => rows().length === 120, 'the last page');
      expect(more(), 'no button after the last page').to.equal(undefined);
      expect(text(root.querySelector('caption'))).to.equal(lang === 'en' ? '120 returners' : '120人の復職者');
      const late = root.querySelector('tr[data-returner-id=rt_110]')!;
      expect(text(late.querySelectorAll('td')[3])).to.equal(lang === 'en' ? '2 of 10 items done' : '10件中2件完了', 'a later page has its progress too');
      expect(new Set([...rows()].map((row) => row.getAttribute('data-returner-id'))).size).to.equal(120);
      await expect(el).to.be.accessible();
    }
  });
});

const announcement = (id: string, status: Announcement['status'], who: Returner) => announcementFor(id, status, who);

const announcementRoutes = (announcements: Announcement[], returners: Returner[] = [shota, emily]): Record<string, RouteHandler> => ({
  'GET /api/v1/returners': () => json({ items: returners, nextCursor: null }),
  'GET /api/v1/announcements': () => json({ items: announcements, nextCursor: null }),
  'GET /api/v1/meta': () => json({ ...minimal.meta, departments: [{ id: 'engineering', name: { en: 'Engineering', ja: 'エンジニアリング' } }] }),
  'GET /api/v1/hr/members/al_rt_shota': () => json(memberDetail(member('al_rt_shota', '田中', '翔太'))),
  'GET /api/v1/hr/members/al_rt_emily': () => json(memberDetail(member('al_rt_emily', 'Clark', 'Emily', { department: null, departmentOther: 'Sales Ops' }))),
});

/** The preview card's shadow root: the welcome card renders it itself. */
const previewRoot = (root: ShadowRoot) => root.querySelector('okaeri-welcome-card')?.shadowRoot;

describe('<okaeri-hr-announcements>', () => {
  it('lists the announcements with their status, in English and Japanese', async () => {
    const items = [announcement('an_1', 'draft', shota), announcement('an_2', 'published', emily)];
    for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
      const { el, root } = await mountSettled('okaeri-hr-announcements', { lang, theme, routes: announcementRoutes(items) });
      const rows = [...root.querySelectorAll('tbody tr')];
      expect(rows.map((row) => text(row.querySelector('[part~=status]')))).to.deep.equal(lang === 'en' ? ['Awaiting approval', 'Published'] : ['承認待ち', '公開済み']);
      expect(rows.map((row) => row.querySelector('[part~=status]')!.getAttribute('data-status'))).to.deep.equal(['awaiting-approval', 'published']);
      if (lang === 'en') expect(text(rows[1]!.querySelectorAll('td')[1])).to.equal('Published Apr 2, 2026');
      await expect(el).to.be.accessible();
    }
  });

  it('says a returner must be registered first when there is none', async () => {
    const { el, root } = await mountSettled('okaeri-hr-announcements', { routes: announcementRoutes([], []) });
    expect(text(root.querySelector('.empty'))).to.equal('There is no returner to announce yet. Register a returner first.');
    expect(text(root.querySelector('section p.muted'))).to.equal('No announcement yet.');
    await expect(el).to.be.accessible();
  });

  it('previews exactly what the welcome card shows, sends it for approval once, and lists it as awaiting approval', async () => {
    const routes = announcementRoutes([]);
    let created: Announcement | undefined;
    routes['POST /api/v1/announcements'] = ({ body }) => {
      created = { ...announcement('an_new', 'draft', shota), ...(body as object) } as Announcement;
      return json(created, { status: 201 });
    };
    const { el, root, sent } = await mountSettled('okaeri-hr-announcements', { routes });
    const select = root.querySelector<HTMLSelectElement>('#compose-returner')!;
    select.value = shota.id;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => previewRoot(root)?.querySelector('.card'), 'the preview appears');
    await waitUntil(() => text(previewRoot(root)!.querySelector('.meta')).includes('Engineering'), 'the member’s tenure arrives');
    const message = '田中 翔太さんが戻ってきます。\n<b>おかえりなさい</b>';
    type(root.querySelector<HTMLTextAreaElement>('#compose-message')!, message);
    type(root.querySelector<HTMLTextAreaElement>('#compose-whileAway')!, 'Founded a startup in Fukuoka.');
    type(root.querySelector<HTMLTextAreaElement>('#compose-askMeAbout')!, 'Kubernetes\n\n 採用 ');
    await el.updateComplete;
    await waitUntil(() => previewRoot(root)!.querySelector('.message'), 'the preview follows the typing');
    const card = previewRoot(root)!;
    expect(card.querySelector('.message')!.textContent).to.equal(message, 'text, never markup');
    expect(card.querySelector('.message b')).to.equal(null);
    expect(text(card.querySelector('h3'))).to.equal('Welcome back, 田中 翔太');
    expect(text(card.querySelector('.role'))).to.equal('Engineering Manager · Platform');
    expect(text(card.querySelector('.meta'))).to.match(/^(Returning on|Back since) April 1, 2026 Previously with us 2012–2018, Engineering$/);
    expect([...card.querySelectorAll('.topic')].map(text)).to.deep.equal(['Kubernetes', '採用']);
    expect(card.querySelector('.react'), 'a preview cannot be reacted to').to.equal(null);
    expect(sent.some((request) => request.url.includes('/api/v1/announcements/'))).to.equal(false, 'the preview asks nothing of the server');
    await expect(el).to.be.accessible();
    buttonNamed(root, 'Send to the returner for approval')!.click();
    await waitUntil(() => root.querySelector('tr[data-announcement-id=an_new]'), 'the sent announcement is listed');
    const post = sent.find((request) => request.method === 'POST')!;
    expect(post.body).to.deep.equal({ kind: 'welcome-back', returnerId: shota.id, message, whileAway: 'Founded a startup in Fukuoka.', askMeAbout: ['Kubernetes', '採用'] });
    expect(post.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(text(root.querySelector('tr[data-announcement-id=an_new] [part~=status]'))).to.equal('Awaiting approval');
    await waitUntil(() => root.activeElement === root.querySelector('tr[data-announcement-id=an_new] .link'), 'focus goes to the listed announcement');
  });

  it('works by keyboard alone: open an announcement’s card, go back, focus returns to its name', async () => {
    const published = announcement('an_2', 'published', emily);
    const routes = { ...announcementRoutes([published]), 'GET /api/v1/announcements/an_2': () => json(published) };
    const { el, root } = await mountSettled('okaeri-hr-announcements', { routes });
    const open = root.querySelector<HTMLButtonElement>('tr[data-announcement-id=an_2] .link')!;
    expect(open.getAttribute('aria-label')).to.equal('Show the announcement of Emily Clark');
    open.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.activeElement?.id === 'announcement-panel', 'focus moves to the announcement');
    await waitUntil(() => root.querySelector('#announcement-panel okaeri-welcome-card')?.shadowRoot?.querySelector('.card'), 'its card loads');
    expect(root.querySelector('#announcement-panel okaeri-welcome-card')!.getAttribute('announcement-id')).to.equal('an_2');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(text(root.activeElement)).to.equal('Back to the list');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.activeElement === root.querySelector('tr[data-announcement-id=an_2] .link'), 'focus returns to the name');
    expect(root.querySelector('#announcement-panel')).to.equal(null);
  });

  it('keeps unsent text per returner as a draft, and checks the topics before sending', async () => {
    const { el, root, sent } = await mountSettled('okaeri-hr-announcements', { lang: 'ja', routes: announcementRoutes([]) });
    const select = root.querySelector<HTMLSelectElement>('#compose-returner')!;
    select.value = emily.id;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    type(root.querySelector<HTMLTextAreaElement>('#compose-askMeAbout')!, 'a\nb\nc\nd\ne\nf');
    buttonNamed(root, '本人に承認を依頼する')!.click();
    await el.updateComplete;
    expect(text(root.querySelector('#compose-askMeAbout-error'))).to.equal('話題は5件までにしてください（現在6件あります）。');
    expect(sent.some((request) => request.method === 'POST')).to.equal(false);
    await waitUntil(() => text(previewRoot(root)?.querySelector('.meta')).includes('2012'), 'the preview shows the member’s tenure');
    expect(text(previewRoot(root)!.querySelector('.meta'))).to.contain('Sales Ops', 'a department typed at signup is shown as typed');
    select.value = shota.id;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root.querySelector<HTMLTextAreaElement>('#compose-askMeAbout')!.value).to.equal('', 'each returner has their own text');
    const draftRow = root.querySelector('tr[data-draft-for=rt_emily]')!;
    expect(text(draftRow.querySelector('[part~=status]'))).to.equal('下書き（未送信）');
    draftRow.querySelector<HTMLButtonElement>('.link')!.click();
    await el.updateComplete;
    expect(root.querySelector<HTMLTextAreaElement>('#compose-askMeAbout')!.value).to.equal('a\nb\nc\nd\ne\nf');
    await expect(el).to.be.accessible();
  });
});

describe('<okaeri-hr-announcements>: more than a page', () => {
  it('offers every returner in the select (all their pages) and loads more announcements with the cursor (en, ja)', async () => {
    for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
      const returners = manyReturners(130);
      const announcements = Array.from({ length: 70 }, (_, index) => announcementFor(`an_${String(index).padStart(3, '0')}`, 'published', returners[index]!));
      let failed = false;
      const routes: Record<string, RouteHandler> = {
        ...announcementRoutes([], returners),
        'GET /api/v1/returners': pagedReturners(returners),
        'GET /api/v1/announcements': ({ url }) => {
          const query = new URL(url).searchParams;
          const start = Number(query.get('cursor') ?? 0);
          if (start && !failed) {
            failed = true;
            return problem(500);
          }
          const end = start + Number(query.get('limit'));
          return json({ items: announcements.slice(start, end), nextCursor: end < announcements.length ? String(end) : null });
        },
      };
      const { el, root, sent } = await mountSettled('okaeri-hr-announcements', { lang, theme, routes });
      expect(root.querySelectorAll('#compose-returner option')).to.have.length(131, 'every returner, and "choose"');
      expect(sent.filter((request) => request.url.includes('/api/v1/returners')).map((request) => new URL(request.url).search)).to.deep.equal(['?limit=100', '?limit=100&cursor=100']);
      const rows = () => root.querySelectorAll('tbody tr[data-announcement-id]');
      expect(rows()).to.have.length(50);
      expect(text(root.querySelector('caption'))).to.equal(lang === 'en' ? '50 announcements loaded, more available' : '50件の紹介を表示中（さらにあります）');
      await expect(el).to.be.accessible();
      const more = () => buttonNamed(root, lang === 'en' ? 'Load more announcements' : 'さらに読み込む');
      more()!.click();
      await waitUntil(() => root.querySelector('[part~=more] [part~=error-banner]'), 'the failed page with a retry');
      expect(rows()).to.have.length(50);
      buttonNamed(root.querySelector('[part~=more]')!, lang === 'en' ? 'Try again' : 'もう一度試す')!.click();
      await waitUntil(() => rows().length === 70, 'the last page');
      expect(sent.at(-1)!.url).to.equal(`${base}/api/v1/announcements?kind=welcome-back&limit=50&cursor=50`);
      expect(more()).to.equal(undefined);
      expect(text(root.querySelector('caption'))).to.equal(lang === 'en' ? '70 announcements' : '70件の紹介');
      await expect(el).to.be.accessible();
    }
  });
});

const template = checklistTemplate;

/**
 * The template as the server keeps it: an ETag per version, If-Match checked on save (412 with
 * the stored template as `current`); `colleagueSaves` is another HR editor's save.
 */
function templateServer(initial: ChecklistTemplateItem[] = template) {
  const stored = { items: initial, version: 1 };
  const etag = () => `"v${stored.version}"`;
  const routes: Record<string, RouteHandler> = {
    'GET /api/v1/hr/checklist-template': () => json({ items: stored.items }, { headers: { ETag: etag() } }),
    'PUT /api/v1/hr/checklist-template': (request) => {
      if (request.headers.get('If-Match') !== etag()) return problem(412, { current: { items: stored.items } });
      stored.items = (request.body as { items: ChecklistTemplateItem[] }).items;
      stored.version++;
      return json({ items: stored.items }, { headers: { ETag: etag() } });
    },
  };
  return {
    routes,
    colleagueSaves(items: ChecklistTemplateItem[]) {
      stored.items = items;
      stored.version++;
    },
  };
}

describe('<okaeri-hr-template>', () => {
  it('shows every item in order with its fields and the note that changes apply to new checklists', async () => {
    for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
      const { el, root } = await mountSettled('okaeri-hr-template', { lang, theme, routes: { 'GET /api/v1/hr/checklist-template': () => json({ items: template }) } });
      const legends = [...root.querySelectorAll('[part~=item] legend')].map(text);
      expect(legends).to.deep.equal(lang === 'en' ? ['Item 1: Compliance training', 'Item 2: Pick up your laptop', 'Item 3: Team lunch'] : ['項目1：コンプライアンス研修', '項目2：PCの受け取り', '項目3：チームとのランチ']);
      expect(text(root.querySelector('[part~=note]'))).to.equal(
        lang === 'en' ? 'Changes apply to checklists generated afterwards. The checklists of returners already registered keep their items.' : '変更は、これから作られるチェックリストに反映されます。登録済みの復職者のチェックリストは変わりません。',
      );
      const second = root.querySelectorAll('[part~=item]')[1]!;
      expect(second.querySelector<HTMLSelectElement>('select[id$=-owner]')!.value).to.equal('it');
      expect(second.querySelector<HTMLInputElement>('input[type=number]')!.value).to.equal('-3');
      expect(second.querySelector<HTMLTextAreaElement>('textarea[id$=-descriptionEn]')!.value).to.equal('Before day one');
      expect(root.querySelector('.unsaved'), 'nothing is unsaved before an edit, whatever the key order of the JSON').to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('reorders by buttons and by Alt+arrow keys, keeps focus on the moved item, and saves the new order with If-Match', async () => {
    const { routes } = templateServer();
    const { el, root, sent } = await mountSettled('okaeri-hr-template', { routes });
    const items = () => [...root.querySelectorAll('[part~=item]')];
    items()[0]!.querySelector<HTMLButtonElement>('[data-move=down] button')!.click();
    await waitUntil(() => text(items()[1]!.querySelector('legend')) === 'Item 2: Compliance training', 'moved down');
    await waitUntil(() => root.activeElement === items()[1]!.querySelector('[data-move=down] button'), 'focus follows the item');
    const title = items()[2]!.querySelector<HTMLInputElement>('input[id$=-titleEn]')!;
    title.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ up: 'Alt' });
    await waitUntil(() => text(items()[1]!.querySelector('legend')) === 'Item 2: Team lunch', 'moved up by keyboard');
    expect(root.activeElement).to.equal(title, 'focus stays in the same field');
    expect(text(root.querySelector('.unsaved'))).to.equal('Unsaved changes.');
    buttonNamed(root, 'Save the template')!.click();
    await waitUntil(() => sent.some((request) => request.method === 'PUT'), 'saved');
    const put = sent.find((request) => request.method === 'PUT')!;
    expect((put.body as { items: ChecklistTemplateItem[] }).items.map((item) => item.title.en)).to.deep.equal(['Pick up your laptop', 'Team lunch', 'Compliance training']);
    expect(put.headers.get('If-Match')).to.equal('"v1"', 'the ETag of the version the edits started from');
    expect(sent.map((request) => request.method)).to.deep.equal(['GET', 'PUT'], 'the server checks the version: no read before the save');
    await waitUntil(() => !root.querySelector('.unsaved'), 'nothing left unsaved');
    await expect(el).to.be.accessible();
    // The next save sends the ETag the save answered.
    root.querySelectorAll('[part~=item]')[0]!.querySelector<HTMLButtonElement>('[data-move=down] button')!.click();
    await el.updateComplete;
    buttonNamed(root, 'Save the template')!.click();
    await waitUntil(() => sent.filter((request) => request.method === 'PUT').length === 2, 'saved again');
    expect(sent.at(-1)!.headers.get('If-Match')).to.equal('"v2"');
    await waitUntil(() => !root.querySelector('.unsaved'), 'saved again without a conflict');
    expect(root.querySelector('[part~=conflict]')).to.equal(null);
  });

  it('adds and removes items and says next to a field what is wrong before sending anything', async () => {
    const routes: Record<string, RouteHandler> = { 'GET /api/v1/hr/checklist-template': () => json({ items: template }), 'PUT /api/v1/hr/checklist-template': ({ body }) => json(body) };
    const { el, root, sent } = await mountSettled('okaeri-hr-template', { lang: 'ja', routes });
    buttonNamed(root, '項目を追加する')!.click();
    await el.updateComplete;
    const added = root.querySelectorAll('[part~=item]')[3]!;
    expect(root.activeElement).to.equal(added.querySelector('input[id$=-titleJa]'));
    type(added.querySelector<HTMLTextAreaElement>('textarea[id$=-descriptionEn]')!, 'Only English');
    type(added.querySelector<HTMLInputElement>('input[type=number]')!, '400');
    buttonNamed(root, 'テンプレートを保存する')!.click();
    await el.updateComplete;
    expect(text(added.querySelector('[id$=-titleJa-error]'))).to.equal('この項目は必須です。');
    expect(text(added.querySelector('[id$=-descriptionJa-error]'))).to.equal('説明は両方の言語で書くか、どちらも空にしてください。');
    expect(text(added.querySelector('[id$=-due-error]'))).to.equal('−365〜365の整数の日数を入力してください。');
    await waitUntil(() => root.activeElement === added.querySelector('input[id$=-titleJa]'), 'focus goes to the first problem');
    expect(sent.filter((request) => request.method !== 'GET')).to.have.length(0);
    await expect(el).to.be.accessible();
    buttonNamed(added, '削除')!.click();
    await el.updateComplete;
    expect(root.querySelectorAll('[part~=item]')).to.have.length(3);
  });

  it('on a concurrent save (412) shows the newer template, keeps the edits, and overwrites only when asked, in English and Japanese', async () => {
    for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
      const server = templateServer();
      const { el, root, sent } = await mountSettled('okaeri-hr-template', { lang, theme, routes: server.routes });
      type(root.querySelector<HTMLInputElement>('[part~=item] input[id$=-titleEn]')!, 'Compliance training (2026)');
      server.colleagueSaves([...template, templateItem('新しい項目', 'Added by a colleague')]);
      buttonNamed(root, lang === 'en' ? 'Save the template' : 'テンプレートを保存する')!.click();
      await waitUntil(() => root.querySelector('[part~=conflict]'), 'the conflict is shown');
      const puts = () => sent.filter((request) => request.method === 'PUT');
      expect(puts()).to.have.length(1);
      expect(puts()[0]!.headers.get('If-Match')).to.equal('"v1"');
      const conflict = root.querySelector('[part~=conflict]')!;
      expect(conflict.getAttribute('role')).to.equal('alert');
      expect(text(conflict)).to.contain(
        lang === 'en'
          ? 'Someone else saved the template after you opened it. Your edits are still here; the newer version is below.'
          : 'このテンプレートは、開いたあとで他の人が保存しました。あなたの編集はそのまま残っています。新しい版は下に表示しています。',
      );
      expect(text(conflict)).to.contain(lang === 'en' ? 'Added by a colleague' : '新しい項目');
      expect(root.activeElement).to.equal(conflict.querySelector('button'), 'focus goes to the choice');
      expect(root.querySelector<HTMLInputElement>('[part~=item] input[id$=-titleEn]')!.value).to.equal('Compliance training (2026)', 'the edits stay');
      await expect(el).to.be.accessible();
      buttonNamed(root, lang === 'en' ? 'Save my version over it' : '自分の版で上書きする')!.click();
      await el.updateComplete;
      buttonNamed(root, lang === 'en' ? 'Save the template' : 'テンプレートを保存する')!.click();
      await waitUntil(() => puts().length === 2, 'saved after choosing');
      expect(puts()[1]!.headers.get('If-Match')).to.equal('"v2"', 'over the version shown, not any later one');
      expect((puts()[1]!.body as { items: ChecklistTemplateItem[] }).items[0]!.title.en).to.equal('Compliance training (2026)');
      await waitUntil(() => !root.querySelector('.unsaved') && !root.querySelector('[part~=conflict]'), 'saved');
    }
  });

  it('after a 412 can take the newer version instead, and a later save is checked against it', async () => {
    const server = templateServer();
    const { el, root, sent } = await mountSettled('okaeri-hr-template', { routes: server.routes });
    type(root.querySelector<HTMLInputElement>('[part~=item] input[id$=-titleEn]')!, 'Mine');
    server.colleagueSaves([templateItem('別の版', 'Another version')]);
    buttonNamed(root, 'Save the template')!.click();
    await waitUntil(() => root.querySelector('[part~=conflict]'), 'the conflict is shown');
    buttonNamed(root, 'Discard my edits and use the newer version')!.click();
    await el.updateComplete;
    expect([...root.querySelectorAll('[part~=item] legend')].map(text)).to.deep.equal(['Item 1: Another version']);
    expect(root.querySelector('[part~=conflict]')).to.equal(null);
    expect(root.querySelector('.unsaved')).to.equal(null);
    type(root.querySelector<HTMLInputElement>('[part~=item] input[id$=-titleEn]')!, 'Another version, edited');
    buttonNamed(root, 'Save the template')!.click();
    await waitUntil(() => sent.filter((request) => request.method === 'PUT').length === 2, 'saved');
    expect(sent.at(-1)!.headers.get('If-Match')).to.equal('"v2"');
    await waitUntil(() => !root.querySelector('.unsaved'), 'saved without a conflict');
    await expect(el).to.be.accessible();
  });
});
