import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../components/config/config.js';
import '../../components/directory/directory.js';
import type { OkaeriDirectory } from '../../components/directory/directory.component.js';
import type { Member, Meta } from '../../src/api/types.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import type { DirectoryContactEvent } from '../../src/events/directory-contact.js';
import type { DirectorySelectEvent } from '../../src/events/directory-select.js';
import { json } from './support.js';

const base = 'https://alumni.example.test';

const meta: Meta = {
  programName: { en: 'Alumni', ja: 'アルムナイ' },
  departments: [
    { id: 'sales', name: { en: 'Sales', ja: '営業' } },
    { id: 'engineering', name: { en: 'Engineering', ja: 'エンジニアリング' } },
  ],
  interests: [
    { id: 'rehire', label: { en: 'Open to returning', ja: '復職に関心' } },
    { id: 'mentoring', label: { en: 'Mentoring', ja: 'メンタリング' } },
  ],
  privacyPolicy: { url: 'https://example.test/privacy', version: '2025-04' },
  locales: ['ja', 'en'],
} as Meta;

const suzuki: Member = {
  id: 'al_suzuki',
  familyName: '鈴木',
  givenName: '一郎',
  familyNameKana: 'すずき',
  givenNameKana: 'いちろう',
  department: 'sales',
  joined: '2012-04',
  left: '2019-03',
  currentCompany: '株式会社青葉',
  currentRole: '営業部長',
  interests: ['rehire', 'mentoring'],
  contactable: true,
};
const emily: Member = { id: 'al_emily', familyName: 'Clark', givenName: 'Emily', currentCompany: 'Crescent Health', contactable: false };
const sato: Member = { id: 'al_sato', familyName: '佐藤', givenName: '美咲', left: '2020-06', contactable: true };

