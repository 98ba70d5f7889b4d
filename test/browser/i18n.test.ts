import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../components/config/config.js';
import type { OkaeriConfigElement } from '../../components/config/config.component.js';
import { configure } from '../../src/config/global.js';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import type { Catalog, PluralMessage } from '../../src/i18n/messages.js';
import { checklistEn } from '../../components/reonboarding-checklist/reonboarding-checklist.messages.en.js';
import { checklistJa } from '../../components/reonboarding-checklist/reonboarding-checklist.messages.ja.js';
import { directoryEn } from '../../components/directory/directory.messages.en.js';
import { directoryJa } from '../../components/directory/directory.messages.ja.js';
import { hrApprovalsEn } from '../../components/hr-console/hr-approvals.messages.en.js';
import { hrApprovalsJa } from '../../components/hr-console/hr-approvals.messages.ja.js';
import { hrConsoleEn } from '../../components/hr-console/hr-console.messages.en.js';
import { hrConsoleJa } from '../../components/hr-console/hr-console.messages.ja.js';
import { hrMembersEn } from '../../components/hr-console/hr-members.messages.en.js';
import { hrMembersJa } from '../../components/hr-console/hr-members.messages.ja.js';
import { memberCardEn } from '../../components/directory/member-card.messages.en.js';
import { memberCardJa } from '../../components/directory/member-card.messages.ja.js';
import { hrAnnouncementsEn } from '../../components/hr-console/hr-announcements.messages.en.js';
import { hrAnnouncementsJa } from '../../components/hr-console/hr-announcements.messages.ja.js';
import { hrReturnersEn } from '../../components/hr-console/hr-returners.messages.en.js';
import { hrReturnersJa } from '../../components/hr-console/hr-returners.messages.ja.js';
import { hrTemplateEn } from '../../components/hr-console/hr-template.messages.en.js';
import { hrTemplateJa } from '../../components/hr-console/hr-template.messages.ja.js';
import { myProfileEn } from '../../components/my-profile/my-profile.messages.en.js';
import { myProfileJa } from '../../components/my-profile/my-profile.messages.ja.js';
import { signupEn } from '../../components/signup-form/signup-form.messages.en.js';
import { signupJa } from '../../components/signup-form/signup-form.messages.ja.js';
import { welcomeEn } from '../../components/welcome-card/welcome-card.messages.en.js';
import { welcomeJa } from '../../components/welcome-card/welcome-card.messages.ja.js';
import { formatPersonName, initials } from '../../src/i18n/names.js';
import { define } from '../../src/internal/define.js';
import './probe.js';
import type { OkaeriProbe } from './probe.js';
import { resetConfiguration } from './support.js';

