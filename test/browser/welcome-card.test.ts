import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../components/config/config.js';
import '../../components/welcome-card/welcome-card.js';
import type { OkaeriWelcomeCard } from '../../components/welcome-card/welcome-card.component.js';
import type { Announcement } from '../../src/api/types.js';
import type { WelcomeOpenEvent } from '../../src/events/welcome-open.js';
import type { WelcomeReactEvent } from '../../src/events/welcome-react.js';
import { json, fakeServer, type RouteHandler } from './support.js';

const base = 'https://alumni.example.test';

function announcement(overrides: Partial<Announcement> & { id: string }, returner: Partial<Announcement['returner']> = {}): Announcement {
  return {
    kind: 'welcome-back',
    status: 'published',
    createdAt: '2025-03-20T00:00:00.000Z',
    publishedAt: '2025-03-31T00:00:00.000Z',
    message: '佐藤 美咲さんがプロダクト部門に戻ってきました！\nおかえりなさい！',
    whileAway: '株式会社青葉ソリューションズでプロダクト責任者を務めました。',
    askMeAbout: ['SaaSの価格設計', 'ユーザーインタビュー'],
    reactions: { count: 2, mine: false },
    viewer: { isReturner: false, canApprove: false, canReact: true },
    ...overrides,
    returner: {
      id: `rt_${overrides.id}`,
      familyName: '佐藤',
      givenName: '美咲',
      photoUrl: null,
      newRole: 'Senior Product Manager',
      newTeam: 'Payments',
      returnDate: '2025-04-01',
      previousTenure: { joined: '2014-04', left: '2019-03', department: { en: 'Product', ja: 'プロダクト' } },
      ...returner,
    },
  };
}

const misaki = announcement({ id: 'an_1' });
const daniel = announcement(
  { id: 'an_2', message: 'Please welcome back Daniel!', whileAway: 'Built a support team.', askMeAbout: ['Support'] },
  { familyName: 'Brooks', givenName: 'Daniel', newRole: 'Head of CS', newTeam: 'APAC', previousTenure: { joined: '2013-06', left: '2017-11', department: null } },
);
const aya = announcement({ id: 'an_3', askMeAbout: [] }, { familyName: '高橋', givenName: '彩' });


const listing = (items: Announcement[]): Record<string, RouteHandler> => ({
  'GET /api/v1/announcements': () => json({ items, nextCursor: null }),
});

interface MountOptions {
  lang?: 'en' | 'ja';
  theme?: 'light' | 'dark';
  routes?: Record<string, RouteHandler>;
  fake?: ReturnType<typeof fakeServer>;
  id?: string;
  limit?: number;
  layout?: 'list' | 'carousel';
  interval?: number;
  compact?: boolean;
}

async function mount({ lang = 'en', theme, routes = listing([misaki, daniel]), fake = fakeServer(routes), id, limit, layout, interval, compact }: MountOptions = {}) {
  const wrapper = await fixture(html`<okaeri-config base-url=${base} token="t0ken" lang=${lang} theme=${ifDefined(theme)} .fetch=${fake.fetch}>
    <okaeri-welcome-card
      announcement-id=${ifDefined(id)}
      limit=${ifDefined(limit)}
      layout=${ifDefined(layout)}
      interval=${ifDefined(interval)}
      ?compact=${compact}
    ><p slot="empty" data-empty hidden>No one returned recently.</p></okaeri-welcome-card>
  </okaeri-config>`);
  const el = wrapper.querySelector('okaeri-welcome-card') as OkaeriWelcomeCard;
  await waitUntil(() => el.shadowRoot!.querySelector('.card, .error-banner, slot[name=empty]'), 'the card settles');
  await el.updateComplete;
  return { el, sent: fake.sent, root: el.shadowRoot! };
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cards = (root: ShadowRoot) => [...root.querySelectorAll('.card')];
const reactButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('.react')!;
const count = (root: ShadowRoot) => text(root.querySelector('.count'));
const buttonNamed = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll('button')].find((button) => text(button) === name)!;

