import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import sinon from 'sinon';
import { OkaeriApiError } from '../../src/api/errors.js';
import { avatarStyles, renderAvatar } from '../../src/internal/avatar.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { define } from '../../src/internal/define.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { fieldErrorKey } from '../../src/internal/error-message.js';
import { fieldStyles, renderField, renderFieldGroup, renderGroupItem } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { renderSpinner } from '../../src/internal/spinner.js';

const networkError = new OkaeriApiError('GET /api/v1/meta: network error', { kind: 'network', method: 'GET', url: '/api/v1/meta' });

/** Every shared piece in every state, composed the way a widget composes them. */
class UiProbe extends OkaeriElement {
  static override styles = [OkaeriElement.styles, buttonStyles, fieldStyles, avatarStyles, errorBannerStyles, liveRegionStyles];

  @property({ attribute: false }) emailError?: string;
  @property({ type: Boolean }) busy = false;
  readonly announcer = new LiveAnnouncer(this);
  readonly saved = sinon.spy();
  readonly retried = sinon.spy();

  protected override render() {
    const l = this.localize;
    return litHtml`<form novalidate>
      ${renderField(l, { id: 'email', label: 'Email', hint: 'We never share it.', error: this.emailError, required: true }, (control) =>
        litHtml`<input ${control} type="email" name="email" />`,
      )}
      ${renderField(l, { id: 'note', label: 'Note' }, (control) => litHtml`<textarea ${control}></textarea>`)}
      ${renderFieldGroup(
        l,
        { id: 'interests', label: 'Interests', hint: 'Pick any.', error: l.msg(fieldErrorKey('required')), required: true },
        renderGroupItem({ label: 'Coming back' }, (c) => litHtml`<input ${c} type="checkbox" name="interests" value="rehire" />`),
      )}
      ${renderFieldGroup(
        l,
        { id: 'joined', label: 'Joined', error: this.emailError },
        renderGroupItem({ id: 'joined-year', label: 'Year', look: 'sub', invalid: Boolean(this.emailError) }, (c) =>
          litHtml`<select ${c} name="joinedYear"><option value="">–</option><option>2015</option></select>`,
        ),
      )}
      ${renderButton({ label: l.msg('action.save'), busy: this.busy, onClick: this.saved })}
      ${renderButton({ label: l.msg('action.cancel'), variant: 'secondary' })}
      ${renderButton({ label: l.msg('action.close'), variant: 'quiet', disabled: true })}
    </form>
    ${renderAvatar(l, { person: { familyName: '鈴木', givenName: '一郎' } })}
    ${renderAvatar(l, { person: { familyName: 'Clark', givenName: 'Emily' }, photoUrl: 'data:image/png;base64,bm90IGEgcGljdHVyZQ==' })}
    ${renderAvatar(l, { person: { familyName: 'Clark', givenName: 'Emily' }, decorative: true })}
    ${renderSpinner(l)} ${renderErrorBanner(l, { error: networkError, onRetry: this.retried })} ${this.announcer.render()}`;
  }

  $<E extends Element = HTMLElement>(selector: string): E {
    return this.renderRoot.querySelector<E>(selector)!;
  }
}
define('okaeri-ui-probe', UiProbe);

