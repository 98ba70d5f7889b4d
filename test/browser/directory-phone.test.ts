import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/config/config.js';
import '../../components/directory/directory.js';
import type { OkaeriDirectory } from '../../components/directory/directory.component.js';
import type { Member, Meta } from '../../src/api/types.js';
import { json } from './support.js';

/*
 * <okaeri-directory> on a phone (390 px wide): the actions under the text, no word broken inside a
 * card, the filters behind a button that counts the active ones, and the list scrolling with the
 * page (page-scroll) with a bounded DOM and keyboard navigation.
 */

const base = 'https://alumni.example.test';
const meta = {
  programName: { en: 'Alumni', ja: 'アルムナイ' },
  departments: [{ id: 'sales', name: { en: 'Sales', ja: '営業' } }],
  interests: [{ id: 'mentoring', label: { en: 'Mentoring', ja: 'メンタリング' } }],
  privacyPolicy: { url: 'https://example.test/privacy', version: '2025-04' },
  locales: ['ja', 'en'],
} as Meta;

const members: Member[] = [
  {
    id: 'al_anderson', familyName: 'Anderson', givenName: 'Christopher', currentCompany: 'Northwestern Mutual Holdings',
    currentRole: 'Principal Infrastructure Engineer', department: 'sales', joined: '2018-04', left: '2020-03',
    roleAtLeaving: 'Senior Engineer', location: 'Minneapolis', contactable: true, profileUrl: 'https://example.com/a',
  },
  {
    id: 'al_suzuki', familyName: '鈴木', givenName: '一郎', familyNameKana: 'すずき', givenNameKana: 'いちろう',
    department: 'sales', joined: '2017-04', left: '2017-12', currentCompany: '株式会社青葉ソリューションズ', contactable: true,
  },
];

const many = (from: number, count: number): Member[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `al_${from + i}`, familyName: `Person${from + i}`, givenName: 'Test', currentCompany: `Company ${from + i}`, contactable: true,
  }));

function server(alumni: (url: URL) => Response) {
  const sent: URL[] = [];
  const fetch = async (input: string) => {
    const url = new URL(input);
    if (url.pathname === '/api/v1/meta') return json(meta);
    sent.push(url);
    return alumni(url);
  };
  return { fetch, sent };
}

async function mount(fake: ReturnType<typeof server>, { lang = 'en', pageScroll = false } = {}) {
  fixtureCleanup();
  const wrapper = await fixture(html`<okaeri-config base-url=${base} token="t0ken" lang=${lang} theme="light" .fetch=${fake.fetch}>
    <okaeri-directory ?page-scroll=${pageScroll} debounce="0"></okaeri-directory>
  </okaeri-config>`);
  const el = wrapper.querySelector('okaeri-directory') as OkaeriDirectory;
  const root = el.shadowRoot!;
  await waitUntil(() => root.querySelector('.results [role=listitem], .empty'), 'the directory settles');
  await el.updateComplete;
  return { el, root };
}