const people = (prefix: string, count: number, start = 0): Member[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}_${start + i}`,
    familyName: `Person${start + i}`,
    givenName: 'Test',
    currentCompany: `Company ${start + i}`,
    contactable: i % 2 === 0,
  }));

interface Sent {
  url: URL;
  signal?: AbortSignal | null;
  headers: Headers;
}

type Handler = (sent: Sent) => Response | Promise<Response>;

/** A fake server: meta, and the alumni list answered by `alumni`; records every request. */
function server(alumni: Handler, { metaStatus = 200 }: { metaStatus?: number } = {}) {
  const sent: Sent[] = [];
  const fetch = sinon.fake(async (url: string, init: RequestInit = {}) => {
    const request: Sent = { url: new URL(url), signal: init.signal, headers: new Headers(init.headers) };
    const path = request.url.pathname;
    if (path === '/api/v1/meta') return json(meta, { status: metaStatus });
    sent.push(request);
    if (path === '/api/v1/alumni') return alumni(request);
    return json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

const pageOf = (items: Member[], nextCursor: string | null = null): Handler => () => json({ items, nextCursor });

interface MountOptions {
  lang?: 'en' | 'ja';
  theme?: 'light' | 'dark';
  token?: string | null;
  layout?: 'cards' | 'list';
  syncUrl?: boolean;
  pageSize?: number;
  debounce?: number;
  settle?: boolean;
}

async function mount(fake: ReturnType<typeof server>, { lang = 'en', theme, token = 't0ken', layout, syncUrl, pageSize, debounce, settle = true }: MountOptions = {}) {
  // One directory on the page at a time: the windowed list renders only what is in the viewport.
  fixtureCleanup();
  const wrapper = await fixture(html`<okaeri-config base-url=${base} token=${ifDefined(token ?? undefined)} lang=${lang} theme=${ifDefined(theme)} .fetch=${fake.fetch}>
    <okaeri-directory layout=${ifDefined(layout)} ?sync-url=${syncUrl} page-size=${ifDefined(pageSize)} debounce=${ifDefined(debounce)}></okaeri-directory>
  </okaeri-config>`);
  const el = wrapper.querySelector('okaeri-directory') as OkaeriDirectory;
  const root = el.shadowRoot!;
  if (settle) await waitUntil(() => root.querySelector('.results [role=listitem], .empty, .error-banner, slot[name=auth-required]'), 'the directory settles');
  await el.updateComplete;
  return { el, root, sent: fake.sent };
}

const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const names = (root: ShadowRoot) => [...root.querySelectorAll('.name')].map(text);
const input = (root: ShadowRoot, id: string) => root.querySelector<HTMLInputElement>(`#${id}`)!;
const status = (root: ShadowRoot) => text(root.querySelector('[part=live-region]'));
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function type(root: ShadowRoot, id: string, value: string) {
  const field = input(root, id);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<okaeri-directory>', () => {
  afterEach(() => {
    sinon.restore();
    history.replaceState(null, '', location.pathname);
  });

  describe('results', () => {
    it('lists the first page with the fields the server returned, in cards', async () => {
      const { root, sent } = await mount(server(pageOf([suzuki, emily])));
      expect(sent).to.have.length(1);
      expect(sent[0]!.url.searchParams.get('limit')).to.equal('30');
      expect(sent[0]!.url.searchParams.get('lang')).to.equal('en', 'ordered for the reader');
      expect(sent[0]!.url.searchParams.has('q')).to.equal(false);
      expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer t0ken');
      expect(names(root)).to.deep.equal(['鈴木 一郎', 'Emily Clark']);
      const first = root.querySelector('[data-index="0"]')!;
      expect(text(first.querySelector('.work'))).to.equal('株式会社青葉 · 営業部長');
      expect(text(first.querySelector('.tenure'))).to.equal('Sales, 2012–2019');
      expect([...first.querySelectorAll('.badge')].map(text)).to.deep.equal(['Open to returning', 'Mentoring']);
      expect(first.getAttribute('aria-posinset')).to.equal('1');
      expect(first.getAttribute('aria-setsize')).to.equal('2');
      const second = root.querySelector('[data-index="1"]')!;
      expect(second.querySelector('.tenure, .badges, .contact, .location')).to.equal(null, 'hidden fields are not rendered');
      await waitUntil(() => status(root) === '2 results');
    });

    for (const [lang, theme] of [['en', 'light'], ['ja', 'light'], ['en', 'dark'], ['ja', 'dark']] as const) {
      it(`is accessible with results in ${lang}, ${theme}, cards and list`, async () => {
        for (const layout of ['cards', 'list'] as const) {
          const { el, root } = await mount(server(pageOf([suzuki, emily, sato], 'next')), { lang, theme, layout });
          if (lang === 'ja') {
            expect(text(root.querySelector('[data-index="0"] .tenure'))).to.equal('営業・2012〜2019年');
            expect(text(root.querySelector('.status'))).to.contain('3件を表示しています');
          }
          await expect(el).to.be.accessible();
        }
      });
    }

    it('shows skeletons while the first page loads, accessibly', async () => {
      const fake = server(() => new Promise<Response>(() => undefined));
      const { el, root } = await mount(fake, { settle: false });
      await waitUntil(() => root.querySelector('.skeleton'));
      expect(root.querySelector('[role=progressbar]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('search', () => {
    it('debounces typing, sends the Japanese query and aborts the superseded request', async () => {
      let answer: ((response: Response) => void) | undefined;
      const fake = server((sent) => {
        const q = sent.url.searchParams.get('q');
        if (q === '鈴') return new Promise<Response>((resolve) => (answer = resolve));
        return json({ items: q === '鈴木' ? [suzuki] : [suzuki, emily, sato], nextCursor: null });
      });
      const { root, sent } = await mount(fake, { lang: 'ja', debounce: 200 });
      expect(sent).to.have.length(1);

      await type(root, 'q', 'す');
      await type(root, 'q', '鈴');
      await tick(100);
      expect(sent).to.have.length(1, 'nothing is sent while typing');
      await waitUntil(() => sent.length === 2);
      expect(sent[1]!.url.searchParams.get('q')).to.equal('鈴', 'only the last value after the pause');

      await type(root, 'q', '鈴木');
      await waitUntil(() => sent.length === 3);
      expect(sent[1]!.signal?.aborted).to.equal(true, 'the superseded request was aborted');
      expect(sent[2]!.url.searchParams.get('q')).to.equal('鈴木');
      await waitUntil(() => names(root).length === 1);
      expect(names(root)).to.deep.equal(['鈴木 一郎']);
      answer?.(json({ items: [emily], nextCursor: null }));
      await tick(20);
      expect(names(root)).to.deep.equal(['鈴木 一郎'], 'a late answer to an old query changes nothing');
      await waitUntil(() => status(root) === '1件の結果');
    });

    it('searches two characters at once, and waits longer on a first character alone', async () => {
      const { root, sent } = await mount(server(pageOf([suzuki])), { debounce: 0 });
      await type(root, 'q', 's');
      await tick(120);
      expect(sent).to.have.length(1, 'one character waits (it would match most of the directory)');
      await type(root, 'q', 'sa');
      await waitUntil(() => sent.length === 2, 'two characters go out without waiting', { timeout: 100 });
      expect(sent[1]!.url.searchParams.get('q')).to.equal('sa');
      await type(root, 'q', 'sa t');
      await tick(120);
      expect(sent).to.have.length(2, 'the first character of a new word waits too');
      await waitUntil(() => sent.length === 3, 'and then goes out', { timeout: 600 });
    });

    it('shows an empty state that suggests what to change, accessibly in en and ja, light and dark', async () => {
      for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
        const fake = server((sent) => json({ items: sent.url.searchParams.get('q') ? [] : [suzuki], nextCursor: null }));
        const { el, root } = await mount(fake, { lang, theme, debounce: 0 });
        await type(root, 'q', 'zzz');
        await waitUntil(() => root.querySelector('.empty'));
        expect(text(root.querySelector('.empty'))).to.contain(lang === 'en' ? 'Try fewer or shorter words' : 'ふりがなやローマ字');
        await waitUntil(() => status(root) !== '');
        await expect(el).to.be.accessible();
        // The empty state's clear button starts over.
        [...root.querySelectorAll<HTMLButtonElement>('.empty button')][0]!.click();
        await waitUntil(() => names(root).length === 1);
        expect(input(root, 'q').value).to.equal('');
      }
    });
  });

  describe('filters', () => {
    it('combines the filters with the query and clears them all', async () => {
      const fake = server(pageOf([suzuki]));
      const { el, root, sent } = await mount(fake, { debounce: 0 });
      await waitUntil(() => root.querySelectorAll('#department option').length === 3, 'departments from meta');

      const department = root.querySelector<HTMLSelectElement>('#department')!;
      department.value = 'sales';
      department.dispatchEvent(new Event('change'));
      await waitUntil(() => sent.length === 2);
      root.querySelector<HTMLInputElement>('input[type=checkbox][value=mentoring]')!.click();
      await waitUntil(() => sent.length === 3);
      await type(root, 'location', '東京');
      await waitUntil(() => sent.length === 4);
      for (const [id, year] of [['leftFrom', '2019'], ['leftTo', '2015']] as const) {
        input(root, id).value = year;
        input(root, id).dispatchEvent(new Event('change'));
        await waitUntil(() => sent.at(-1)!.url.searchParams.has(id));
      }
      await type(root, 'q', 'さとう');
      await waitUntil(() => sent.at(-1)!.url.searchParams.has('q'));
      const params = sent.at(-1)!.url.searchParams;
      expect(params.getAll('department')).to.deep.equal(['sales']);
      expect(params.getAll('interest')).to.deep.equal(['mentoring']);
      expect(params.get('location')).to.equal('東京');
      expect([params.get('leftFrom'), params.get('leftTo')]).to.deep.equal(['2015', '2019'], 'a reversed range is put in order');
      expect([input(root, 'leftFrom').value, input(root, 'leftTo').value]).to.deep.equal(['2015', '2019'], 'and so are the fields');
      expect(params.get('q')).to.equal('さとう');
      await expect(el).to.be.accessible();

      const clear = [...root.querySelectorAll<HTMLButtonElement>('.clear button')][0]!;
      const before = sent.length;
      clear.click();
      await waitUntil(() => sent.length === before + 1);
      expect([...sent.at(-1)!.url.searchParams.keys()]).to.deep.equal(['limit', 'lang']);
      await el.updateComplete;
      expect(input(root, 'q').value).to.equal('');
      expect(input(root, 'location').value).to.equal('');
      expect(department.value).to.equal('');
      expect(root.querySelector<HTMLInputElement>('input[value=mentoring]')!.checked).to.equal(false);
      expect(root.activeElement).to.equal(input(root, 'q'), 'focus goes back to the search box');
    });
  });

  describe('open to returning', () => {
    for (const lang of ['en', 'ja'] as const) {
      it(`filters by the return intent windows, in their own order, counted once (${lang})`, async () => {
        const fake = server(pageOf([{ ...suzuki, returnIntent: { intent: 'open-now', contractWork: false, referrals: false } }]));
        const { el, root, sent } = await mount(fake, { debounce: 0, lang });
        expect(text(root.querySelector('[part~=intent]'))).to.equal(lang === 'en' ? 'Open to returning' : '復職に関心あり', 'the card says it as before');
        const group = root.querySelector('fieldset#intent')!;
        const labels = lang === 'en' ? ['Open to returning', 'Now', 'Within 6 months', 'Later'] : ['復職に関心', '今すぐ', '6か月以内', 'それ以降'];
        expect(text(group.querySelector('legend'))).to.equal(labels[0]);
        expect([...group.querySelectorAll('label.check')].map(text)).to.deep.equal(labels.slice(1));
        expect(group.getAttribute('aria-describedby')).to.equal('intent-hint');

        const box = (value: string) => group.querySelector<HTMLInputElement>(`input[type=checkbox][value=${value}]`)!;
        box('within-6-months').click();
        await waitUntil(() => sent.length === 2);
        expect(sent.at(-1)!.url.searchParams.getAll('intent')).to.deep.equal(['within-6-months']);
        box('open-now').click();
        await waitUntil(() => sent.length === 3);
        expect(sent.at(-1)!.url.searchParams.getAll('intent')).to.deep.equal(['open-now', 'within-6-months']);
        expect(text(root.querySelector('.filters-toggle'))).to.equal(lang === 'en' ? 'Filters (1 active)' : '絞り込み（1件）');
        await expect(el).to.be.accessible();

        box('open-now').click();
        await el.updateComplete;
        box('within-6-months').click();
        await waitUntil(() => !sent.at(-1)!.url.searchParams.has('intent'));
        expect(box('open-now').checked || box('within-6-months').checked).to.equal(false);
      });
    }

    it('keeps the windows in the page URL with sync-url and restores them, ignoring unknown ones', async () => {
      history.replaceState(null, '', `${location.pathname}?okaeri-intent=later&okaeri-intent=not-now`);
      const { root, sent } = await mount(server(pageOf([suzuki])), { syncUrl: true, debounce: 0 });
      expect(sent[0]!.url.searchParams.getAll('intent')).to.deep.equal(['later']);
      const box = (value: string) => root.querySelector<HTMLInputElement>(`#intent input[value=${value}]`)!;
      expect(box('later').checked).to.equal(true);
      box('open-now').click();
      await waitUntil(() => new URLSearchParams(location.search).getAll('okaeri-intent').length === 2);
      expect(new URLSearchParams(location.search).getAll('okaeri-intent')).to.deep.equal(['later', 'open-now']);
      root.querySelector<HTMLButtonElement>('.clear button')!.click();
      await waitUntil(() => !new URLSearchParams(location.search).has('okaeri-intent'));
      expect(box('later').checked).to.equal(false);
    });
  });

  describe('errors and sign-in', () => {
    it('shows a localized error with retry, accessibly', async () => {
      for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
        let fail = true;
        const fake = server(() => (fail ? json({ type: 'about:blank', title: 'Boom', status: 500 }, { status: 500 }) : json({ items: [suzuki], nextCursor: null })));
        const { el, root, sent } = await mount(fake, { lang, theme });
        expect(root.querySelector('.error-banner')).to.exist;
        expect(text(root.querySelector('.error-banner'))).not.to.contain('Boom');
        await expect(el).to.be.accessible();
        fail = false;
        root.querySelector<HTMLButtonElement>('.error-banner button')!.click();
        await waitUntil(() => names(root).length === 1);
        expect(sent).to.have.length(2);
      }
    });

    it('without a token asks to sign in, fires okaeri-auth-required once and sends nothing', async () => {
      const fake = server(pageOf([suzuki]));
      const spy = sinon.spy();
      document.addEventListener('okaeri-auth-required', spy);
      try {
        for (const [lang, theme] of [['en', 'light'], ['ja', 'dark']] as const) {
          spy.resetHistory();
          const { el, root } = await mount(fake, { token: null, lang, theme });
          expect(text(root.querySelector('.auth-required'))).to.equal(lang === 'en' ? 'Please sign in to see the alumni directory.' : 'アルムナイ名簿をご覧になるにはサインインしてください。');
          expect(root.querySelector('.search')).to.equal(null);
          el.requestUpdate();
          await el.updateComplete;
          await tick(20);
          expect(spy.callCount).to.equal(1);
          expect((spy.firstCall.args[0] as AuthRequiredEvent).detail).to.deep.equal({ reason: 'missing-token' });
          await expect(el).to.be.accessible();
        }
        expect(fake.sent).to.have.length(0);
      } finally {
        document.removeEventListener('okaeri-auth-required', spy);
      }
    });

    it('on a 401 shows the auth-required slot (never a raw error) and fires once per transition', async () => {
      let status = 401;
      const fake = server(() => (status === 401 ? json({ type: 'about:blank', title: 'Token expired', status: 401 }, { status: 401 }) : json({ items: [suzuki], nextCursor: null })));
      const wrapper = await fixture(html`<okaeri-config base-url=${base} token="old" .fetch=${fake.fetch}>
        <okaeri-directory><a slot="auth-required" href="/login">Sign in with SSO</a></okaeri-directory>
      </okaeri-config>`);
      const el = wrapper.querySelector('okaeri-directory')!;
      const spy = sinon.spy();
      el.addEventListener('okaeri-auth-required', spy);
      const event = (await oneEvent(el, 'okaeri-auth-required')) as AuthRequiredEvent;
      expect(event.detail.reason).to.equal('unauthorized');
      spy.resetHistory();
      await el.updateComplete;
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=auth-required]')!;
      expect(slot.assignedElements().map(text)).to.deep.equal(['Sign in with SSO']);
      expect(text(el.shadowRoot!)).not.to.contain('Token expired');
      await expect(el).to.be.accessible();

      // A fresh token: results come back, and a later expiry fires again (a new transition).
      status = 200;
      wrapper.setAttribute('token', 'new');
      await waitUntil(() => names(el.shadowRoot!).length === 1);
      expect(spy.callCount).to.equal(0);
      status = 401;
      wrapper.setAttribute('token', 'expired');
      await waitUntil(() => spy.callCount === 1);
      await tick(20);
      expect(spy.callCount).to.equal(1);
    });
  });

  describe('paging', () => {
    it('requests the next page with the cursor, drops duplicates and says when the end is reached', async () => {
      const fake = server((sent) =>
        sent.url.searchParams.get('cursor') === 'c2'
          ? json({ items: [emily, sato], nextCursor: null })
          : json({ items: [suzuki, emily], nextCursor: 'c2' }),
      );
      const { root, sent } = await mount(fake);
      // Two people do not fill the window, so the next page loads by itself.
      await waitUntil(() => sent.length === 2);
      expect(sent[1]!.url.searchParams.get('cursor')).to.equal('c2');
      expect(sent[1]!.url.searchParams.get('limit')).to.equal('30');
      await waitUntil(() => names(root).length === 3);
      expect(names(root)).to.deep.equal(['鈴木 一郎', 'Emily Clark', '佐藤 美咲']);
      expect(root.querySelector('[data-index="2"]')!.getAttribute('aria-setsize')).to.equal('3');
      expect(root.querySelector('.more')).to.equal(null);
      await waitUntil(() => status(root) === '3 results');
      expect(sent).to.have.length(2);
    });

    it('keeps the DOM bounded after loading 5,000 results, and offers "load more" to keyboard users', async () => {
      const fake = server((sent) => {
        const page = Number(sent.url.searchParams.get('cursor') ?? 0);
        return json({ items: people('al', 1000, page * 1000), nextCursor: page < 4 ? String(page + 1) : null });
      });
      const { el, root, sent } = await mount(fake, { pageSize: 100 });
      for (let page = 1; page < 5; page++) {
        await waitUntil(() => root.querySelector('.more button:not([aria-disabled])'), 'load more is offered');
        root.querySelector<HTMLButtonElement>('.more button')!.click();
        await waitUntil(() => sent.length === page + 1);
        await waitUntil(() => text(root.querySelector('.status')).startsWith(`${page + 1},000`));
      }
      expect(sent.map((s) => s.url.searchParams.get('cursor'))).to.deep.equal([null, '1', '2', '3', '4']);
      expect(root.querySelector('.more')).to.equal(null);
      expect(text(root.querySelector('.status'))).to.equal('5,000 results');
      const rendered = root.querySelectorAll('[role=listitem]').length;
      expect(rendered).to.be.greaterThan(0).and.lessThan(100);
      expect(root.querySelectorAll('*').length).to.be.lessThan(2000);

      // Scroll through everything: the DOM stays bounded (no markers or nodes left behind).
      const list = root.querySelector<HTMLElement>('.results')!;
      for (let step = 1; step <= 40; step++) {
        list.scrollTop = (list.scrollHeight * step) / 40;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      let nodes = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) nodes++;
      expect(nodes).to.be.lessThan(1000, 'no nodes left behind by the items that scrolled past');
      list.scrollTop = list.scrollHeight;
      await waitUntil(() => root.querySelector('[data-index="4999"]'), 'the last item renders');
      expect(root.querySelectorAll('[role=listitem]').length).to.be.lessThan(100);
      expect(root.querySelector('[data-index="4999"]')!.getAttribute('aria-posinset')).to.equal('5000');
      await expect(el).to.be.accessible();
    });
  });

  describe('selection and contact', () => {
    it('fires okaeri-directory-select with the member on click, and contact only where allowed', async () => {
      const { el, root } = await mount(server(pageOf([suzuki, emily])));
      const selected = oneEvent(el, 'okaeri-directory-select') as Promise<DirectorySelectEvent>;
      root.querySelector<HTMLElement>('[data-index="1"] .work')!.click();
      const event = await selected;
      expect(event.detail).to.deep.equal(emily);
      expect(event.composed && event.bubbles).to.equal(true);

      expect(root.querySelector('[data-index="1"] .contact')).to.equal(null, 'not contactable: no contact action');
      const contact = root.querySelector<HTMLButtonElement>('[data-index="0"] .contact')!;
      expect(contact.getAttribute('aria-label')).to.equal('Contact 鈴木 一郎');
      const select = sinon.spy();
      el.addEventListener('okaeri-directory-select', select);
      const contacted = oneEvent(el, 'okaeri-directory-contact') as Promise<DirectoryContactEvent>;
      contact.click();
      expect((await contacted).detail).to.deep.equal(suzuki);
      expect(select.callCount).to.equal(0, 'contact does not also select');
      expect(text(root)).not.to.contain('@', 'no e-mail address is shown');
    });

    it('moves through results with the keyboard (one tab stop) and selects with Enter', async () => {
      const { el, root } = await mount(server(pageOf(people('al', 60))));
      const tabbable = () => [...root.querySelectorAll('.results [tabindex="0"]')].map((node) => node.closest('[role=listitem]')!.getAttribute('data-index'));
      expect(new Set(tabbable())).to.deep.equal(new Set(['0']), 'only the first result is in the tab order');
      root.querySelector<HTMLButtonElement>('[data-index="0"] .name')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => root.activeElement?.closest('[role=listitem]')?.getAttribute('data-index') === '1');
      await sendKeys({ press: 'End' });
      await waitUntil(() => root.activeElement?.closest('[role=listitem]')?.getAttribute('data-index') === '59', 'End reaches the last loaded result');
      await tick(300);
      expect(root.activeElement?.closest('[role=listitem]')?.getAttribute('data-index')).to.equal('59', 'focus stays on the person as the window settles');
      expect(root.querySelectorAll('[role=listitem]').length).to.be.lessThan(60);
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => root.activeElement?.closest('[role=listitem]')?.getAttribute('data-index') === '58');
      const selected = oneEvent(el, 'okaeri-directory-select') as Promise<DirectorySelectEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.id).to.equal('al_58');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => root.activeElement?.closest('[role=listitem]')?.getAttribute('data-index') === '0');
    });
  });

  describe('sync-url', () => {
    it('restores the query and filters from the page URL and keeps them there', async () => {
      history.replaceState(null, '', `${location.pathname}?page=1&okaeri-q=${encodeURIComponent('鈴木')}&okaeri-interest=rehire&okaeri-left-from=2015`);
      const { root, sent } = await mount(server(pageOf([suzuki])), { syncUrl: true, debounce: 0 });
      const first = sent[0]!.url.searchParams;
      expect(first.get('q')).to.equal('鈴木');
      expect(first.getAll('interest')).to.deep.equal(['rehire']);
      expect(first.get('leftFrom')).to.equal('2015');
      expect(input(root, 'q').value).to.equal('鈴木');

      await type(root, 'q', 'さとう');
      await waitUntil(() => new URLSearchParams(location.search).get('okaeri-q') === 'さとう');
      const params = new URLSearchParams(location.search);
      expect(params.get('page')).to.equal('1', "the host's own parameters stay");
      expect(params.getAll('okaeri-interest')).to.deep.equal(['rehire']);
    });

    it('leaves the URL alone without sync-url', async () => {
      history.replaceState(null, '', `${location.pathname}?okaeri-q=x`);
      const { root, sent } = await mount(server(pageOf([suzuki])), { debounce: 0 });
      expect(sent[0]!.url.searchParams.has('q')).to.equal(false);
      await type(root, 'q', 'abc');
      await waitUntil(() => sent.length === 2);
      expect(location.search).to.equal('?okaeri-q=x');
    });
  });
});
