// What every widget shares through OkaeriElement: no request before the page has configured it,
// sign-in and no-permission states with the auth-required slot and event, "we couldn't reach the
// server" for a network failure, and one Idempotency-Key per body on retries.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/config/config.js';
import '../../components/directory/directory.js';
import '../../components/reonboarding-checklist/reonboarding-checklist.js';
import '../../components/welcome-card/welcome-card.js';
import type { OkaeriConfigElement } from '../../components/config/config.component.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import { configure } from '../../src/config/global.js';
import { json, fakeServer, minimal, resetConfiguration, unreachable, type RouteHandler } from './support.js';

const base = 'https://alumni.example.test';
const tags = ['okaeri-reonboarding-checklist', 'okaeri-welcome-card', 'okaeri-directory'] as const;
type Tag = (typeof tags)[number];

const routes = (prefix = '/api/v1'): Record<string, RouteHandler> => ({
  [`GET ${prefix}/returners/me/checklist`]: () => json(minimal.checklist),
  [`GET ${prefix}/announcements`]: () => json(minimal.announcements),
  [`GET ${prefix}/alumni`]: () => json(minimal.alumni),
  [`GET ${prefix}/meta`]: () => json(minimal.meta),
});

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What a widget shows once its first load settled: data, a banner, or an access state. */
const settled = (el: Element) => el.shadowRoot?.querySelector('.item, .card, [role=listitem], .error-banner, .auth-required, .forbidden, slot[name=auth-required]');

async function mount(tag: Tag, config: Partial<OkaeriConfigElement>, lang = 'en') {
  const wrapper = await fixture<OkaeriConfigElement>(html`<okaeri-config base-url=${base} lang=${lang}></okaeri-config>`);
  Object.assign(wrapper, config);
  const events: AuthRequiredEvent[] = [];
  wrapper.addEventListener('okaeri-auth-required', (event) => events.push(event));
  const el = document.createElement(tag);
  wrapper.append(el);
  await waitUntil(() => settled(el), `${tag} settles`, { timeout: 4000 }).catch((error) => {
    throw new Error(`${error.message}: ${el.shadowRoot?.innerHTML.replace(/<!--[^>]*-->/g, '').slice(0, 600)}`);
  });
  await el.updateComplete;
  return { wrapper, el, root: el.shadowRoot!, events };
}