describe('<okaeri-welcome-card>', () => {
  afterEach(async () => {
    sinon.restore();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('list', () => {
    it('asks for the latest `limit` welcome-back announcements with the token, and shows each returner', async () => {
      const { el, sent, root } = await mount({ limit: 2 });
      expect(sent).to.have.length(1);
      expect(sent[0]!.url).to.equal(`${base}/api/v1/announcements?kind=welcome-back&limit=2`);
      expect(sent[0]!.method).to.equal('GET');
      expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer t0ken');
      expect(cards(root)).to.have.length(2);
      const first = cards(root)[0]!;
      expect(text(first.querySelector('h3'))).to.equal('Welcome back, 佐藤 美咲');
      expect(text(first.querySelector('.role'))).to.equal('Senior Product Manager · Payments');
      expect(text(first.querySelector('.meta'))).to.equal('Back since April 1, 2025 Previously with us 2014–2019, Product');
      expect(first.querySelector('.message')!.textContent).to.equal(misaki.message, 'the message is shown verbatim');
      expect(text(first.querySelector('.while-away'))).to.contain('While away');
      expect([...first.querySelectorAll('.topic')].map(text)).to.deep.equal(['SaaSの価格設計', 'ユーザーインタビュー']);
      expect(text(cards(root)[1]!.querySelector('.meta'))).to.contain('Previously with us 2013–2017');
      expect(text(cards(root)[1]!.querySelector('h3'))).to.equal('Welcome back, Daniel Brooks');
      expect(count(root)).to.equal('2 welcomes');
      expect(root.querySelector('.reactors'), 'colleagues do not see who reacted').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('addresses the returner with さん in Japanese, in light and dark', async () => {
      for (const theme of ['light', 'dark'] as const) {
        const { el, root } = await mount({ lang: 'ja', theme });
        expect(text(root.querySelector('h3'))).to.equal('おかえりなさい、佐藤 美咲さん');
        expect(text(cards(root)[1]!.querySelector('h3'))).to.equal('おかえりなさい、Daniel Brooksさん');
        expect(text(root.querySelector('.meta'))).to.equal('2025年4月1日に復帰しました 前回の在籍：2014〜2019年（プロダクト）');
        expect(text(reactButton(root))).to.equal('おかえりなさい');
        await expect(el).to.be.accessible();
      }
    });

    it('never renders the returner’s text as markup', async () => {
      const hostile = announcement({ id: 'an_x', message: '<img src=x onerror=alert(1)>', askMeAbout: ['<b>bold</b>'] });
      const { root } = await mount({ routes: listing([hostile]) });
      expect(root.querySelector('.message')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(root.querySelector('.message img')).to.equal(null);
      expect(root.querySelector('.topic b')).to.equal(null);
    });

    it('counts the return from the viewer’s own calendar day: in Tokyo at 8:30 a.m. the UTC date is still yesterday', async () => {
      await executeServerCommand('emulate-timezone', { timezoneId: 'Asia/Tokyo' });
      try {
        // 2027-04-01T23:30Z is 08:30 on 2 April in Tokyo: a returner starting on 2 April is back.
        sinon.useFakeTimers({ now: new Date('2027-04-01T23:30:00Z'), toFake: ['Date'] });
        const firstDay = announcement({ id: 'an_t' }, { returnDate: '2027-04-02' });
        const { root } = await mount({ routes: listing([firstDay]) });
        expect(text(root.querySelector('.meta'))).to.match(/^Back since April 2, 2027/);
      } finally {
        await executeServerCommand('emulate-timezone', { timezoneId: null });
      }
    });

    it('says "returning on" for a return date still ahead', async () => {
      const future = announcement({ id: 'an_f' }, { returnDate: '2999-01-04' });
      const { root } = await mount({ routes: listing([future]) });
      expect(text(root.querySelector('.meta'))).to.match(/^Returning on January 4, 2999/);
    });

    it('fires okaeri-welcome-open when a card’s name is selected', async () => {
      const { el, root } = await mount();
      const opened = oneEvent(el, 'okaeri-welcome-open') as Promise<WelcomeOpenEvent>;
      cards(root)[1]!.querySelector<HTMLButtonElement>('.open')!.click();
      expect((await opened).detail).to.deep.equal({ announcementId: 'an_2' });
    });
  });

  describe('single', () => {
    it('loads only `announcement-id`', async () => {
      const { el, sent, root } = await mount({ id: 'an_2', routes: { 'GET /api/v1/announcements/an_2': () => json(daniel) } });
      expect(sent.map((request) => request.url)).to.deep.equal([`${base}/api/v1/announcements/an_2`]);
      expect(cards(root)).to.have.length(1);
      expect(text(root.querySelector('h3'))).to.equal('Welcome back, Daniel Brooks');
      await expect(el).to.be.accessible();
    });

    it('shows the empty state for an announcement the viewer may not see (404)', async () => {
      const { el, root } = await mount({ id: 'an_draft', routes: {} });
      expect(cards(root)).to.have.length(0);
      expect(el.matches(':state(empty)')).to.equal(true);
    });
  });

  describe('empty and error', () => {
    it('renders nothing visible when no one returned recently, or the `empty` slot', async () => {
      const { el } = await mount({ routes: listing([]) });
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
      await expect(el).to.be.accessible();
      const note = el.querySelector<HTMLElement>('[data-empty]')!;
      note.hidden = false;
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(note.assignedSlot?.name).to.equal('empty');
    });

    for (const lang of ['en', 'ja'] as const) {
      it(`reports a failed load in ${lang} and retries on request`, async () => {
        let fail = true;
        const { el, root, sent } = await mount({
          lang,
          theme: 'dark',
          routes: {
            'GET /api/v1/announcements': () =>
              fail ? json({ type: 'about:blank', title: 'Boom', status: 500 }, { status: 500 }) : json({ items: [misaki], nextCursor: null }),
          },
        });
        const banner = root.querySelector('.error-banner')!;
        expect(banner.getAttribute('role')).to.equal('alert');
        expect(text(banner)).to.contain(lang === 'en' ? 'The server ran into a problem' : 'サーバー');
        await expect(el).to.be.accessible();
        fail = false;
        const attempts = sent.length;
        banner.querySelector('button')!.click();
        await waitUntil(() => cards(root).length === 1, 'the retry shows the card');
        expect(sent.length).to.equal(attempts + 1);
      });
    }
  });

  describe('reactions', () => {
    it('toggles optimistically with aria-pressed, sends PUT then DELETE, and reports each saved change', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const { el, root, sent } = await mount({
        routes: {
          ...listing([misaki]),
          'PUT /api/v1/announcements/an_1/reactions/me': async () => {
            await held;
            return json({ count: 3, mine: true });
          },
          'DELETE /api/v1/announcements/an_1/reactions/me': () => json({ count: 2, mine: false }),
        },
      });
      expect(reactButton(root).getAttribute('aria-pressed')).to.equal('false');
      const reacted = oneEvent(el, 'okaeri-welcome-react') as Promise<WelcomeReactEvent>;
      reactButton(root).click();
      await el.updateComplete;
      expect(reactButton(root).getAttribute('aria-pressed'), 'pressed before the server answers').to.equal('true');
      expect(count(root)).to.equal('3 welcomes');
      expect(reactButton(root).getAttribute('aria-disabled')).to.equal('true');
      reactButton(root).click(); // ignored while the first is in flight
      release();
      expect((await reacted).detail).to.deep.equal({ announcementId: 'an_1', reacted: true });
      await el.updateComplete;
      const put = sent.filter((request) => request.method === 'PUT');
      expect(put).to.have.length(1);
      expect(put[0]!.url).to.equal(`${base}/api/v1/announcements/an_1/reactions/me`);
      expect(put[0]!.headers.get('Authorization')).to.equal('Bearer t0ken');
      await expect(el).to.be.accessible();

      const undone = oneEvent(el, 'okaeri-welcome-react') as Promise<WelcomeReactEvent>;
      reactButton(root).click();
      expect((await undone).detail).to.deep.equal({ announcementId: 'an_1', reacted: false });
      await el.updateComplete;
      expect(sent.at(-1)!.method).to.equal('DELETE');
      expect(reactButton(root).getAttribute('aria-pressed')).to.equal('false');
      expect(count(root)).to.equal('2 welcomes');
    });

    it('rolls back and says so when the server refuses', async () => {
      const { el, root } = await mount({
        routes: {
          ...listing([misaki]),
          'PUT /api/v1/announcements/an_1/reactions/me': () => json({ type: 'about:blank', title: 'Boom', status: 500 }, { status: 500 }),
        },
      });
      const events = sinon.spy();
      el.addEventListener('okaeri-welcome-react', events);
      reactButton(root).click();
      await el.updateComplete;
      expect(count(root)).to.equal('3 welcomes');
      await waitUntil(() => text(root.querySelector('[role=status]')).includes('couldn’t be saved'), 'the failure is announced');
      expect(reactButton(root).getAttribute('aria-pressed')).to.equal('false');
      expect(count(root)).to.equal('2 welcomes');
      expect(events.called).to.equal(false);
    });

    it('shows the returner who welcomed them, without a button to react to themself', async () => {
      const own = announcement({
        id: 'an_1',
        viewer: { isReturner: true, canApprove: false, canReact: false },
        reactions: { count: 2, mine: false, reactors: [{ familyName: '中村', givenName: '健一' }, { familyName: 'Clark', givenName: 'Emily' }] },
      });
      for (const lang of ['en', 'ja'] as const) {
        const { el, root } = await mount({ lang, routes: listing([own]) });
        expect(root.querySelector('.react')).to.equal(null);
        expect(text(root.querySelector('.reactors'))).to.equal(
          lang === 'en' ? 'Welcomed by 中村 健一 and Emily Clark' : 'おかえりを伝えた人：中村 健一、Emily Clark',
        );
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('carousel', () => {
    const three = () => listing([misaki, daniel, aya]);
    const heading = (root: ShadowRoot) => text(root.querySelector('.slide h3'));

    it('shows one slide at a time with previous/next buttons and arrow keys', async () => {
      const { el, root } = await mount({ layout: 'carousel', routes: three() });
      const region = root.querySelector('.carousel')!;
      expect(region.getAttribute('aria-roledescription')).to.equal('carousel');
      expect(cards(root)).to.have.length(1);
      expect(root.querySelector('.slide')!.getAttribute('aria-label')).to.equal('1 of 3');
      buttonNamed(root, 'Next').click();
      await el.updateComplete;
      expect(heading(root)).to.equal('Welcome back, Daniel Brooks');
      buttonNamed(root, 'Previous').click();
      await el.updateComplete;
      buttonNamed(root, 'Previous').click();
      await el.updateComplete;
      expect(heading(root)).to.equal('Welcome back, 高橋 彩', 'previous wraps around');
      buttonNamed(root, 'Next').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(heading(root)).to.equal('Welcome back, 佐藤 美咲');
      expect(root.querySelector('[aria-live]')!.getAttribute('aria-live'), 'focus pauses, so changes are announced').to.equal('polite');
      await expect(el).to.be.accessible();
    });

    it('advances every `interval`, pauses on hover and focus, and can be stopped', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const { el, root } = await mount({ layout: 'carousel', interval: 2000, routes: three() });
      expect(root.querySelector('[aria-live]')!.getAttribute('aria-live')).to.equal('off');
      clock.tick(2000);
      await el.updateComplete;
      expect(heading(root)).to.equal('Welcome back, Daniel Brooks');

      const region = root.querySelector('.carousel')!;
      region.dispatchEvent(new MouseEvent('mouseenter'));
      await el.updateComplete;
      clock.tick(6000);
      await el.updateComplete;
      expect(heading(root), 'hover pauses').to.equal('Welcome back, Daniel Brooks');
      region.dispatchEvent(new MouseEvent('mouseleave'));
      await el.updateComplete;
      clock.tick(2000);
      await el.updateComplete;
      expect(heading(root)).to.equal('Welcome back, 高橋 彩');

      buttonNamed(root, 'Next').focus();
      await el.updateComplete;
      clock.tick(6000);
      await el.updateComplete;
      expect(heading(root), 'focus pauses').to.equal('Welcome back, 高橋 彩');
      buttonNamed(root, 'Next').blur();
      await el.updateComplete;

      buttonNamed(root, 'Stop rotating').click();
      await el.updateComplete;
      clock.tick(6000);
      await el.updateComplete;
      expect(heading(root), 'stopped').to.equal('Welcome back, 高橋 彩');
      expect(buttonNamed(root, 'Rotate automatically')).to.exist;
    });

    it('does not advance by itself under prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const { el, root } = await mount({ layout: 'carousel', interval: 1000, lang: 'ja', theme: 'dark', routes: three() });
      clock.tick(10_000);
      await el.updateComplete;
      expect(heading(root)).to.equal('おかえりなさい、佐藤 美咲さん');
      expect(buttonNamed(root, '自動で切り替える')).to.exist;
      expect(root.querySelector('.slide')!.getAttribute('aria-label')).to.equal('3件中1件目');
      await expect(el).to.be.accessible();
    });
  });

  describe('compact', () => {
    it('fits a 280 px sidebar without "while away"', async () => {
      const { el, root } = await mount({ compact: true });
      el.style.inlineSize = '280px';
      await el.updateComplete;
      expect(getComputedStyle(root.querySelector('.while-away')!).display).to.equal('none');
      const card = cards(root)[0]!;
      expect(card.getBoundingClientRect().width).to.be.at.most(280);
      expect(card.scrollWidth).to.be.at.most(card.clientWidth + 1, 'nothing overflows');
      await expect(el).to.be.accessible();
    });
  });

  describe('drafts', () => {
    const draftFor = (viewer: Announcement['viewer']) =>
      announcement({ id: 'an_d', status: 'draft', publishedAt: null, reactions: { count: 0, mine: false, reactors: [] }, viewer });

    for (const lang of ['en', 'ja'] as const) {
      it(`lets the returner edit and approve their draft (${lang})`, async () => {
        const draft = draftFor({ isReturner: true, canApprove: true, canReact: false });
        const { el, root, sent } = await mount({
          lang,
          theme: lang === 'ja' ? 'dark' : 'light',
          routes: {
            ...listing([draft]),
            'POST /api/v1/announcements/an_d/approve': ({ body }) =>
              json({ ...draft, ...(body as object), status: 'published', publishedAt: '2025-04-01T00:00:00.000Z', viewer: { ...draft.viewer, canApprove: false } }),
          },
        });
        expect(text(root.querySelector('.draft-note'))).to.contain(lang === 'en' ? 'once you approve it' : 'あなたが承認すると');
        expect(root.querySelector('.react')).to.equal(null);
        await expect(el).to.be.accessible();
        buttonNamed(root, lang === 'en' ? 'Edit the text' : '文章を編集する').click();
        await el.updateComplete;
        const [message, whileAway, topics] = [...root.querySelectorAll('textarea')];
        expect(message!.value).to.equal(draft.message);
        expect(topics!.value, 'one topic per line').to.equal('SaaSの価格設計\nユーザーインタビュー');
        expect(text(root.querySelector(`label[for="${topics!.id}"]`))).to.equal(lang === 'en' ? 'Ask me about' : 'こんな話ができます');
        expect(text(root.getElementById(topics!.getAttribute('aria-describedby')!))).to.contain(lang === 'en' ? 'One topic per line' : '1行に1つずつ');
        message!.value = 'ただいま戻りました。';
        topics!.value = '  採用  \n\nKubernetes\n';
        await expect(el).to.be.accessible();
        buttonNamed(root, lang === 'en' ? 'Approve and publish' : '承認して公開する').click();
        await waitUntil(() => !root.querySelector('.draft'), 'the card is published');
        const post = sent.find((request) => request.method === 'POST')!;
        expect(post.url).to.equal(`${base}/api/v1/announcements/an_d/approve`);
        expect(post.body, 'topics are trimmed and empty lines dropped').to.deep.equal({
          message: 'ただいま戻りました。',
          whileAway: whileAway!.value,
          askMeAbout: ['採用', 'Kubernetes'],
        });
        expect(root.querySelector('.message')!.textContent).to.equal('ただいま戻りました。');
        expect([...root.querySelectorAll('.topic')].map(text), 'the edited topics are shown').to.deep.equal(['採用', 'Kubernetes']);
        await waitUntil(() => text(root.querySelector('[role=status]')) !== '', 'publication is announced');
      });
    }

    for (const lang of ['en', 'ja'] as const) {
      it(`keeps the topics within 5 × 50 characters with a message next to the field (${lang})`, async () => {
        const draft = draftFor({ isReturner: true, canApprove: true, canReact: false });
        const { el, root, sent } = await mount({
          lang,
          routes: {
            ...listing([draft]),
            'POST /api/v1/announcements/an_d/approve': ({ body }) =>
              json({ ...draft, ...(body as object), status: 'published', viewer: { ...draft.viewer, canApprove: false } }),
          },
        });
        const approve = () => buttonNamed(root, lang === 'en' ? 'Approve and publish' : '承認して公開する').click();
        buttonNamed(root, lang === 'en' ? 'Edit the text' : '文章を編集する').click();
        await el.updateComplete;
        const topics = root.querySelector<HTMLTextAreaElement>('textarea[name=askMeAbout]')!;
        const error = () => root.getElementById(`${topics.id}-error`);

        topics.value = ['一', '二', '三', '四', '五', '', '六'].join('\n');
        approve();
        await el.updateComplete;
        expect(sent.filter((request) => request.method === 'POST'), 'nothing is sent').to.have.length(0);
        expect(text(error())).to.equal(lang === 'en' ? 'Please enter at most 5 topics (there are 6).' : '話題は5件までにしてください（現在6件あります）。');
        expect(topics.getAttribute('aria-invalid')).to.equal('true');
        expect(topics.getAttribute('aria-describedby')!.split(' ')).to.include(error()!.id);
        expect(root.activeElement).to.equal(topics);

        topics.value = `一\n${'あ'.repeat(51)}`;
        topics.dispatchEvent(new InputEvent('input'));
        await el.updateComplete;
        expect(text(error()), 'the message follows the typing').to.equal(
          lang === 'en' ? 'Line 2 is too long: each topic can have at most 50 characters.' : '2行目が長すぎます。話題は1件につき50文字以内でご入力ください。',
        );
        approve();
        await el.updateComplete;
        expect(sent.filter((request) => request.method === 'POST')).to.have.length(0);

        topics.value = `一\n${'あ'.repeat(50)}`;
        topics.dispatchEvent(new InputEvent('input'));
        await el.updateComplete;
        expect(error(), 'fixed topics clear the message').to.equal(null);
        expect(topics.getAttribute('aria-invalid')).not.to.equal('true');
        approve();
        await waitUntil(() => !root.querySelector('.draft'), 'published');
        expect((sent.at(-1)!.body as { askMeAbout: string[] }).askMeAbout).to.deep.equal(['一', 'あ'.repeat(50)]);
      });
    }

    it('passes axe with the topics editor open, in en and ja, light and dark', async () => {
      const draft = draftFor({ isReturner: true, canApprove: true, canReact: false });
      for (const lang of ['en', 'ja'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          const { el, root } = await mount({ lang, theme, routes: listing([draft]) });
          buttonNamed(root, lang === 'en' ? 'Edit the text' : '文章を編集する').click();
          await el.updateComplete;
          await expect(el, `${lang} ${theme}, editor open`).to.be.accessible();
          root.querySelector<HTMLTextAreaElement>('textarea[name=askMeAbout]')!.value = '1\n2\n3\n4\n5\n6';
          buttonNamed(root, lang === 'en' ? 'Approve and publish' : '承認して公開する').click();
          await el.updateComplete;
          expect(root.querySelector('.draft .field-error')).to.exist;
          await expect(el, `${lang} ${theme}, with the topics message`).to.be.accessible();
        }
      }
    });

    it('a missing reason marks only the card it belongs to, through the shared field; publishing moves focus to the card', async () => {
      const viewer = { isReturner: false, canApprove: true, canReact: false };
      const first = announcement({ id: 'an_x', status: 'draft', publishedAt: null, reactions: { count: 0, mine: false, reactors: [] }, viewer });
      const second = announcement({ id: 'an_y', status: 'draft', publishedAt: null, reactions: { count: 0, mine: false, reactors: [] }, viewer }, { familyName: '高橋', givenName: '彩' });
      const { el, root } = await mount({
        routes: {
          ...listing([first, second]),
          'POST /api/v1/announcements/an_y/approve': () => json({ ...second, status: 'published', viewer: { ...viewer, canApprove: false } }),
        },
      });
      const forms = [...root.querySelectorAll<HTMLFormElement>('form.draft')];
      expect(forms).to.have.length(2);
      buttonNamed(forms[0] as unknown as ShadowRoot, 'Approve and publish').click();
      await el.updateComplete;
      const reasons = [...root.querySelectorAll<HTMLTextAreaElement>('textarea[name=reason]')];
      expect(reasons[0]!.getAttribute('aria-invalid')).to.equal('true');
      expect(reasons[1]!.getAttribute('aria-invalid'), 'the other card is not marked').not.to.equal('true');
      const error = root.getElementById(`${reasons[0]!.id}-error`)!;
      expect(text(error)).to.equal('This field is required.');
      expect(reasons[0]!.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
      expect(root.querySelectorAll('[part=field-error][id]')).to.have.length(1);
      reasons[1]!.value = 'Confirmed with the returner';
      buttonNamed(forms[1] as unknown as ShadowRoot, 'Approve and publish').click();
      await waitUntil(() => root.querySelectorAll('form.draft').length === 1, 'the second card is published');
      await waitUntil(() => root.activeElement === root.querySelector('#h-an_y .open'), 'focus on the published card, not <body>');
    });

    it('asks HR for a reason before approving on the returner’s behalf, and shows a refusal', async () => {
      const draft = draftFor({ isReturner: false, canApprove: true, canReact: false });
      let refuse = true;
      const { el, root, sent } = await mount({
        routes: {
          ...listing([draft]),
          'POST /api/v1/announcements/an_d/approve': () =>
            refuse
              ? json({ type: 'about:blank', title: 'Forbidden', status: 403 }, { status: 403 })
              : json({ ...draft, status: 'published', viewer: { ...draft.viewer, canApprove: false } }),
        },
      });
      expect(text(root.querySelector('.draft-note'))).to.contain('awaiting the returner’s approval');
      buttonNamed(root, 'Approve and publish').click();
      await el.updateComplete;
      expect(sent.filter((request) => request.method === 'POST')).to.have.length(0);
      const reason = root.querySelector('textarea')!;
      expect(reason.getAttribute('aria-invalid')).to.equal('true');
      expect(root.activeElement).to.equal(reason);
      await expect(el).to.be.accessible();
      reason.value = 'Confirmed by phone';
      buttonNamed(root, 'Approve and publish').click();
      await waitUntil(() => root.querySelector('.draft .error-banner'), 'the refusal is shown');
      expect(sent.at(-1)!.body).to.deep.equal({ reason: 'Confirmed by phone' });
      refuse = false;
      buttonNamed(root, 'Approve and publish').click();
      await waitUntil(() => !root.querySelector('.draft'), 'published');
    });
  });
});
