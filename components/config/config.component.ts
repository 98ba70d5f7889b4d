import { consume, provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { OkaeriAdapter } from '../../src/api/adapter.js';
import type { EndpointName } from '../../src/api/endpoints.js';
import { configContext } from '../../src/config/context.js';
import { overlay } from '../../src/config/overlay.js';
import type { OkaeriConfig, Theme } from '../../src/config/types.js';

/**
 * @tag okaeri-config
 * @summary Gives every Okaeri widget inside it the same API endpoint, authentication, language,
 * theme and strings. Nested providers overlay their parent: set only what differs.
 *
 * @slot - The widgets (and any other content) that share this configuration.
 *
 * @example
 * <okaeri-config base-url="https://alumni.example.com" lang="ja" theme="auto">
 *   <okaeri-directory></okaeri-directory>
 * </okaeri-config>
 */
export class OkaeriConfigElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Okaeri API; empty means the page's own origin. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** A bearer token. Prefer `getToken` when tokens expire. */
  @property() token?: string;

  /** Language of the widgets inside (`en`, `ja`, or a tag such as `ja-JP`). */
  @property({ reflect: true }) override lang!: string;

  /** `light`, `dark` or `auto`. */
  @property({ reflect: true }) theme?: Theme;

  /** Called before every request for a fresh bearer token; wins over `token`. */
  @property({ attribute: false }) getToken?: OkaeriConfig['getToken'];

  /** A fetch implementation (for instrumentation or tests). */
  @property({ attribute: false }) fetch?: typeof fetch;

  /** Replaces the built-in client, for a backend that does not follow the Okaeri contract. */
  @property({ attribute: false }) adapter?: OkaeriAdapter;

  /** Headers sent with every request. */
  @property({ attribute: false }) headers?: Record<string, string>;

  /** Per-endpoint path overrides, e.g. `{ meta: '/hr/alumni/meta' }`. */
  @property({ attribute: false }) paths?: Partial<Record<EndpointName, string>>;

  @property({ attribute: false }) credentials?: RequestCredentials;

  /** Milliseconds per request attempt. */
  @property({ attribute: false }) timeout?: number;

  /** String overrides per language, e.g. `{ ja: { 'action.submit': '登録する' } }`. */
  @property({ attribute: false }) messages?: OkaeriConfig['messages'];

  // The enclosing provider's value, which this one overlays.
  @consume({ context: configContext, subscribe: true })
  private inherited?: OkaeriConfig;

  @provide({ context: configContext })
  protected provided: OkaeriConfig = {};

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.provided = overlay(this.inherited ?? {}, {
      baseUrl: this.baseUrl,
      token: this.token,
      lang: this.lang,
      theme: this.theme,
      getToken: this.getToken,
      fetch: this.fetch,
      adapter: this.adapter,
      headers: this.headers,
      paths: this.paths,
      credentials: this.credentials,
      timeout: this.timeout,
      messages: this.messages,
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
