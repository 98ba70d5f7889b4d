import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/config/config.js';
import '../../components/hr-console/hr-console.js';
import { OkaeriHrConsole } from '../../components/hr-console/hr-console.component.js';
import type { HrExportEvent } from '../../src/events/hr-export.js';
import type { HrMemberApproveEvent } from '../../src/events/hr-member-approve.js';
import type { HrMemberDeclineEvent } from '../../src/events/hr-member-decline.js';
import { formatPersonName } from '../../src/i18n/names.js';
import { hrMember, hrMemberDetail, hrMemberPage, hrOverview } from '../fixtures/hr.js';
import { fakeServer, json, minimal, type RouteHandler, type SentRequest } from './support.js';

const base = 'https://alumni.example.test';
const meta = {
  ...minimal.meta,
  departments: [
    { id: 'sales', name: { en: 'Sales', ja: '営業' } },
    { id: 'engineering', name: { en: 'Engineering', ja: 'エンジニアリング' } },
  ],
  interests: [{ id: 'rehire', label: { en: 'Coming back', ja: '再入社' } }],
};
const problem = (status: number, extra: object = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, ...extra }), { status, headers: { 'Content-Type': 'application/problem+json' } });

/** The routes of a server with `total` members; `extra` replaces or adds some. */
function routes(total = 30, extra: Record<string, RouteHandler> = {}): Record<string, RouteHandler> {
  return {
    'GET /api/v1/meta': () => json(meta),
    'GET /api/v1/hr/overview': () => json(hrOverview()),
    'GET /api/v1/hr/members': (sent) => json(hrMemberPage(total, new URL(sent.url))),
    'GET /api/v1/returners': () => json({ items: [], nextCursor: null }),
    ...extra,
  };
}

interface MountOptions {
  lang?: string;
  theme?: 'dark';
  token?: string;
  section?: string;
}

async function mount(server: Record<string, RouteHandler>, { lang = 'en', theme, token = 'hr-token', section }: MountOptions = {}) {
  const fake = fakeServer(server);
  const wrapper = await fixture<HTMLElement>(html`<okaeri-config base-url=${base} token=${token} lang=${lang} theme=${ifDefined(theme)} .fetch=${fake.fetch}>
    <okaeri-hr-console section=${ifDefined(section)} debounce="0"></okaeri-hr-console>
  </okaeri-config>`);
  const el = wrapper.querySelector<OkaeriHrConsole>('okaeri-hr-console')!;
  return { el, ...fake };
}

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');
const paths = (sent: SentRequest[]) => sent.map((request) => `${request.method} ${new URL(request.url).pathname}`);
const requestsTo = (sent: SentRequest[], path: string) => sent.filter((request) => new URL(request.url).pathname === path);
const overviewShown = (el: HTMLElement) => waitUntil(() => $(el, '.figures'), 'the overview renders');
const gridShown = (el: HTMLElement) => waitUntil(() => $(el, '[role=grid] [role=row][data-index]'), 'the members grid renders');
const focused = (el: HTMLElement) => root(el).activeElement as HTMLElement | null;
const figure = (el: HTMLElement, label: string) => $$(el, '.figure-link').find((link) => link.textContent!.includes(label))!;

