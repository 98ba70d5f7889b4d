// Test-only widgets built on the shared base, the way real widgets are.
import { html } from 'lit';
import { define } from '../../src/internal/define.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';

/** Renders what a user would see of its configuration: the saved-button text and the API base. */
export class OkaeriProbe extends OkaeriElement {
  protected override render() {
    return html`<p lang=${this.localize.lang}>
      <span class="label">${this.localize.msg('action.save')}</span>
      <span class="base">${this.config.baseUrl ?? ''}</span>
    </p>`;
  }

  get text(): string {
    return this.renderRoot.querySelector('.label')?.textContent ?? '';
  }

  get shownBaseUrl(): string {
    return this.renderRoot.querySelector('.base')?.textContent ?? '';
  }

  get resolvedLang(): string {
    return this.localize.lang;
  }
}
define('okaeri-probe', OkaeriProbe);

declare global {
  interface HTMLElementTagNameMap {
    'okaeri-probe': OkaeriProbe;
  }
}