/** A third-party component whose shadow root holds a widget, to resolve `lang` across roots. */
class ShadowHost extends LitElement {
  protected override render() {
    return html`<okaeri-probe></okaeri-probe>`;
  }
}
define('okaeri-test-shadow-host', ShadowHost);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('i18n', () => {
  const root = document.documentElement;
  let pageLang: string | null;
  beforeEach(() => {
    pageLang = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
  });
  afterEach(() => {
    if (pageLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', pageLang);
    resetConfiguration();
  });

  describe('catalogs', () => {
    const sets = {
      shared: [en, ja],
      signup: [signupEn, signupJa],
      welcome: [welcomeEn, welcomeJa],
      checklist: [checklistEn, checklistJa],
      directory: [directoryEn, directoryJa],
      hrConsole: [hrConsoleEn, hrConsoleJa],
      hrMembers: [hrMembersEn, hrMembersJa],
      hrApprovals: [hrApprovalsEn, hrApprovalsJa],
      memberCard: [memberCardEn, memberCardJa],
      myProfile: [myProfileEn, myProfileJa],
      hrReturners: [hrReturnersEn, hrReturnersJa],
      hrAnnouncements: [hrAnnouncementsEn, hrAnnouncementsJa],
      hrTemplate: [hrTemplateEn, hrTemplateJa],
    } as const;
    const forms = (message: string | PluralMessage) => (typeof message === 'string' ? [message] : Object.values(message));
    for (const [name, [english, japanese]] of Object.entries(sets) as [string, readonly [Catalog, Catalog]][]) {
      it(`${name}: the same keys, no empty message, and the same placeholders in en and ja`, () => {
        expect(Object.keys(japanese).sort()).to.deep.equal(Object.keys(english).sort());
        for (const key of Object.keys(english)) {
          for (const text of [...forms(english[key]!), ...forms(japanese[key]!)]) expect(text.trim(), key).not.to.equal('');
          const wanted = placeholders(forms(english[key]!)[0]!);
          for (const text of forms(japanese[key]!)) expect(placeholders(text), `placeholders of ${key}`).to.deep.equal(wanted);
        }
      });
    }

    it('keep each key in one catalog: a widget namespace never repeats a shared key', () => {
      const seen = new Map<string, string>();
      for (const [name, [english]] of Object.entries(sets) as [string, readonly [Catalog, Catalog]][]) {
        for (const key of Object.keys(english)) {
          expect(seen.get(key), `${key} in ${name}`).to.equal(undefined);
          seen.set(key, name);
        }
      }
    });

    it('use one word for signing in, in Japanese (サインイン, never ログイン)', () => {
      for (const [, [, japanese]] of Object.entries(sets) as [string, readonly [Catalog, Catalog]][]) {
        for (const message of Object.values(japanese)) for (const text of forms(message)) expect(text).not.to.include('ログイン');
      }
    });

    it('choose plural forms with Intl.PluralRules', async () => {
      const el = await fixture<OkaeriProbe>(html`<okaeri-probe lang="en"></okaeri-probe>`);
      const one = { one: '{count} result', other: '{count} results' };
      configure({ messages: { en: { 'action.save': one }, ja: { 'action.save': { other: '{count}件' } } } });
      await el.updateComplete;
      const msg = (count: number) => (el as unknown as { localize: { msg(key: string, params: object): string } }).localize.msg('action.save', { count });
      expect(msg(1)).to.equal('1 result');
      expect(msg(2)).to.equal('2 results');
      expect(msg(0)).to.equal('0 results');
      expect(msg(1200)).to.equal('1,200 results');
      el.lang = 'ja';
      await el.updateComplete;
      expect(msg(1)).to.equal('1件');
    });
  });

  describe('language resolution', () => {
    it("prefers the widget's own lang attribute", async () => {
      const el = await fixture<HTMLElement>(html`<div lang="en"><okaeri-probe lang="ja"></okaeri-probe></div>`);
      expect(el.querySelector('okaeri-probe')!.text).to.equal('保存する');
    });

    it('then the nearest ancestor with lang, normalizing ja-JP', async () => {
      configure({ lang: 'en' });
      const el = await fixture<HTMLElement>(html`<div lang="ja-JP"><section><okaeri-probe></okaeri-probe></section></div>`);
      expect(el.querySelector('okaeri-probe')!.text).to.equal('保存する');
    });

    it('walks up through shadow roots', async () => {
      const el = await fixture<HTMLElement>(html`<div lang="ja"><okaeri-test-shadow-host></okaeri-test-shadow-host></div>`);
      const host = el.querySelector<ShadowHost>('okaeri-test-shadow-host')!;
      await host.updateComplete;
      const probe = host.shadowRoot!.querySelector('okaeri-probe')!;
      await probe.updateComplete;
      expect(probe.text).to.equal('保存する');
    });

    it('then the configured lang (provider over configure()), over <html lang>', async () => {
      configure({ lang: 'ja' });
      const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
      expect(probe.text).to.equal('保存する');

      configure({ lang: undefined });
      const provided = await fixture<OkaeriConfigElement>(html`<okaeri-config><okaeri-probe></okaeri-probe></okaeri-config>`);
      provided.lang = 'ja';
      await provided.updateComplete;
      const inner = provided.querySelector('okaeri-probe')!;
      await inner.updateComplete;
      expect(inner.text).to.equal('保存する');
    });

    it('then <html lang>, and English for anything unsupported', async () => {
      root.setAttribute('lang', 'ja');
      const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
      expect(probe.text).to.equal('保存する');
      const french = await fixture<OkaeriProbe>(html`<okaeri-probe lang="fr"></okaeri-probe>`);
      expect(french.resolvedLang).to.equal('en');
      root.removeAttribute('lang');
      const bare = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
      expect(bare.resolvedLang).to.equal('en');
    });

    it('renders its content with the resolved lang without touching the page', async () => {
      configure({ lang: 'ja' });
      const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
      expect(probe.shadowRoot!.querySelector('p')!.getAttribute('lang')).to.equal('ja');
      expect(probe.hasAttribute('lang')).to.be.false;
      expect(root.getAttribute('lang')).to.equal('en');
    });
  });

  describe('re-rendering', () => {
    it('follows <html lang> and ancestor lang changes', async () => {
      const el = await fixture<HTMLElement>(html`<div><okaeri-probe></okaeri-probe><okaeri-probe></okaeri-probe></div>`);
      const [first, second] = el.querySelectorAll('okaeri-probe');
      expect(first.text).to.equal('Save');
      root.setAttribute('lang', 'ja');
      await aTimeout(0);
      await Promise.all([first.updateComplete, second.updateComplete]);
      expect([first.text, second.text]).to.deep.equal(['保存する', '保存する']);

      el.setAttribute('lang', 'en-GB');
      await aTimeout(0);
      await first.updateComplete;
      expect(first.text).to.equal('Save');
    });

    it('re-resolves when the widget is moved into another language', async () => {
      const el = await fixture<HTMLElement>(html`<div><okaeri-probe></okaeri-probe><section lang="ja"></section></div>`);
      const probe = el.querySelector('okaeri-probe')!;
      expect(probe.text).to.equal('Save');
      el.querySelector('section')!.append(probe);
      await probe.updateComplete;
      expect(probe.text).to.equal('保存する');
    });

    it("follows the widget's own lang property", async () => {
      const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
      probe.lang = 'ja';
      await probe.updateComplete;
      expect(probe.text).to.equal('保存する');
      expect(probe.getAttribute('lang'), 'reflected like the native property').to.equal('ja');
    });
  });

  describe('messages', () => {
    it('applies host overrides for the current language only', async () => {
      configure({ messages: { ja: { 'action.save': '登録する' } } });
      const el = await fixture<HTMLElement>(html`
        <div><okaeri-probe lang="ja"></okaeri-probe><okaeri-probe lang="en"></okaeri-probe></div>
      `);
      const [japanese, english] = el.querySelectorAll('okaeri-probe');
      expect(japanese.text).to.equal('登録する');
      expect(english.text).to.equal('Save');
    });

    it('lets a provider override on top of configure()', async () => {
      configure({ messages: { en: { 'action.save': 'Keep' } } });
      const root = await fixture<OkaeriConfigElement>(html`
        <okaeri-config .messages=${{ en: { 'action.save': 'Store' } }}><okaeri-probe></okaeri-probe></okaeri-config>
      `);
      const probe = root.querySelector('okaeri-probe')!;
      await probe.updateComplete;
      expect(probe.text).to.equal('Store');
    });

    it('fills placeholders, formatting numbers for the language', async () => {
      configure({ messages: { en: { 'action.save': 'Save {count} for {name}' } } });
      const probe = await fixture<OkaeriProbe>(html`<okaeri-probe></okaeri-probe>`);
      const localize = probe['localize'];
      expect(localize.msg('action.save', { count: 12345, name: 'Emily' })).to.equal('Save 12,345 for Emily');
      expect(localize.personName({ familyName: '鈴木', givenName: '一郎' }, { honorific: true })).to.equal('鈴木 一郎');
      probe.lang = 'ja';
      await probe.updateComplete;
      expect(localize.personName({ familyName: '鈴木', givenName: '一郎' }, { honorific: true })).to.equal('鈴木 一郎さん');
    });
  });

  describe('formatting', () => {
    async function localizer(lang: string) {
      const probe = await fixture<OkaeriProbe>(html`<okaeri-probe lang=${lang}></okaeri-probe>`);
      return probe['localize'];
    }

    it('formats year-months, calendar dates, numbers and lists per language', async () => {
      const ja = await localizer('ja');
      const en = await localizer('en');
      expect(ja.formatYearMonth('2015-04')).to.equal('2015年4月');
      expect(en.formatYearMonth('2015-04')).to.equal('April 2015');
      expect(en.formatYearMonth('someday'), 'bad data is shown, not thrown').to.equal('someday');
      expect(ja.formatDate('2025-04-01', { dateStyle: 'long' })).to.equal('2025年4月1日');
      expect(en.formatDate('2025-04-01')).to.equal('Apr 1, 2025');
      expect(en.formatNumber(1234567)).to.equal('1,234,567');
      expect(ja.formatList(['営業', '人事', '法務'])).to.equal('営業、人事、法務');
      expect(en.formatList(['Sales', 'HR'])).to.equal('Sales and HR');
    });
  });

  describe('person names', () => {
    it('puts the family name first for Japanese names and adds さん as the honorific', () => {
      const suzuki = { familyName: '鈴木', givenName: '一郎' };
      expect(formatPersonName(suzuki, 'ja')).to.equal('鈴木 一郎');
      expect(formatPersonName(suzuki, 'ja', { honorific: true })).to.equal('鈴木 一郎さん');
      expect(formatPersonName(suzuki, 'en'), 'a kanji name keeps its own order').to.equal('鈴木 一郎');
    });

    it('keeps Latin-script names given-first in both languages', () => {
      const emily = { familyName: 'Clark', givenName: 'Emily' };
      expect(formatPersonName(emily, 'ja')).to.equal('Emily Clark');
      expect(formatPersonName(emily, 'ja', { honorific: true })).to.equal('Emily Clarkさん');
      expect(formatPersonName({ familyName: 'Suzuki', givenName: 'Ichiro' }, 'en')).to.equal('Ichiro Suzuki');
      expect(formatPersonName({ familyName: 'Suzuki', givenName: 'Ichiro' }, 'en', { honorific: true })).to.equal('Ichiro Suzuki');
    });

    it('copes with a missing part', () => {
      expect(formatPersonName({ familyName: '鈴木', givenName: '' }, 'ja', { honorific: true })).to.equal('鈴木さん');
      expect(formatPersonName({ familyName: '', givenName: 'Emily' }, 'en')).to.equal('Emily');
    });

    it('derives avatar initials', () => {
      expect(initials({ familyName: '鈴木', givenName: '一郎' })).to.equal('鈴');
      expect(initials({ familyName: 'clark', givenName: 'emily' })).to.equal('EC');
    });
  });
});
