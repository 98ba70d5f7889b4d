import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../components/config/config.js';
import '../../components/my-profile/my-profile.js';
import type { OkaeriMyProfile } from '../../components/my-profile/my-profile.component.js';
import { sessionStorageKey } from '../../components/my-profile/member-session.js';
import type { Meta, OwnProfile } from '../../src/api/types.js';
import { globalConfig } from '../../src/config/global.js';
import type { ProfileDeleteEvent } from '../../src/events/profile-delete.js';
import type { ProfileSaveEvent } from '../../src/events/profile-save.js';
import type { SignInEvent } from '../../src/events/sign-in.js';
import type { SignOutEvent } from '../../src/events/sign-out.js';
import { ownProfile } from '../fixtures/profile.js';
import { fakeServer, json, resetConfiguration, type RouteHandler } from './support.js';

const base = 'https://alumni.example.test';
const meta: Meta = {
  programName: { en: 'Acme Alumni', ja: 'Acme アルムナイ' },
  departments: [
    { id: 'engineering', name: { en: 'Engineering', ja: 'エンジニアリング' } },
    { id: 'sales', name: { en: 'Sales', ja: '営業' } },
  ],
  interests: [
    { id: 'rehire', label: { en: 'Coming back to work here', ja: '再入社（出戻り）' } },
    { id: 'referral', label: { en: 'Referring people and business', ja: '人材やビジネスの紹介' } },
    { id: 'networking', label: { en: 'Keeping in touch', ja: '元同僚とのつながり' } },
  ],
  privacyPolicy: { url: 'https://example.com/privacy', version: '2025-04-01' },
  locales: ['ja', 'en'],
};
const sessionKey = sessionStorageKey(base);
const session = { token: 'member-jwt', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), purpose: 'sign-in' };
const problem = (status: number, extra: Record<string, unknown> = {}) =>
  json({ type: 'about:blank', title: 'Problem', status, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });
const profile = (changes: Partial<OwnProfile> = {}): OwnProfile => structuredClone({ ...ownProfile, ...changes });
const withEtag = (body: OwnProfile, etag = '"1"') => json(body, { headers: { ETag: etag } });

/** The reference server's membership routes, each replaceable. */
function server(routes: Record<string, RouteHandler> = {}) {
  return fakeServer({
    'GET /api/v1/meta': () => json(meta),
    'GET /api/v1/me': () => withEtag(profile()),
    'POST /api/v1/auth/email-link': () => new Response(null, { status: 202 }),
    'POST /api/v1/auth/token': () => json(session),
    ...routes,
  });
}

interface MountOptions {
  lang?: 'en' | 'ja';
  theme?: 'light' | 'dark';
  token?: string;
  fetch?: typeof globalThis.fetch;
}

async function mount({ lang = 'en', theme, token, fetch = server().fetch }: MountOptions = {}) {
  const wrapper = await fixture(html`<okaeri-config base-url=${base} lang=${lang} theme=${ifDefined(theme)} token=${ifDefined(token)} .fetch=${fetch}>
    <okaeri-my-profile></okaeri-my-profile>
  </okaeri-config>`);
  return wrapper.querySelector('okaeri-my-profile')!;
}

const $ = <E extends Element = HTMLInputElement>(el: OkaeriMyProfile, selector: string) => el.shadowRoot!.querySelector<E>(selector)!;
const text = (el: OkaeriMyProfile, selector: string) => $<HTMLElement>(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (el: OkaeriMyProfile, label: RegExp) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''))!;
const profileShown = (el: OkaeriMyProfile) => waitUntil(() => $(el, 'form[part="form"]'), 'the profile form renders');