describe('what every widget shares', () => {
  afterEach(() => resetConfiguration());

  describe('the page configures the widgets after the library loads (README pattern)', () => {
    // A real page in an iframe: <okaeri-config> in the markup, the library's module scripts, then a
    // module script that sets fetch, getToken and paths. Everything the widgets send is recorded
    // from the very first request (window.fetch is replaced before anything loads).
    it('sends nothing without the token or to a default path, fires no auth-required, and shows data', async () => {
      const fake = fakeServer(routes('/hr/api'));
      const early: string[] = [];
      const events: unknown[] = [];
      Object.assign(window, { __okaeriFake: fake, __okaeriEarly: early, __okaeriEvents: events });
      const frame = document.createElement('iframe');
      const origin = location.origin;
      frame.srcdoc = `<!doctype html><html lang="en"><head>
        <script>
          window.fetch = (url) => { parent.__okaeriEarly.push(String(url)); return Promise.reject(new TypeError('not configured')); };
          document.addEventListener('okaeri-auth-required', (e) => parent.__okaeriEvents.push(e.detail), true);
        </script>
        <script type="module" src="${origin}/components/config/config.ts"></script>
        <script type="module" src="${origin}/components/reonboarding-checklist/reonboarding-checklist.ts"></script>
        <script type="module" src="${origin}/components/welcome-card/welcome-card.ts"></script>
        <script type="module" src="${origin}/components/directory/directory.ts"></script>
        </head><body>
        <okaeri-config base-url="${base}">
          <okaeri-reonboarding-checklist></okaeri-reonboarding-checklist>
          <okaeri-welcome-card></okaeri-welcome-card>
          <okaeri-directory></okaeri-directory>
        </okaeri-config>
        <script type="module">
          const config = document.querySelector('okaeri-config');
          config.fetch = parent.__okaeriFake.fetch;
          config.getToken = async () => 'late-token';
          config.paths = { returnerChecklist: '/hr/api/returners/{id}/checklist', announcements: '/hr/api/announcements', alumni: '/hr/api/alumni', meta: '/hr/api/meta' };
        </script>
      </body></html>`;
      document.body.append(frame);
      try {
        await waitUntil(() => {
          const doc = frame.contentDocument;
          return doc && tags.every((tag) => doc.querySelector(tag) && settled(doc.querySelector(tag)!));
        }, 'every widget settles', { timeout: 8000 });
        const doc = frame.contentDocument!;
        expect(early, 'requests before the configuration').to.deep.equal([]);
        expect(events, 'auth-required events').to.deep.equal([]);
        expect(fake.sent.length).to.be.greaterThan(0);
        for (const request of fake.sent) {
          expect(request.headers.get('Authorization'), request.url).to.equal('Bearer late-token');
          expect(new URL(request.url).pathname.startsWith('/hr/api/'), request.url).to.equal(true);
        }
        expect(text(doc.querySelector('okaeri-reonboarding-checklist')!.shadowRoot!.querySelector('.item'))).to.include('Security training');
        expect(doc.querySelector('okaeri-welcome-card')!.shadowRoot!.querySelector('.card')).to.exist;
        expect(text(doc.querySelector('okaeri-directory')!.shadowRoot!.querySelector('[role=listitem]'))).to.include('鈴木');
      } finally {
        frame.remove();
      }
    });
  });

  for (const tag of tags) {
    describe(`<${tag}>`, () => {
      it('without a token: the sign-in state and one auth-required event, nothing sent; a token later loads the data', async () => {
        const fake = fakeServer(routes());
        const { el, root, events } = await mount(tag, { fetch: fake.fetch });
        expect(events.map((event) => event.detail.reason)).to.deep.equal(['missing-token']);
        expect(root.querySelector('slot[name=auth-required]')).to.exist;
        expect(root.querySelector('.error-banner'), 'no error banner').to.equal(null);
        expect(fake.sent.filter((request) => !request.url.endsWith('/meta'))).to.deep.equal([]);

        configure({ token: 't0ken' });
        await waitUntil(() => root.querySelector('.item, .card, [role=listitem]'), 'the data after sign-in');
        expect(root.querySelector('slot[name=auth-required]')).to.equal(null);
        expect(events, 'still one event').to.have.length(1);
        await el.updateComplete;
      });

      it('shows the default sign-in message in en (light) and ja (dark) with one word for sign-in, passing axe', async () => {
        for (const lang of ['en', 'ja']) {
          const { el, root } = await mount(tag, { fetch: fakeServer(routes()).fetch, theme: lang === 'ja' ? 'dark' : 'light' }, lang);
          const defaultText = text(root.querySelector('.auth-required'));
          expect(defaultText).to.match(lang === 'en' ? /sign in/ : /サインイン/);
          await expect(el).to.be.accessible();
        }
      });

      it('a 401 is the sign-in state (reason unauthorized), without a retry', async () => {
        const fake = fakeServer({ ...routes(), [`GET /api/v1/returners/me/checklist`]: unauthorized, 'GET /api/v1/announcements': unauthorized, 'GET /api/v1/alumni': unauthorized });
        const { root, events } = await mount(tag, { fetch: fake.fetch, token: 'expired' });
        expect(events.map((event) => event.detail.reason)).to.deep.equal(['unauthorized']);
        expect(root.querySelector('.auth-required')).to.exist;
        expect(root.querySelector('button'), 'no retry').to.equal(null);
      });

      it('a 403 is the no-permission state: no retry, no auth-required', async () => {
        for (const lang of ['en', 'ja']) {
          const fake = fakeServer({ ...routes(), [`GET /api/v1/returners/me/checklist`]: forbidden, 'GET /api/v1/announcements': forbidden, 'GET /api/v1/alumni': forbidden });
          const { el, root, events } = await mount(tag, { fetch: fake.fetch, token: 't0ken', theme: lang === 'ja' ? 'dark' : 'light' }, lang);
          expect(events).to.deep.equal([]);
          expect(text(root.querySelector('.forbidden'))).to.equal(lang === 'en' ? 'You don’t have permission to see this.' : 'これを表示する権限がありません。');
          expect(root.querySelector('button'), 'no retry').to.equal(null);
          await expect(el).to.be.accessible();
        }
      });

      it('a network failure (CORS refused, server down) says it could not reach the server, with a retry — never "sign in"', async () => {
        for (const lang of ['en', 'ja']) {
          const down = unreachable();
          const { el, root, events } = await mount(tag, { fetch: down.fetch, token: 't0ken', theme: lang === 'ja' ? 'light' : 'dark' }, lang);
          await waitUntil(() => root.querySelector('.error-banner'), 'the banner', { timeout: 4000 });
          expect(events).to.deep.equal([]);
          expect(text(root.querySelector('.error-banner-message'))).to.equal(
            lang === 'en' ? 'We couldn’t reach the server. Check your connection and try again.' : 'サーバーに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。',
          );
          expect(root.querySelector('.auth-required')).to.equal(null);
          const retry = root.querySelector<HTMLButtonElement>('.error-banner button');
          expect(text(retry)).to.equal(lang === 'en' ? 'Try again' : 'もう一度試す');
          await expect(el).to.be.accessible();
        }
      });
    });
  }

  it('aborts a load in flight when the widget is removed, and loads again when it is put back', async () => {
    const signals: AbortSignal[] = [];
    const wrapper = await fixture<OkaeriConfigElement>(html`<okaeri-config base-url=${base} token="t0ken"></okaeri-config>`);
    wrapper.fetch = ((_url: string, init: RequestInit) => {
      signals.push(init.signal!);
      return new Promise(() => {});
    }) as unknown as typeof fetch;
    const el = document.createElement('okaeri-reonboarding-checklist');
    wrapper.append(el);
    await waitUntil(() => signals.length === 1, 'the first request');
    el.remove();
    await aTimeout(0);
    expect(signals[0]!.aborted, 'aborted on disconnect').to.equal(true);
    wrapper.append(el);
    await waitUntil(() => signals.length === 2, 'loads again when reconnected');
  });
});

function unauthorized(): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
}

function forbidden(): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403 }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
}