/** Latin words (and digit runs) in the card whose letters are split over two lines. */
function brokenWords(card: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const textValue = node.textContent ?? '';
    for (const match of textValue.matchAll(/[A-Za-z0-9]+(?:[〜–-][0-9]+年?)?/g)) {
      const range = document.createRange();
      range.setStart(node, match.index!);
      range.setEnd(node, match.index! + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}

describe('<okaeri-directory> on a phone (390 px)', () => {
  before(() => setViewport({ width: 390, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'ja'] as const) {
    it(`puts the actions under the text and breaks no word inside a card (${lang}), accessibly`, async () => {
      const { el, root } = await mount(server(() => json({ items: members, nextCursor: null })), { lang });
      for (const card of root.querySelectorAll('.card')) {
        const body = card.querySelector('.body')!.getBoundingClientRect();
        const actions = card.querySelector('.actions')!.getBoundingClientRect();
        expect(actions.top).to.be.at.least(body.bottom - 1, 'the action is below the text');
        expect(body.width).to.be.greaterThan(250, 'the text keeps the width of the card');
        expect(brokenWords(card)).to.deep.equal([]);
      }
      const tenure = root.querySelector('[data-index="1"] .tenure')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(tenure).to.equal(lang === 'ja' ? '営業・2017年' : 'Sales, 2017', 'a one-year tenure names the year once');
      await expect(el).to.be.accessible();
    });
  }

  it('collapses the filters behind a button that counts the active ones', async () => {
    const fake = server(() => json({ items: members, nextCursor: null }));
    const { el, root } = await mount(fake);
    const toggle = root.querySelector<HTMLButtonElement>('.filters-toggle')!;
    const filters = root.querySelector<HTMLElement>('.filters')!;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(getComputedStyle(filters).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent!.trim()).to.equal('Filters');
    toggle.click();
    await el.updateComplete;
    expect(getComputedStyle(filters).display).to.not.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // An inverted range: corrected in the fields, and counted once.
    for (const [id, year] of [['leftFrom', '2020'], ['leftTo', '2010']] as const) {
      const field = root.querySelector<HTMLInputElement>(`#${id}`)!;
      field.value = year;
      field.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    await waitUntil(() => fake.sent.at(-1)!.searchParams.has('leftTo'));
    expect([root.querySelector<HTMLInputElement>('#leftFrom')!.value, root.querySelector<HTMLInputElement>('#leftTo')!.value]).to.deep.equal(['2010', '2020']);
    expect([fake.sent.at(-1)!.searchParams.get('leftFrom'), fake.sent.at(-1)!.searchParams.get('leftTo')]).to.deep.equal(['2010', '2020']);
    root.querySelector<HTMLInputElement>('input[value=mentoring]')!.click();
    await el.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Filters (2 active)');
    await waitUntil(() => root.querySelector('.window[aria-busy="false"]'), 'the search settles');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(getComputedStyle(filters).display).to.equal('none');
  });

  it('scrolls with the page (page-scroll): no inner scroll box, bounded DOM, keyboard moves the page', async () => {
    const fake = server((url) => {
      const from = Number(url.searchParams.get('cursor') ?? 0);
      return json({ items: many(from, 30), nextCursor: from + 30 < 3000 ? String(from + 30) : null });
    });
    const { el, root } = await mount(fake, { pageScroll: true });
    const results = root.querySelector<HTMLElement>('.results')!;
    expect(getComputedStyle(results).overflowY).to.equal('visible');
    expect(results.scrollHeight).to.equal(results.clientHeight, 'the list has no scroll box of its own');
    // Scroll the page until a few hundred results are loaded.
    for (let step = 0; step < 200 && (el as unknown as { items: unknown[] }).items.length < 600; step++) {
      window.scrollBy(0, 3000);
      await new Promise((done) => requestAnimationFrame(done));
      await el.updateComplete;
    }
    expect((el as unknown as { items: unknown[] }).items.length).to.be.at.least(600);
    expect(root.querySelectorAll('[role=listitem]').length).to.be.below(60, 'the DOM stays bounded');
    const first = Number(root.querySelector<HTMLElement>('[data-index]')!.dataset.index);
    expect(first).to.be.greaterThan(0, 'items scrolled past are not rendered');

    // Keyboard: End then Home move focus and the page.
    window.scrollTo(0, 0);
    await new Promise((done) => requestAnimationFrame(done));
    await el.updateComplete;
    root.querySelector<HTMLElement>('[data-index="0"] .name')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => root.activeElement?.closest('[data-index]')?.getAttribute('data-index') === '1');
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => Number(root.activeElement?.closest('[data-index]')?.getAttribute('data-index')) > 1);
    const focused = root.activeElement!.getBoundingClientRect();
    expect(focused.top).to.be.at.least(0);
    expect(focused.bottom).to.be.at.most(window.innerHeight + 1, 'the focused item is in the viewport');
    window.scrollTo(0, 0);
  });
});