describe('<okaeri-hr-console>', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  describe('access', () => {
    it('without a token shows the sign-in state and sends nothing (en and ja)', async () => {
      const { el, sent } = await mount(routes(), { token: '' });
      await waitUntil(() => $(el, '[part=auth-required]'));
      expect(text(el)).to.contain('Please sign in to administer the alumni program.');
      expect(requestsTo(sent, '/api/v1/hr/overview')).to.have.length(0);
      await expect(el).to.be.accessible();
      el.lang = 'ja';
      await el.updateComplete;
      expect(text(el)).to.contain('アルムナイ制度を管理するにはサインインしてください。');
    });

    it('any other role gets the no-permission state, without tabs or retry', async () => {
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/overview': () => problem(403) }), { lang: 'ja' });
      await waitUntil(() => $(el, '[part=forbidden]'));
      expect(text(el)).to.contain('アルムナイ制度の管理は人事担当者のみが行えます。');
      expect($(el, '[role=tablist]')).to.equal(null);
      expect($(el, 'button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a 401 is the sign-in state too', async () => {
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/overview': () => problem(401) }));
      await waitUntil(() => $(el, '[part=auth-required]'));
    });
  });

  describe('overview', () => {
    it('shows loading, then every number, the 12-month chart with its table, returners and announcements (en)', async () => {
      let release!: () => void;
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/overview': () => new Promise((resolve) => (release = () => resolve(json(hrOverview())))) }));
      await waitUntil(() => $(el, '[role=progressbar]'));
      await expect(el).to.be.accessible();
      release();
      await overviewShown(el);
      for (const label of ['All members', 'Active', 'Pending verification', 'Awaiting approval', 'Listed in the directory', 'Agreed to be contacted', 'Open to returning now', 'Within 6 months', 'Later', 'Not now', 'Not said']) {
        expect(figure(el, label), label).to.exist;
      }
      expect(figure(el, 'All members').textContent).to.contain('1,284');
      const rows = $$(el, '.chart table tbody tr');
      expect(rows).to.have.length(12);
      expect(rows[0]!.textContent).to.contain('January 2026').and.contain('4');
      expect($(el, '.chart .bars')!.getAttribute('aria-hidden')).to.equal('true');
      expect(text(el)).to.contain('佐藤 美咲').and.contain('4 of 11 checklist items done');
      expect(figure(el, 'Waiting for their returner’s approval').textContent).to.contain('1');
      await expect(el).to.be.accessible();
    });

    it('in Japanese and the dark theme, passes axe', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const { el } = await mount(routes(), { lang: 'ja', theme: 'dark' });
      await overviewShown(el);
      expect(text(el)).to.contain('全メンバー').and.contain('1,284').and.contain('今すぐ再入社を検討');
      expect($$(el, '.chart tbody th')[0]!.textContent).to.equal('2026年1月');
      await expect(el).to.be.accessible();
    });

    it('a failed load has a retry that loads it', async () => {
      let fail = true;
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/overview': () => (fail ? problem(500) : json(hrOverview())) }));
      await waitUntil(() => $(el, '[part=error-banner]'));
      expect(text(el)).to.contain('The server ran into a problem');
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '[part=error-banner] button')!.click();
      await overviewShown(el);
    });

    it('each number opens Members with its segment', async () => {
      const { el, sent } = await mount(routes());
      await overviewShown(el);
      figure(el, 'Pending verification').click();
      await gridShown(el);
      expect(el.section).to.equal('members');
      expect(el.getAttribute('section'), 'reflected for the host').to.equal('members');
      const query = new URL(requestsTo(sent, '/api/v1/hr/members').at(-1)!.url).searchParams;
      expect(query.getAll('status')).to.deep.equal(['pending']);
      expect($$(el, '[role=row][data-index] .cell.col-status').every((cell) => cell.textContent === 'Pending verification')).to.be.true;
      el.section = 'overview';
      await overviewShown(el);
      figure(el, 'Within 6 months').click();
      await waitUntil(() => new URL(requestsTo(sent, '/api/v1/hr/members').at(-1)!.url).searchParams.get('intent') === 'within-6-months');
      el.section = 'overview';
      await overviewShown(el);
      figure(el, 'Agreed to be contacted').click();
      await waitUntil(() => new URL(requestsTo(sent, '/api/v1/hr/members').at(-1)!.url).searchParams.get('contactable') === 'true');
      expect(new URL(requestsTo(sent, '/api/v1/hr/members').at(-1)!.url).searchParams.has('intent'), 'a new segment, not added to the last').to.be.false;
    });
  });

  describe('tabs', () => {
    it('are ARIA tabs moved by the keyboard; Approvals only when approval is on or someone waits', async () => {
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/overview': () => json(hrOverview({ approval: false, awaiting: 0 })) }));
      await overviewShown(el);
      const names = () => $$(el, '[role=tab]').map((tab) => tab.textContent!.trim());
      expect(names()).to.deep.equal(['Overview', 'Members', 'Returners', 'Announcements', 'Checklist template']);
      $(el, '#tab-overview')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.section).to.equal('members');
      expect(focused(el)?.id).to.equal('tab-members');
      expect($(el, '#tab-members')!.getAttribute('aria-selected')).to.equal('true');
      expect($(el, '[role=tabpanel]')!.getAttribute('aria-labelledby')).to.equal('tab-members');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(el.section).to.equal('template');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.section, 'wraps around').to.equal('overview');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(el.section).to.equal('overview');
      expect($$(el, '[role=tab]').filter((tab) => tab.tabIndex === 0)).to.have.length(1);
    });

    it('shows Approvals with the waiting count when approval is on', async () => {
      const { el } = await mount(routes());
      await overviewShown(el);
      expect($(el, '#tab-approvals')!.textContent).to.contain('Approvals').and.contain('3 waiting');
    });

    it('loads each section when its tab first opens: a loading state, then the section; a failed load has a retry', async () => {
      let fail = true;
      let release!: () => void;
      const arrived = new Promise<void>((resolve) => (release = resolve));
      const real = (OkaeriHrConsole as unknown as { sectionModules: Record<string, () => Promise<unknown>> }).sectionModules;
      class LazyConsole extends OkaeriHrConsole {
        static override sectionModules = {
          ...real,
          members: async () => {
            if (fail) throw new TypeError('Failed to fetch dynamically imported module');
            await arrived;
            return real.members!();
          },
        } as never;
      }
      customElements.define('okaeri-hr-console-lazy', LazyConsole);
      const fake = fakeServer(routes());
      const wrapper = await fixture<HTMLElement>(html`<okaeri-config base-url=${base} token="hr-token" .fetch=${fake.fetch}>
        <okaeri-hr-console-lazy></okaeri-hr-console-lazy>
      </okaeri-config>`);
      const el = wrapper.querySelector<OkaeriHrConsole>('okaeri-hr-console-lazy')!;
      await overviewShown(el);
      expect($(el, '[role=grid]'), 'nothing of Members before its tab opens').not.to.exist;

      el.section = 'members';
      await waitUntil(() => $(el, '[part=error-banner]'), 'a failed import is shown as a failure');
      expect($(el, '[part=panel] [part=error-banner]')!.textContent).to.contain('Something went wrong');
      await expect(el).to.be.accessible();

      fail = false;
      $(el, '[part=error-banner] button')!.click();
      await waitUntil(() => $(el, '[part=panel] .loading'), 'the retry shows the loading state');
      expect($(el, '[part=error-banner]')).not.to.exist;
      await expect(el).to.be.accessible();
      release();
      await gridShown(el);
      expect(text(el)).to.contain('30 members');
    });

    it('a host deep-links with the section attribute', async () => {
      const { el, sent } = await mount(routes(), { section: 'members' });
      await gridShown(el);
      expect($(el, '#tab-members')!.getAttribute('aria-selected')).to.equal('true');
      expect(paths(sent)).to.include('GET /api/v1/hr/members');
      el.setAttribute('section', 'nonsense');
      await el.updateComplete;
      await el.updateComplete;
      expect(el.section).to.equal('overview');
    });

    it('renders the returners, announcements and template sections with the console’s lang, theme and base URL', async () => {
      const { el } = await mount(routes());
      el.lang = 'ja';
      el.theme = 'dark';
      el.baseUrl = `${base}/alt`;
      for (const [section, tag] of [['returners', 'okaeri-hr-returners'], ['announcements', 'okaeri-hr-announcements'], ['template', 'okaeri-hr-template']] as const) {
        el.section = section;
        const child = await waitUntil(() => $(el, tag), `${tag} renders once its module has arrived`).then(() => $(el, tag)!);
        expect([child.getAttribute('lang'), child.getAttribute('theme'), child.getAttribute('base-url')]).to.deep.equal(['ja', 'dark', `${base}/alt`]);
      }
    });
  });

  describe('members', () => {
    it('is an ARIA grid, windowed over many members, paged by cursor as it scrolls', async () => {
      const { el, sent } = await mount(routes(2000), { section: 'members' });
      await gridShown(el);
      const grid = $(el, '[role=grid]')!;
      expect(grid.getAttribute('aria-rowcount'), 'unknown while more pages exist').to.equal('-1');
      expect($$(el, '[role=columnheader]').map((cell) => cell.textContent)).to.deep.equal(['Name', 'Status', 'Department', 'Left', 'Return intent', 'Contactable', 'Listed', 'Signed up']);
      const first = requestsTo(sent, '/api/v1/hr/members')[0]!;
      expect(new URL(first.url).searchParams.get('limit')).to.equal('50');
      expect(new URL(first.url).searchParams.get('sort')).to.equal('name');
      grid.scrollTop = grid.scrollHeight;
      await waitUntil(() => requestsTo(sent, '/api/v1/hr/members').length >= 2, 'the next page is asked for');
      expect(new URL(requestsTo(sent, '/api/v1/hr/members')[1]!.url).searchParams.get('cursor')).to.equal('50');
      await waitUntil(() => text(el).includes('100 members loaded'));
      expect($$(el, '[role=row][data-index]').length, 'only the rows near the viewport are in the DOM').to.be.below(60);
      await expect(el).to.be.accessible();
    });

    it('moves through cells with arrows, Home/End, Ctrl+End, Page keys; Enter opens the record, Escape closes it', async () => {
      const { el, sent } = await mount(routes(30, { 'GET /api/v1/hr/members/al_00001': () => json(hrMemberDetail(1)) }), { section: 'members' });
      await gridShown(el);
      const cell = () => focused(el);
      $(el, '[data-index="0"] [data-column="0"]')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => cell()?.dataset.column === '1');
      await sendKeys({ press: 'End' });
      await waitUntil(() => cell()?.dataset.column === '7');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => cell()?.dataset.column === '0');
      const withControl = async (key: string) => {
        await sendKeys({ down: 'Control' });
        await sendKeys({ press: key });
        await sendKeys({ up: 'Control' });
      };
      await withControl('End');
      await waitUntil(() => cell()?.closest<HTMLElement>('[data-index]')?.dataset.index === '29');
      expect(cell()?.dataset.column).to.equal('7');
      await withControl('Home');
      await waitUntil(() => cell()?.closest<HTMLElement>('[data-index]')?.dataset.index === '0');
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => Number(cell()?.closest<HTMLElement>('[data-index]')?.dataset.index) > 1);
      await sendKeys({ press: 'PageUp' });
      await waitUntil(() => cell()?.closest<HTMLElement>('[data-index]')?.dataset.index === '0');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => cell()?.closest<HTMLElement>('[data-index]')?.dataset.index === '1');
      expect($$(el, '[role=grid] [tabindex="0"]'), 'one tab stop').to.have.length(1);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el)?.id === 'detail-heading', 'focus moves to the record');
      expect(paths(sent)).to.include('GET /api/v1/hr/members/al_00001');
      const detail = $(el, '[part=detail]')!;
      expect(detail.textContent).to.contain('member1@example.net');
      const marked = $$(el, '[part=hidden-mark]').map((mark) => mark.closest('.detail-row')!.querySelector('dt')!.textContent);
      expect(marked).to.deep.equal(['Email', 'Location']);
      expect(detail.textContent).to.contain('Privacy policy 2026-04-01').and.contain('Contact: agreed').and.contain('hr.member.view by hr (hr_yamaguchi)');
      expect(detail.textContent).to.contain('Open to returning from March 2027').and.contain('Happy to refer people');
      const employeeNumber = $$(el, '.detail-row').find((row) => row.querySelector('dt')!.textContent === 'Employee number');
      expect(employeeNumber?.querySelector('dd')!.textContent!.trim(), 'the number given at signup, HR only').to.equal('E-10001');
      expect($(el, '[data-index="1"]')!.getAttribute('aria-selected')).to.equal('true');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !$(el, '[part=detail]'));
      await waitUntil(() => cell()?.closest<HTMLElement>('[data-index]')?.dataset.index === '1', 'focus is back on the row');
    });

    it('searches after the debounce, filters and sorts into the request; an empty segment offers to clear', async () => {
      const { el, sent } = await mount(routes(30), { section: 'members', lang: 'ja' });
      await gridShown(el);
      const input = $<HTMLInputElement>(el, '#m-q')!;
      input.focus();
      await sendKeys({ type: 'さとう' });
      await waitUntil(() => new URL(requestsTo(sent, '/api/v1/hr/members').at(-1)!.url).searchParams.get('q') === 'さとう');
      await waitUntil(() => $$(el, '[role=row][data-index]').every((row) => row.textContent!.includes('佐藤')));
      $(el, '[part=filters-toggle]')!.click();
      await el.updateComplete;
      const pending = $$<HTMLInputElement>(el, '#m-status input').find((box) => box.closest('label')!.textContent!.includes('メール確認待ち'))!;
      pending.click();
      const sort = $<HTMLSelectElement>(el, '#m-sort')!;
      sort.value = 'signedUp';
      sort.dispatchEvent(new Event('change'));
      await waitUntil(() => {
        const query = new URL(requestsTo(sent, '/api/v1/hr/members').at(-1)!.url).searchParams;
        return query.get('sort') === 'signedUp' && query.getAll('status').join() === 'pending' && query.get('q') === 'さとう' && query.get('lang') === 'ja';
      });
      input.value = 'nobody-matches';
      input.dispatchEvent(new Event('input'));
      await waitUntil(() => $(el, '[part=empty]'));
      expect(text(el)).to.contain('この条件に当てはまるメンバーはいません。');
      await expect(el).to.be.accessible();
      $(el, '[part=empty] button')!.click();
      await gridShown(el);
      expect(new URL(requestsTo(sent, '/api/v1/hr/members').at(-1)!.url).search).to.equal('?sort=signedUp&lang=ja&limit=50');
    });

    it('in Japanese and the dark theme, the grid, its record and the export pass axe', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/members/al_00003': () => json(hrMemberDetail(3)) }), { section: 'members', lang: 'ja', theme: 'dark' });
      await gridShown(el);
      expect($$(el, '[role=columnheader]').map((cell) => cell.textContent)).to.deep.equal(['氏名', '状態', '部署', '退職', '再入社の意向', '連絡可', '掲載', '登録日']);
      $(el, '[data-index="3"] .cell.col-name')!.click();
      await waitUntil(() => $(el, '#detail-heading'));
      expect($(el, '[part=detail]')!.textContent).to.contain('名簿では非公開').and.contain('プライバシーポリシー 2026-04-01');
      await expect(el).to.be.accessible();
    });

    it('a declined member’s record says when and the reason HR recorded', async () => {
      const declined = hrMemberDetail(9);
      declined.member = { ...declined.member, status: 'declined', listed: false, decidedAt: '2026-11-30T02:00:00.000Z', declineReason: 'No employment record' };
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/members/al_00009': () => json(declined) }), { section: 'members' });
      await gridShown(el);
      $(el, '[data-index="9"] .cell.col-name')!.click();
      await waitUntil(() => $(el, '#detail-heading'));
      const detail = $(el, '[part=detail]')!.textContent!.replace(/\s+/g, ' ');
      expect(detail).to.contain('Status Declined').and.contain('Declined on Nov 30, 2026').and.contain('Reason recorded when declining No employment record');
      expect($$(el, '[part=detail] button').map((button) => button.textContent!.trim()), 'no approve, decline or register for a declined member').to.deep.equal(['Close the details']);
    });

    it('an empty program and a failed search (with retry) are their own states', async () => {
      let fail = true;
      const { el } = await mount(routes(0, { 'GET /api/v1/hr/members': (sent) => (fail ? problem(503) : json(hrMemberPage(0, new URL(sent.url)))) }), { section: 'members' });
      await waitUntil(() => $(el, '[part=error-banner]'));
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '[part=error-banner] button')!.click();
      await waitUntil(() => $(el, '[part=empty]'));
      expect(text(el)).to.contain('No one has joined the program yet.');
    });

    it('“Register as returner” opens the returners section with the member', async () => {
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/members/al_00000': () => json(hrMemberDetail(0)) }), { section: 'members' });
      await gridShown(el);
      $(el, '[data-index="0"] .cell.col-name')!.click();
      await waitUntil(() => $(el, '#detail-heading'));
      const register = $$(el, '[part=detail] button').find((button) => button.textContent!.includes('Register as returner'))!;
      register.click();
      await waitUntil(() => $(el, 'okaeri-hr-returners')?.shadowRoot?.querySelector('[part~=register-form]'), 'the register form opens');
      expect(el.section).to.equal('returners');
      const form = $(el, 'okaeri-hr-returners')!.shadowRoot!.querySelector('[part~=register-form]')!;
      expect(form.textContent, 'with the member chosen').to.contain(formatPersonName(hrMember(0), 'en'));
    });
  });

  describe('export', () => {
    it('downloads the current segment for outreach by default, with a localized file name, and says what outreach holds', async () => {
      const csv = '\uFEFF"氏名"\r\n"佐藤 美咲"\r\n';
      const { el, sent } = await mount(routes(30, { 'GET /api/v1/hr/members/export.csv': () => new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }) }), { section: 'members', lang: 'ja' });
      await gridShown(el);
      expect($(el, '[part=export]')!.textContent).to.contain('絞り込みにかかわらず、連絡に同意したメンバーのみを含みます。');
      const pressed = oneEvent(el, 'okaeri-hr-export') as Promise<HrExportEvent>;
      el.addEventListener('okaeri-hr-export', (event) => event.preventDefault(), { once: true });
      $$(el, '[part=export] button').at(-1)!.click();
      const event = await pressed;
      const query = new URL(requestsTo(sent, '/api/v1/hr/members/export.csv')[0]!.url).searchParams;
      expect(query.get('purpose')).to.equal('outreach');
      expect(query.get('lang')).to.equal('ja');
      expect(event.detail.purpose).to.equal('outreach');
      expect(event.detail.fileName).to.match(/^アルムナイ_連絡用_\d{4}-\d{2}-\d{2}\.csv$/);
      expect(new Uint8Array(await event.detail.file.arrayBuffer()).slice(0, 3)).to.deep.equal(new Uint8Array([0xef, 0xbb, 0xbf]));
      await expect(el).to.be.accessible();
    });

    it('exports the filtered segment for records; a refusal is shown next to the choice', async () => {
      let refuse = false;
      const { el, sent } = await mount(routes(30, { 'GET /api/v1/hr/members/export.csv': () => (refuse ? problem(500) : new Response('x', { headers: { 'Content-Type': 'text/csv' } })) }), { section: 'members' });
      await gridShown(el);
      $(el, '[part=filters-toggle]')!.click();
      await el.updateComplete;
      const listed = $<HTMLSelectElement>(el, '#m-listed')!;
      listed.value = 'false';
      listed.dispatchEvent(new Event('change'));
      $<HTMLInputElement>(el, 'input[value=records]')!.click();
      el.addEventListener('okaeri-hr-export', (event) => event.preventDefault());
      const heard = oneEvent(el, 'okaeri-hr-export') as Promise<HrExportEvent>;
      $$(el, '[part=export] button').at(-1)!.click();
      expect((await heard).detail.fileName).to.match(/^alumni-records-/);
      const query = new URL(requestsTo(sent, '/api/v1/hr/members/export.csv')[0]!.url).searchParams;
      expect([query.get('purpose'), query.get('listed')]).to.deep.equal(['records', 'false']);
      refuse = true;
      $$(el, '[part=export] button').at(-1)!.click();
      await waitUntil(() => $(el, '#export-purpose-error'));
      expect($(el, '#export-purpose-error')!.textContent).to.contain('The server ran into a problem');
    });
  });

  describe('approvals', () => {
    const waiting = [hrMember(4), hrMember(9), hrMember(14)];
    const queue = (sent: SentRequest) =>
      json(new URL(sent.url).searchParams.get('status') === 'awaiting-approval' ? { items: waiting, nextCursor: null } : hrMemberPage(30, new URL(sent.url)));
    const decided = (i: number, status: string) => json({ ...hrMemberDetail(i), member: { ...hrMemberDetail(i).member, status } });

    it('approves by keyboard at once, with an Idempotency-Key, and fires the event', async () => {
      let answer!: () => void;
      const { el, sent } = await mount(
        routes(30, {
          'GET /api/v1/hr/members': queue,
          'POST /api/v1/hr/members/al_00004/approve': () => new Promise((resolve) => (answer = () => resolve(decided(4, 'active')))),
        }),
        { section: 'approvals' },
      );
      await waitUntil(() => $$(el, '[part~=queue-item]').length === 3);
      expect(new URL(requestsTo(sent, '/api/v1/hr/members')[0]!.url).searchParams.get('sort')).to.equal('signedUp');
      await expect(el).to.be.accessible();
      const approve = $<HTMLButtonElement>(el, '#q-al_00004 button[aria-label^=Approve]')!;
      expect(approve.getAttribute('aria-label'), 'each approve names its person').to.equal(`Approve ${formatPersonName(hrMember(4), 'en')}`);
      approve.focus();
      const heard = oneEvent(el, 'okaeri-hr-member-approve') as Promise<HrMemberApproveEvent>;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $$(el, '[part~=queue-item]').length === 2, 'gone from the queue before the server answers');
      answer();
      expect((await heard).detail.member.status).to.equal('active');
      const post = requestsTo(sent, '/api/v1/hr/members/al_00004/approve')[0]!;
      expect(post.method).to.equal('POST');
      expect(post.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      await waitUntil(() => text(el).includes('was approved.'));
      expect(requestsTo(sent, '/api/v1/hr/overview').length, 'the counts are read again').to.be.at.least(2);
    });

    it('declines with an optional reason; a refusal puts the person back with why', async () => {
      let refuse = true;
      const { el, sent } = await mount(
        routes(30, {
          'GET /api/v1/hr/members': queue,
          'POST /api/v1/hr/members/al_00009/decline': () => (refuse ? problem(409, { code: 'not_awaiting_approval' }) : decided(9, 'declined')),
        }),
        { section: 'approvals', lang: 'ja' },
      );
      await waitUntil(() => $$(el, '[part~=queue-item]').length === 3);
      $(el, '#q-al_00009 button[aria-label*=承認しない]')!.click();
      await waitUntil(() => focused(el)?.id === 'reason-al_00009', 'focus goes to the reason');
      await sendKeys({ type: '在籍記録なし' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '#q-al_00009 .row-error'));
      expect($(el, '#q-al_00009 .row-error')!.textContent).to.contain('この方はすでに承認待ちではありません');
      expect($$(el, '[part~=queue-item]')).to.have.length(3);
      expect(requestsTo(sent, '/api/v1/hr/members/al_00009/decline').map((request) => request.body), 'a conflict is not retried').to.deep.equal([{ reason: '在籍記録なし' }]);
      await expect(el).to.be.accessible();
      refuse = false;
      $(el, '#q-al_00009 button[aria-label*=承認しない]')!.click();
      await el.updateComplete;
      const heard = oneEvent(el, 'okaeri-hr-member-decline') as Promise<HrMemberDeclineEvent>;
      $<HTMLFormElement>(el, '#q-al_00009 form')!.requestSubmit();
      const event = await heard;
      expect(event.detail.member.status).to.equal('declined');
      expect(event.detail.reason).to.equal(undefined);
      expect(requestsTo(sent, '/api/v1/hr/members/al_00009/decline')[1]!.body).to.deep.equal({});
      expect($$(el, '[part~=queue-item]')).to.have.length(2);
    });

    it('“Decline” in a record asks for the reason in the queue', async () => {
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/members': queue, 'GET /api/v1/hr/members/al_00004': () => json(hrMemberDetail(4)) }), { section: 'members' });
      await gridShown(el);
      $(el, '[data-index="4"] .cell.col-name')!.click();
      await waitUntil(() => $(el, '#detail-heading'));
      $$(el, '[part=detail] button').find((button) => button.textContent!.trim() === 'Decline')!.click();
      await waitUntil(() => focused(el)?.id === 'reason-al_00004', 'focus is in the reason');
      expect(el.section).to.equal('approvals');
    });

    it('a queue that fails to load has a retry; a record that is gone says so without one', async () => {
      let fail = true;
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/members': (sent) => (fail ? problem(503) : queue(sent)) }), { section: 'approvals' });
      await waitUntil(() => $(el, '.approvals [part=error-banner]'));
      await expect(el).to.be.accessible();
      fail = false;
      $(el, '.approvals [part=error-banner] button')!.click();
      await waitUntil(() => $$(el, '[part~=queue-item]').length === 3);
      el.section = 'members';
      await gridShown(el);
      $(el, '[data-index="0"] .cell.col-name')!.click();
      await waitUntil(() => $(el, '[part=detail] [part=error-banner]'));
      expect($(el, '[part=detail]')!.textContent).to.contain('We couldn’t find what you were looking for.');
      expect($(el, '[part=detail] [part=error-banner] button'), 'a 404 has no retry').to.equal(null);
      expect(focused(el)?.getAttribute('part')).to.equal('detail');
    });

    it('an empty queue says so', async () => {
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/members': () => json({ items: [], nextCursor: null }) }), { section: 'approvals' });
      await waitUntil(() => $(el, '.approvals [part=empty]'));
      expect(text(el)).to.contain('No signup is waiting for approval.');
      await expect(el).to.be.accessible();
    });

    it('imports a pasted leaver list as text/csv and shows what was approved and what to review', async () => {
      const answer = {
        rows: 3,
        approved: [{ row: 2, memberId: 'al_00004', name: '伊藤 美咲' }],
        review: [
          { row: 3, memberId: null, reason: 'no_match' },
          { row: 4, memberId: 'al_00009', reason: 'ambiguous', detail: '2 signups' },
        ],
      };
      const { el, sent } = await mount(routes(30, { 'GET /api/v1/hr/members': queue, 'POST /api/v1/hr/leavers': () => json(answer) }), { section: 'approvals' });
      await waitUntil(() => $(el, '#leavers-text'));
      $$(el, '[part=leavers] button').at(-1)!.click();
      await waitUntil(() => $(el, '#leavers-text-error'));
      expect($(el, '#leavers-text-error')!.textContent).to.equal('Choose a file or paste the list.');
      expect(focused(el)?.id).to.equal('leavers-text');
      // A textarea's value has LF line ends whatever was pasted; the server reads both.
      const csv = 'name,email,employeeNumber,department,leftOn\n伊藤 美咲,misaki@example.net,,sales,2024-03\n';
      const area = $<HTMLTextAreaElement>(el, '#leavers-text')!;
      area.value = csv;
      area.dispatchEvent(new Event('input'));
      $$(el, '[part=leavers] button').at(-1)!.click();
      await waitUntil(() => $(el, '[part=leaver-result]'));
      const post = requestsTo(sent, '/api/v1/hr/leavers')[0]!;
      expect(post.headers.get('Content-Type')).to.equal('text/csv; charset=utf-8');
      expect(post.headers.get('Idempotency-Key')).to.exist;
      expect(await (post.body as Blob).text()).to.equal(csv);
      const result = $(el, '[part=leaver-result]')!;
      expect(result.textContent).to.contain('3 rows read: 1 approved, 2 to review.').and.contain('Row 2: 伊藤 美咲');
      expect([...result.querySelectorAll('tbody tr')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        '3 No signup No signup matches',
        '4 al_00009 More than one signup matches (2 signups)',
      ]);
      expect(focused(el)).to.equal(result);
      await expect(el).to.be.accessible();
    });

    it('reads a chosen CSV file (over pasted text), in Japanese and the dark theme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const answer = { rows: 1, approved: [], review: [{ row: 2, memberId: null, reason: 'invalid_row', detail: 'leftOn' }] };
      const { el, sent } = await mount(routes(30, { 'GET /api/v1/hr/members': queue, 'POST /api/v1/hr/leavers': () => json(answer) }), { section: 'approvals', lang: 'ja', theme: 'dark' });
      await waitUntil(() => $$(el, '[part~=queue-item]').length === 3);
      const csv = '\uFEFFname,email,employeeNumber,department,leftOn\r\n"Ito, Kenta",kenta@example.net,E-1,sales,2024/03\r\n';
      const files = new DataTransfer();
      files.items.add(new File([csv], 'leavers.csv', { type: 'text/csv' }));
      const input = $<HTMLInputElement>(el, '#leavers-file')!;
      input.files = files.files;
      const area = $<HTMLTextAreaElement>(el, '#leavers-text')!;
      area.value = 'pasted,but,not,sent';
      area.dispatchEvent(new Event('input'));
      $$(el, '[part=leavers] button').at(-1)!.click();
      await waitUntil(() => $(el, '[part=leaver-result]'));
      expect(await (requestsTo(sent, '/api/v1/hr/leavers')[0]!.body as Blob).text(), 'the file as it is (CRLF and quotes kept; reading it as text drops only the BOM)').to.equal(csv.slice(1));
      expect($(el, '[part=leaver-result]')!.textContent).to.contain('1行を読み込みました：承認 0件、要確認 1件。').and.contain('行の内容が不足しているか正しくありません');
      await expect(el).to.be.accessible();
    });

    it('a file too large for the server is said next to the field', async () => {
      const { el } = await mount(routes(30, { 'GET /api/v1/hr/members': queue, 'POST /api/v1/hr/leavers': () => problem(413) }), { section: 'approvals' });
      await waitUntil(() => $(el, '#leavers-text'));
      const area = $<HTMLTextAreaElement>(el, '#leavers-text')!;
      area.value = 'name,email,employeeNumber,department,leftOn\n';
      area.dispatchEvent(new Event('input'));
      $$(el, '[part=leavers] button').at(-1)!.click();
      await waitUntil(() => $(el, '#leavers-text-error'));
      expect($(el, '#leavers-text-error')!.textContent).to.equal('The file is too large. Split it into smaller files.');
    });
  });
});
