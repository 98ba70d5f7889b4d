import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { avatarStyles, renderAvatar } from '../src/internal/avatar.js';
import { buttonStyles, renderButton } from '../src/internal/button.js';
import { define } from '../src/internal/define.js';
import { errorBannerStyles, renderErrorBanner } from '../src/internal/error-banner.js';
import { fieldStyles, renderField } from '../src/internal/field.js';
import { OkaeriElement } from '../src/internal/okaeri-element.js';
import { renderSpinner, spinnerStyles } from '../src/internal/spinner.js';
import { OkaeriApiError } from '../src/api/errors.js';

/**
 * A story-only element that lays out the shared UI pieces every widget composes, so designers can
 * check tokens, parts, light and dark, and both languages in one place.
 */
class OkaeriStoryPieces extends OkaeriElement {
  static override styles = [
    OkaeriElement.styles,
    buttonStyles,
    fieldStyles,
    avatarStyles,
    spinnerStyles,
    errorBannerStyles,
  ];

  @state() private email = 'not-an-email';

  protected override render() {
    const l = this.localize;
    return html`<div lang=${l.lang} style="display:grid;gap:var(--okaeri-space-l, 1.5rem);padding:1rem">
      <div style="display:flex;gap:0.5rem;flex-wrap:wrap">
        ${renderButton({ label: l.msg('action.submit') })}
        ${renderButton({ label: l.msg('action.save'), variant: 'secondary' })}
        ${renderButton({ label: l.msg('action.cancel'), variant: 'quiet' })}
        ${renderButton({ label: l.msg('action.submit'), busy: true })}
      </div>
      ${renderField(
        l,
        { id: 'email', label: 'Email', hint: 'name@example.com', error: l.msg('validation.invalid_email'), required: true },
        (control) => html`<input ${control} type="email" .value=${this.email} @input=${(event: Event) => (this.email = (event.target as HTMLInputElement).value)} />`,
      )}
      <div style="display:flex;gap:1rem;align-items:center">
        ${renderAvatar(l, { person: { familyName: '鈴木', givenName: '花子' } })}
        <span>${l.personName({ familyName: '鈴木', givenName: '花子' }, { honorific: true })}</span>
        ${renderAvatar(l, { person: { familyName: 'Clark', givenName: 'Emily' } })}
        <span>${l.personName({ familyName: 'Clark', givenName: 'Emily' }, { honorific: true })}</span>
      </div>
      ${renderSpinner(l)}
      ${renderErrorBanner(l, {
        error: new OkaeriApiError('offline', { kind: 'network', method: 'GET', url: '/api/v1/meta' }),
        onRetry: () => undefined,
      })}
    </div>`;
  }
}
define('okaeri-story-pieces', OkaeriStoryPieces);

const meta: Meta = {
  title: 'Foundation/Shared UI pieces',
  render: () => html`<okaeri-story-pieces></okaeri-story-pieces>`,
};
export default meta;

export const Default: StoryObj = {};
export const English: StoryObj = { globals: { lang: 'en' } };
export const Dark: StoryObj = { globals: { theme: 'dark' } };