describe('shared UI pieces', () => {
  afterEach(async () => {
    sinon.restore();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`pass axe in the ${theme} theme, in both languages`, async () => {
      for (const lang of ['en', 'ja']) {
        const el = await fixture<UiProbe>(html`<okaeri-ui-probe theme=${theme} lang=${lang} .emailError=${'Enter a valid email address.'}></okaeri-ui-probe>`);
        await expect(el).to.be.accessible();
      }
    });
  }

  it('follow the OS dark preference under theme "auto", and stop transitions for reduced motion', async () => {
    const el = await fixture<UiProbe>(html`<okaeri-ui-probe></okaeri-ui-probe>`);
    await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(getComputedStyle(el).color).to.equal('rgb(230, 233, 238)');
    expect(getComputedStyle(el.$('.button')).transitionDuration).to.equal('0s');
    await expect(el).to.be.accessible();
  });

  describe('field', () => {
    it('wires label, hint, error and required state to the control', async () => {
      const el = await fixture<UiProbe>(html`<okaeri-ui-probe lang="ja"></okaeri-ui-probe>`);
      const input = el.$<HTMLInputElement>('#email');
      expect(el.$('label[for="email"]').textContent).to.contain('Email');
      expect(el.$('[part="field-required"]').textContent).to.equal('必須');
      expect(input.getAttribute('aria-required')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('email-hint');
      expect(input.hasAttribute('aria-invalid')).to.be.false;

      el.emailError = '正しいメールアドレスを入力してください。';
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('email-hint email-error');
      expect(el.$('#email-error').textContent).to.equal('正しいメールアドレスを入力してください。');

      const note = el.$('#note');
      expect(note.hasAttribute('aria-describedby') || note.hasAttribute('aria-required')).to.be.false;
    });

    it('describes a group by its hint and error, with a readable required marker', async () => {
      const el = await fixture<UiProbe>(html`<okaeri-ui-probe lang="ja"></okaeri-ui-probe>`);
      const group = el.$('fieldset#interests');
      expect(group.getAttribute('aria-describedby')).to.equal('interests-hint interests-error');
      expect(el.$('#interests-error').textContent).to.equal('この項目は必須です。');
      expect(group.querySelector('[part="field-required"]')!.hasAttribute('aria-hidden')).to.be.false;
    });

    it("puts a group's own controls through renderGroupItem: a checkbox beside its text, a select under its small label, invalid from the group", async () => {
      const el = await fixture<UiProbe>(html`<okaeri-ui-probe lang="en"></okaeri-ui-probe>`);
      const box = el.$<HTMLInputElement>('[name="interests"]');
      expect(box.closest('label')!.className).to.equal('check');
      expect(box.closest('label')!.textContent!.trim()).to.equal('Coming back');
      expect(getComputedStyle(box).width).to.equal('20px');
      expect(box.hasAttribute('id') || box.hasAttribute('aria-invalid'), 'no id or state of its own').to.be.false;

      const year = el.$<HTMLSelectElement>('#joined-year');
      expect(year.closest('label')!.className).to.equal('sub');
      expect(year.closest('label')!.querySelector('span')!.textContent).to.equal('Year');
      expect(year.hasAttribute('aria-invalid')).to.be.false;
      const normal = getComputedStyle(year).borderInlineStartWidth;
      expect(normal).to.equal('1px');

      el.emailError = 'Enter a valid date.';
      await el.updateComplete;
      expect(year.getAttribute('aria-invalid')).to.equal('true');
      expect(getComputedStyle(year).borderInlineStartWidth, 'the invalid border wins over .sub select').to.equal('4px');
      expect(el.$('fieldset#joined').getAttribute('aria-describedby')).to.equal('joined-error');
    });
  });

  describe('button', () => {
    it('acts on click, and refuses while busy without losing focus', async () => {
      const el = await fixture<UiProbe>(html`<okaeri-ui-probe></okaeri-ui-probe>`);
      const save = el.$<HTMLButtonElement>('[part~="button-primary"]');
      save.click();
      expect(el.saved.calledOnce).to.be.true;

      save.focus();
      el.busy = true;
      await el.updateComplete;
      save.click();
      expect(el.saved.calledOnce, 'no second action while busy').to.be.true;
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      expect(save.querySelector('[part="button-spinner"]')).to.exist;
      expect(el.shadowRoot!.activeElement).to.equal(save);
    });
  });

  describe('avatar', () => {
    it('is named after the person and falls back to initials when the photo fails', async () => {
      const el = await fixture<UiProbe>(html`<okaeri-ui-probe lang="ja"></okaeri-ui-probe>`);
      const [suzuki, emily, decorative] = el.renderRoot.querySelectorAll<HTMLElement>('[part="avatar"]');
      expect(suzuki.getAttribute('role')).to.equal('img');
      expect(suzuki.getAttribute('aria-label')).to.equal('鈴木 一郎');
      expect(suzuki.textContent!.trim()).to.equal('鈴');
      expect(emily.getAttribute('aria-label')).to.equal('Emily Clark');
      const photo = emily.querySelector('img')!;
      await waitUntil(() => photo.hidden, 'a broken photo is hidden');
      expect(emily.textContent!.trim()).to.equal('EC');
      expect(decorative.getAttribute('aria-hidden')).to.equal('true');
    });
  });

  describe('spinner and error banner', () => {
    it('name the spinner and explain the failure in the reader’s language, with a retry', async () => {
      const el = await fixture<UiProbe>(html`<okaeri-ui-probe lang="ja"></okaeri-ui-probe>`);
      expect(el.$('[part="spinner"]').getAttribute('aria-label')).to.equal('読み込み中…');
      const banner = el.$('[part="error-banner"]');
      expect(banner.getAttribute('role')).to.equal('alert');
      expect(el.$('[part="error-banner-message"]').textContent).to.equal(
        'サーバーに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。',
      );
      const retry = banner.querySelector<HTMLButtonElement>('button')!;
      expect(retry.textContent!.trim()).to.equal('もう一度試す');
      retry.click();
      expect(el.retried.calledOnce).to.be.true;
    });
  });

  describe('live region', () => {
    it('announces politely, and again when the same message repeats', async () => {
      const el = await fixture<UiProbe>(html`<okaeri-ui-probe></okaeri-ui-probe>`);
      const region = el.$('[part="live-region"]');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      await el.announcer.announce('Saved');
      expect(region.textContent).to.equal('Saved');

      const texts: string[] = [];
      const observer = new MutationObserver(() => texts.push(region.textContent ?? ''));
      observer.observe(region, { childList: true, subtree: true, characterData: true });
      await el.announcer.announce('Saved');
      observer.disconnect();
      expect(texts).to.include('');
      expect(region.textContent).to.equal('Saved');
    });
  });
});

describe('error messages', () => {
  it('map field error codes to validation messages, unknown codes to "invalid"', () => {
    expect(fieldErrorKey('too_long')).to.equal('validation.too_long');
    expect(fieldErrorKey('from_the_future' as 'invalid')).to.equal('validation.invalid');
  });
});

describe('one look for every widget (issue 13)', () => {
  it('following the OS: no box of its own, the host surface shows through; a forced theme paints its surface with inner padding', async () => {
    const { fixture: mountFixture, html: h } = await import('@open-wc/testing');
    await import('../../components/config/config.js');
    await import('../../components/reonboarding-checklist/reonboarding-checklist.js');
    await import('../../components/welcome-card/welcome-card.js');
    await import('../../components/directory/directory.js');
    await import('../../components/signup-form/signup-form.js');
    const tags = 'okaeri-reonboarding-checklist, okaeri-welcome-card, okaeri-directory, okaeri-signup-form';
    const wrapper = await mountFixture(h`<div><okaeri-config>
      <okaeri-reonboarding-checklist></okaeri-reonboarding-checklist><okaeri-welcome-card></okaeri-welcome-card>
      <okaeri-directory></okaeri-directory><okaeri-signup-form no-draft></okaeri-signup-form></okaeri-config></div>`);
    const config = wrapper.querySelector('okaeri-config')!;
    const widgets = [...wrapper.querySelectorAll<HTMLElement>(tags)];
    for (const widget of widgets) {
      expect(getComputedStyle(widget).backgroundColor, widget.localName).to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(widget).paddingTop, `${widget.localName}: the checklist has no padding of its own`).to.equal('0px');
    }
    for (const theme of ['dark', 'light']) {
      config.setAttribute('theme', theme);
      await (config as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      await Promise.all(widgets.map((widget) => (widget as unknown as { updateComplete: Promise<unknown> }).updateComplete));
      for (const widget of widgets) {
        expect(widget.matches(`:state(${theme})`), `${widget.localName} :state(${theme})`).to.equal(true);
        expect(getComputedStyle(widget).backgroundColor, `${widget.localName} ${theme}`).not.to.equal('rgba(0, 0, 0, 0)');
        expect(getComputedStyle(widget).paddingTop, `${widget.localName} ${theme}`).to.equal('16px');
      }
    }
    const matched = widgets[0]!;
    matched.style.setProperty('--okaeri-color-background', 'rgb(1, 2, 3)');
    matched.style.setProperty('--okaeri-padding', '12px');
    expect(getComputedStyle(matched).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(matched).paddingTop).to.equal('12px');
  });
});