async function setValue(el: OkaeriMyProfile, selector: string, value: string | boolean) {
  const control = $<HTMLInputElement>(el, selector);
  if (typeof value === 'boolean') control.checked = value;
  else control.value = value;
  control.dispatchEvent(new Event(control.localName === 'select' || control.type === 'checkbox' || control.type === 'radio' ? 'change' : 'input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function visit(search: string) {
  history.replaceState(null, '', `${location.pathname}${search}`);
}

describe('<okaeri-my-profile>', () => {
  const originalSearch = location.search;
  beforeEach(() => {
    sessionStorage.removeItem(sessionKey);
    localStorage.clear();
  });
  afterEach(() => {
    resetConfiguration();
    sessionStorage.removeItem(sessionKey);
    visit(originalSearch);
    sinon.restore();
  });

  describe('signed out', () => {
    for (const lang of ['en', 'ja'] as const) {
      it(`offers to email a sign-in link (${lang}) and says auth is required`, async () => {
        const { fetch, sent } = server();
        const required = new Promise((resolve) => document.addEventListener('okaeri-auth-required', resolve, { once: true }));
        const el = await mount({ lang, fetch });
        await required;
        await waitUntil(() => $(el, '#sign-in-email'), 'the sign-in form renders');
        expect(text(el, '#sign-in-heading')).to.equal(lang === 'en' ? 'Sign in to your alumni membership' : 'アルムナイ会員情報にサインイン');
        expect(sent.filter((r) => r.url.endsWith('/api/v1/me')), 'no profile request without a session').to.have.length(0);
        await expect(el).to.be.accessible();
      });
    }

    it('checks the address next to the field, then sends it with the page language and shows "check your inbox"', async () => {
      const { fetch, sent } = server();
      const el = await mount({ lang: 'ja', fetch });
      await waitUntil(() => $(el, '#sign-in-email'));
      button(el, /リンクを送る/).click();
      await el.updateComplete;
      expect(text(el, '#sign-in-email-error')).to.equal('この項目は必須です。');
      expect(el.shadowRoot!.activeElement?.id).to.equal('sign-in-email');
      await setValue(el, '#sign-in-email', 'not-an-address');
      button(el, /リンクを送る/).click();
      await el.updateComplete;
      expect($(el, '#sign-in-email').getAttribute('aria-invalid')).to.equal('true');
      await setValue(el, '#sign-in-email', ' kenta.ito@example.net ');
      button(el, /リンクを送る/).click();
      await waitUntil(() => $(el, '.inbox'), 'the inbox state');
      const request = sent.find((r) => r.url.endsWith('/api/v1/auth/email-link'))!;
      expect(request.method).to.equal('POST');
      expect(request.body).to.deep.equal({ email: 'kenta.ito@example.net', lang: 'ja' });
      expect(text(el, '.inbox')).to.contain('kenta.ito@example.net');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.inbox'));
      await expect(el).to.be.accessible();
      button(el, /別のアドレス/).click();
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'sign-in-email', 'back to the address, focused');
    });

    it('can be used with the keyboard alone: type the address, Enter sends it', async () => {
      const { fetch, sent } = server();
      const el = await mount({ fetch });
      await waitUntil(() => $(el, '#sign-in-email'));
      $(el, '#sign-in-email').focus();
      await sendKeys({ type: 'kenta.ito@example.net' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.inbox'));
      expect(sent.find((r) => r.url.endsWith('/auth/email-link'))!.body).to.deep.equal({ email: 'kenta.ito@example.net', lang: 'en' });
    });

    it('shows a failure to send the link beside the form, keeping the address', async () => {
      const { fetch } = server({ 'POST /api/v1/auth/email-link': () => problem(503) });
      const el = await mount({ fetch });
      await waitUntil(() => $(el, '#sign-in-email'));
      await setValue(el, '#sign-in-email', 'kenta.ito@example.net');
      button(el, /Email me/).click();
      await waitUntil(() => $(el, '[part="error-banner"]'));
      expect($(el, '#sign-in-email').value).to.equal('kenta.ito@example.net');
      await expect(el).to.be.accessible();
    });
  });

  describe('a link in the address bar', () => {
    it('exchanges okaeri-token, removes it with replaceState, keeps the session in sessionStorage only and gives it to the page', async () => {
      visit('?okaeri-token=tk_1.secret&tab=profile');
      const replace = sinon.spy(history, 'replaceState');
      const { fetch, sent } = server();
      const signedIn = oneEvent(document, 'okaeri-sign-in') as Promise<SignInEvent>;
      const el = await mount({ fetch });
      expect(location.search, 'the token left the address bar at once').to.equal('?tab=profile');
      expect(replace.calledOnce).to.equal(true);
      const { detail } = await signedIn;
      expect(detail).to.deep.equal({ purpose: 'sign-in', expiresAt: session.expiresAt });
      await profileShown(el);
      const exchange = sent.find((r) => r.url.endsWith('/api/v1/auth/token'))!;
      expect(exchange.body).to.deep.equal({ token: 'tk_1.secret' });
      expect(exchange.headers.get('Authorization')).to.equal(null);
      const me = sent.find((r) => r.url.endsWith('/api/v1/me'))!;
      expect(me.headers.get('Authorization')).to.equal('Bearer member-jwt');
      expect(JSON.parse(sessionStorage.getItem(sessionKey)!)).to.deep.equal({ token: 'member-jwt', expiresAt: session.expiresAt });
      expect(localStorage.length, 'nothing in localStorage').to.equal(0);
      expect(globalConfig().token, 'every widget on the page resolves the session').to.equal('member-jwt');
      expect(sent.filter((r) => r.url.endsWith('/auth/token')), 'the link is redeemed once').to.have.length(1);
    });

    for (const [code, en] of [
      ['token_expired', 'That link has expired.'],
      ['token_used', 'That link was already used.'],
    ] as const) {
      it(`explains a link that cannot sign in (${code}) and offers a new one`, async () => {
        visit('?okaeri-token=tk_1.old');
        const { fetch } = server({ 'POST /api/v1/auth/token': () => problem(400, { code }) });
        const el = await mount({ fetch });
        await waitUntil(() => $(el, '[part~="link-problem"]'), 'the link problem');
        expect(text(el, '[part~="link-problem"]')).to.contain(en);
        expect($(el, '#sign-in-email'), 'with the form for a new link').to.exist;
        expect(sessionStorage.getItem(sessionKey)).to.equal(null);
        await expect(el).to.be.accessible();
      });
    }

    it('keeps a link whose exchange failed for lack of a connection, and retries it', async () => {
      visit('?okaeri-token=tk_1.secret');
      let fail = true;
      const { fetch, sent } = server({ 'POST /api/v1/auth/token': () => (fail ? problem(503) : json(session)) });
      const el = await mount({ fetch });
      await waitUntil(() => $(el, '[part="error-banner"]'), 'the failure');
      fail = false;
      button(el, /Try again/).click();
      await profileShown(el);
      expect(sent.filter((r) => r.url.endsWith('/auth/token')).map((r) => r.body)).to.deep.equal([{ token: 'tk_1.secret' }, { token: 'tk_1.secret' }]);
    });

    it('signs in again after a reload from the session kept in this tab', async () => {
      sessionStorage.setItem(sessionKey, JSON.stringify({ token: 'kept-jwt', expiresAt: session.expiresAt }));
      const { fetch, sent } = server();
      const el = await mount({ fetch });
      await profileShown(el);
      expect(sent.find((r) => r.url.endsWith('/api/v1/me'))!.headers.get('Authorization')).to.equal('Bearer kept-jwt');
    });

    it('forgets an expired session instead of sending it', async () => {
      sessionStorage.setItem(sessionKey, JSON.stringify({ token: 'old-jwt', expiresAt: new Date(Date.now() - 1000).toISOString() }));
      const { fetch, sent } = server();
      const el = await mount({ fetch });
      await waitUntil(() => $(el, '#sign-in-email'));
      expect(sent.some((r) => r.headers.get('Authorization'))).to.equal(false);
      expect(sessionStorage.getItem(sessionKey)).to.equal(null);
    });
  });

  describe('signed in', () => {
    async function signedIn(routes: Record<string, RouteHandler> = {}, options: MountOptions = {}) {
      sessionStorage.setItem(sessionKey, JSON.stringify({ token: 'member-jwt', expiresAt: session.expiresAt }));
      const backend = server(routes);
      const el = await mount({ fetch: backend.fetch, ...options });
      await profileShown(el);
      return { el, sent: backend.sent };
    }

    it('says why a member is not in the directory yet: unconfirmed, awaiting HR, declined (en, ja); an active one gets no notice', async () => {
      const notices = {
        pending: ['Your address isn’t confirmed yet', 'メールアドレスの確認がまだです'],
        'awaiting-approval': ['you’ll appear in the directory once they approve it', '承認されると名簿に掲載されます'],
        declined: ['did not approve this membership', '承認されなかったため'],
      } as const;
      for (const [status, [en, ja]] of Object.entries(notices) as [keyof typeof notices, readonly [string, string]][]) {
        for (const lang of ['en', 'ja'] as const) {
          const { el } = await signedIn({ 'GET /api/v1/me': () => withEtag(profile({ status })) }, { lang });
          expect(text(el, '[part="notice"]'), `${status} (${lang})`).to.contain(lang === 'en' ? en : ja);
          await expect(el).to.be.accessible();
          el.parentElement!.remove();
          sessionStorage.removeItem(sessionKey);
        }
      }
      const { el } = await signedIn();
      expect($(el, '[part="notice"]')).to.equal(null);
    });

    for (const lang of ['en', 'ja'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        it(`shows every signup field filled in (${lang}, ${theme})`, async () => {
          const { el } = await signedIn({}, { lang, theme });
          expect($(el, '#family-name').value).to.equal('伊藤');
          expect($(el, '#current-company').value).to.equal('Globex');
          expect($<HTMLSelectElement>(el, '#department').value).to.equal('engineering');
          expect($<HTMLSelectElement>(el, '#joined-year').value).to.equal('2014');
          expect($(el, '#listed').checked).to.equal(true);
          expect(text(el, '[part="signed-in-as"]')).to.contain(lang === 'ja' ? '伊藤 健太さん' : '伊藤 健太');
          await expect(el).to.be.accessible();
        });
      }
    }

    for (const lang of ['en', 'ja'] as const) {
      it(`shows and edits the employee number with the signup field (HR only, never on the previewed card, ${lang})`, async () => {
        let answer: () => Response = () => withEtag(profile({ employeeNumber: 'E-77' }), '"2"');
        const { el, sent } = await signedIn({ 'PATCH /api/v1/me': () => answer() }, { lang });
        const field = $(el, '#employee-number');
        expect(field.value).to.equal('E-20140401');
        expect(field.closest('section')!.querySelector('h3')!.textContent).to.equal(lang === 'en' ? 'Your time with us' : '在籍時のこと');
        expect(text(el, 'label[for="employee-number"]')).to.contain(lang === 'en' ? 'Employee number' : '社員番号');
        expect(field.getAttribute('aria-describedby')).to.equal('employee-number-hint');
        expect(text(el, '#employee-number-hint')).to.contain(lang === 'en' ? 'Only the alumni program team sees it' : 'アルムナイ担当だけが見る');
        for (const audience of ['alumni', 'hr']) {
          await setValue(el, `input[name="preview-audience"][value="${audience}"]`, true);
          expect($<HTMLElement>(el, '.preview-panel').textContent, `not on the card as ${audience}`).not.to.contain('20140401');
        }
        await expect(el).to.be.accessible();

        await setValue(el, '#employee-number', 'E'.repeat(41));
        button(el, lang === 'en' ? /Save changes/ : /変更を保存/).click();
        await waitUntil(() => $(el, '#employee-number-error'));
        expect(text(el, '#employee-number-error')).to.equal(lang === 'en' ? 'Use at most 40 characters.' : '40文字以内で入力してください。');
        expect(field.getAttribute('aria-invalid')).to.equal('true');
        expect(sent.some((r) => r.method === 'PATCH'), 'nothing sent while it is too long').to.equal(false);
        await expect(el).to.be.accessible();

        // The server's refusal is shown on the field.
        answer = () => problem(400, { code: 'validation', errors: { employeeNumber: 'invalid' } });
        await setValue(el, '#employee-number', 'e-77');
        button(el, lang === 'en' ? /Save changes/ : /変更を保存/).click();
        await waitUntil(() => sent.some((r) => r.method === 'PATCH') && $(el, '#employee-number-error'));
        expect(sent.filter((r) => r.method === 'PATCH').map((r) => r.body)).to.deep.equal([{ employeeNumber: 'e-77' }]);
        expect(field.getAttribute('aria-invalid')).to.equal('true');

        answer = () => withEtag(profile({ employeeNumber: 'E-77' }), '"2"');
        button(el, lang === 'en' ? /Save changes/ : /変更を保存/).click();
        await waitUntil(() => $(el, '#employee-number').value === 'E-77', 'the stored (normalized) number replaces the draft');
        await setValue(el, '#employee-number', '');
        button(el, lang === 'en' ? /Save changes/ : /変更を保存/).click();
        await waitUntil(() => sent.filter((r) => r.method === 'PATCH').length === 3);
        expect(sent.filter((r) => r.method === 'PATCH').at(-1)!.body, 'emptied: cleared').to.deep.equal({ employeeNumber: null });
      });
    }

    it('saves only what changed, with If-Match, and fires okaeri-profile-save', async () => {
      const saved = profile({ currentCompany: 'Initech', returnIntent: { intent: 'open-from', from: '2027-04', contractWork: true, referrals: false, visibility: 'alumni' } });
      const { el, sent } = await signedIn({ 'PATCH /api/v1/me': () => withEtag(saved, '"2"') });
      await setValue(el, '#current-company', 'Initech');
      await setValue(el, 'input[name="intent.intent"][value="open-from"]', true);
      await setValue(el, '#return-intent-from-year', '2027');
      await setValue(el, '#return-intent-from-month', '04');
      await setValue(el, '#contract-work', true);
      await setValue(el, '#visibility-return-intent', 'alumni');
      expect(text(el, '[part="unsaved"]')).to.contain('kept on this page');
      const event = oneEvent(el, 'okaeri-profile-save') as Promise<ProfileSaveEvent>;
      button(el, /Save changes/).click();
      const { detail } = await event;
      const patch = sent.find((r) => r.method === 'PATCH')!;
      expect(patch.headers.get('If-Match')).to.equal('"1"');
      expect(patch.body).to.deep.equal({
        currentCompany: 'Initech',
        returnIntent: { intent: 'open-from', from: '2027-04', contractWork: true, visibility: 'alumni' },
      });
      expect(detail.kind).to.equal('profile');
      expect(detail.fields).to.deep.equal(['currentCompany', 'returnIntent']);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="unsaved"]')).to.equal(null);
    });

    it('validates with the signup form’s rules, next to each field, before sending', async () => {
      const { el, sent } = await signedIn();
      await setValue(el, '#family-name', '');
      await setValue(el, 'input[name="intent.intent"][value="open-from"]', true);
      button(el, /Save changes/).click();
      await waitUntil(() => $(el, '.summary'));
      expect(text(el, '#family-name-error')).to.equal('This field is required.');
      expect(text(el, '#return-intent-from-error')).to.equal('This field is required.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.summary'));
      expect(sent.some((r) => r.method === 'PATCH')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('keeps the edits after a failed save and sends them again on retry', async () => {
      let fail = true;
      const { el, sent } = await signedIn({
        'PATCH /api/v1/me': () => (fail ? problem(500) : withEtag(profile({ location: 'Kyoto' }), '"2"')),
      });
      await setValue(el, '#location', 'Kyoto');
      button(el, /Save changes/).click();
      await waitUntil(() => $(el, '[part="error-banner"]'));
      expect($(el, '#location').value, 'the draft survives the failure').to.equal('Kyoto');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, /Try again/).click();
      await waitUntil(() => !$(el, '[part="error-banner"]'));
      expect(sent.filter((r) => r.method === 'PATCH').map((r) => r.body)).to.deep.equal([{ location: 'Kyoto' }, { location: 'Kyoto' }]);
    });

    it('on 412 keeps the edits, says what changed elsewhere, and re-applies them on the new version', async () => {
      const elsewhere = profile({ currentRole: 'CTO' });
      let reads = 0;
      const { el, sent } = await signedIn({
        'GET /api/v1/me': () => (reads++ === 0 ? withEtag(profile()) : withEtag(elsewhere, '"2"')),
        'PATCH /api/v1/me': (request) =>
          request.headers.get('If-Match') === '"1"'
            ? problem(412, { current: elsewhere })
            : withEtag(profile({ currentRole: 'CTO', currentCompany: 'Initech' }), '"3"'),
      });
      await setValue(el, '#current-company', 'Initech');
      button(el, /Save changes/).click();
      await waitUntil(() => $(el, '.conflict'), 'the conflict notice');
      expect(text(el, '.conflict')).to.contain('Current role');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.conflict'));
      expect($(el, '#current-company').value, 'my edit is still there').to.equal('Initech');
      expect($(el, '#current-role').value, 'the other device’s change is shown').to.equal('CTO');
      await expect(el).to.be.accessible();
      button(el, /Save my version/).click();
      await waitUntil(() => !$(el, '.conflict'));
      const second = sent.filter((r) => r.method === 'PATCH')[1]!;
      expect(second.headers.get('If-Match')).to.equal('"2"');
      expect(second.body, 'only my change, on top of theirs').to.deep.equal({ currentCompany: 'Initech' });
    });

    it('on 412 can show the other version instead', async () => {
      const elsewhere = profile({ currentRole: 'CTO' });
      let reads = 0;
      const { el } = await signedIn({
        'GET /api/v1/me': () => (reads++ === 0 ? withEtag(profile()) : withEtag(elsewhere, '"2"')),
        'PATCH /api/v1/me': () => problem(412, { current: elsewhere }),
      });
      await setValue(el, '#current-company', 'Initech');
      button(el, /Save changes/).click();
      await waitUntil(() => $(el, '.conflict'));
      button(el, /Show the other version/).click();
      await waitUntil(() => !$(el, '.conflict'));
      expect($(el, '#current-company').value).to.equal('Globex');
    });

    it('asks "is this still accurate?" once due, and "still accurate" only confirms', async () => {
      const { el, sent } = await signedIn({
        'GET /api/v1/me': () => withEtag(profile({ confirmationDue: true })),
        'PATCH /api/v1/me': () => withEtag(profile({ confirmedAt: new Date().toISOString() }), '"2"'),
      });
      expect(text(el, '#confirm-heading')).to.equal('Is this still accurate?');
      await expect(el).to.be.accessible();
      const event = oneEvent(el, 'okaeri-profile-save') as Promise<ProfileSaveEvent>;
      button(el, /Still accurate/).click();
      expect((await event).detail.kind).to.equal('confirm');
      const patch = sent.find((r) => r.method === 'PATCH')!;
      expect(patch.body).to.deep.equal({});
      await el.updateComplete;
      expect($(el, '#confirm-heading')).to.equal(null);
    });

    it('previews the card as alumni and as HR, live', async () => {
      const { el } = await signedIn();
      expect(text(el, '[part="preview"] [part="location"]'), 'an HR-only field is not on the alumni card').to.equal('');
      await setValue(el, 'input[name="preview-audience"][value="hr"]', true);
      expect(text(el, '#preview-heading')).to.equal('How HR sees your card');
      expect(text(el, '[part="preview"] [part="location"]')).to.equal('Osaka');
      await setValue(el, 'input[name="preview-audience"][value="alumni"]', true);
      await setValue(el, '#visibility-location', 'alumni');
      expect(text(el, '[part="preview"] [part="location"]')).to.equal('Osaka');
      await setValue(el, '#current-company', 'Initech');
      expect(text(el, '[part="preview"] [part="work"]')).to.contain('Initech');
    });

    it('previews the return intent where its level lets the audience see it', async () => {
      const { el } = await signedIn({}, { lang: 'ja' });
      await setValue(el, 'input[name="intent.intent"][value="open-from"]', true);
      await setValue(el, '#return-intent-from-year', String(new Date().getFullYear() + 1));
      await setValue(el, '#return-intent-from-month', '04');
      await setValue(el, '#referrals', true);
      expect($(el, '[part="preview"] [part="intent"]'), 'the intent is HR-only by default').to.equal(null);
      await setValue(el, 'input[name="preview-audience"][value="hr"]', true);
      expect(text(el, '[part="preview"] [part="intent"]')).to.equal(`${new Date().getFullYear() + 1}年4月から復職に関心あり · 紹介に協力できる`);
      await setValue(el, 'input[name="preview-audience"][value="alumni"]', true);
      await setValue(el, '#visibility-return-intent', 'alumni');
      expect(text(el, '[part="preview"] [part="intent"]')).to.contain('復職に関心あり');
      await expect(el).to.be.accessible();
    });

    it('gives or withdraws contact consent in one click', async () => {
      const { el, sent } = await signedIn({
        'PUT /api/v1/me/consent': () => withEtag(profile({ consent: { contact: false, privacyPolicyVersion: '2025-04-01', at: new Date().toISOString() } }), '"2"'),
      });
      button(el, /Withdraw consent/).click();
      await waitUntil(() => button(el, /Allow contact/), 'the consent is withdrawn');
      expect(sent.find((r) => r.method === 'PUT')!.body).to.deep.equal({ contact: false, privacyPolicyVersion: meta.privacyPolicy.version });
    });

    it('changes the address through a confirmation link (pending until opened)', async () => {
      const { el, sent } = await signedIn({
        'PUT /api/v1/me/email': () => json({ pendingEmail: 'kenta@new.example', expiresAt: session.expiresAt }, { status: 202 }),
      });
      await setValue(el, '#new-email', 'kenta.ito@example.net');
      button(el, /Change my email/).click();
      await el.updateComplete;
      expect(text(el, '#new-email-error')).to.equal('This is already your address.');
      await setValue(el, '#new-email', 'kenta@new.example');
      button(el, /Change my email/).click();
      await waitUntil(() => text(el, '[part="notice"]').includes('kenta@new.example'));
      expect(sent.find((r) => r.url.endsWith('/me/email'))!.body).to.deep.equal({ email: 'kenta@new.example' });
      expect(text(el, '#email-heading + p'), 'the current address is unchanged').to.contain('kenta.ito@example.net');
      await expect(el).to.be.accessible();
    });

    it('downloads everything stored as JSON', async () => {
      const data = { exportedAt: '2026-01-01T00:00:00.000Z', profile: profile(), consents: [], audit: [], reactions: [] };
      const { el } = await signedIn({ 'GET /api/v1/me/export': () => json(data) });
      const click = sinon.stub(HTMLAnchorElement.prototype, 'click');
      const blob = sinon.spy(URL, 'createObjectURL');
      button(el, /Download my data/).click();
      await waitUntil(() => click.called, 'a download is started');
      const link = click.firstCall.thisValue as HTMLAnchorElement;
      expect(link.download).to.equal('okaeri-my-data.json');
      expect(JSON.parse(await (blob.firstCall.args[0] as Blob).text())).to.deep.equal(data);
    });

    it('leaves the network after a confirmation: erased, signed out, session forgotten', async () => {
      const { el, sent } = await signedIn({ 'DELETE /api/v1/me': () => new Response(null, { status: 204 }) });
      button(el, /Leave the network/).click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.leave-confirm'));
      expect(sent.some((r) => r.method === 'DELETE'), 'nothing is erased before the confirmation').to.equal(false);
      await expect(el).to.be.accessible();
      const deleted = oneEvent(el, 'okaeri-profile-delete') as Promise<ProfileDeleteEvent>;
      const signedOut = oneEvent(el, 'okaeri-sign-out') as Promise<SignOutEvent>;
      button(el, /Yes, erase my data/).click();
      expect((await deleted).detail).to.deep.equal({ id: 'al_ito' });
      expect((await signedOut).detail).to.deep.equal({ reason: 'left' });
      await waitUntil(() => $(el, '.left'));
      expect(sessionStorage.getItem(sessionKey)).to.equal(null);
      expect(globalConfig().token).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('signs out: the session is forgotten here and for every widget', async () => {
      const { el } = await signedIn();
      const signedOut = oneEvent(el, 'okaeri-sign-out') as Promise<SignOutEvent>;
      button(el, /Sign out/).click();
      expect((await signedOut).detail.reason).to.equal('signed-out');
      await waitUntil(() => $(el, '#sign-in-email'));
      expect(sessionStorage.getItem(sessionKey)).to.equal(null);
      expect(globalConfig().token).to.equal(undefined);
    });

    it('ends a session the server no longer accepts (401)', async () => {
      const signedOut = new Promise<SignOutEvent>((resolve) => document.addEventListener('okaeri-sign-out', resolve as never, { once: true }));
      sessionStorage.setItem(sessionKey, JSON.stringify({ token: 'revoked', expiresAt: session.expiresAt }));
      const el = await mount({ fetch: server({ 'GET /api/v1/me': () => problem(401) }).fetch });
      expect((await signedOut).detail.reason).to.equal('expired');
      await waitUntil(() => $(el, '#sign-in-email'));
      expect(sessionStorage.getItem(sessionKey)).to.equal(null);
    });
  });

  it('tells an employee this page is for members (403), without a sign-out of their session', async () => {
    const { fetch } = server({ 'GET /api/v1/me': () => problem(403) });
    const el = await mount({ token: 'employee-jwt', fetch });
    await waitUntil(() => $(el, '[part="forbidden"]'));
    expect(text(el, '[part="forbidden"]')).to.contain('This page is for alumni.');
    expect(button(el, /Sign out/)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then a retry when the profile cannot be loaded', async () => {
    let fail = true;
    sessionStorage.setItem(sessionKey, JSON.stringify({ token: 'member-jwt', expiresAt: session.expiresAt }));
    const el = await mount({ fetch: server({ 'GET /api/v1/me': () => (fail ? problem(500) : withEtag(profile())) }).fetch });
    await waitUntil(() => $(el, '[part="error-banner"]'));
    await expect(el).to.be.accessible();
    fail = false;
    button(el, /Try again/).click();
    await profileShown(el);
  });
});
