import type { OkaeriAdapter } from '../api/adapter.js';
import type { EndpointName } from '../api/endpoints.js';
import type { Lang } from '../i18n/catalogs.js';
import type { Messages } from '../i18n/messages.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * Everything a page can tell the widgets. Every key is optional: each is resolved separately
 * (widget attribute > nearest `<okaeri-config>` > `configure()` > default).
 */
export interface OkaeriConfig {
  /** Where the Okaeri API lives, e.g. `https://alumni.example.com`; empty means the page's origin. */
  baseUrl?: string;
  /** A bearer token sent as `Authorization: Bearer …`. */
  token?: string;
  /** Called before every request; wins over `token`, so a host can refresh tokens. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Sent with every request. */
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  /** Milliseconds before a request attempt is abandoned. */
  timeout?: number;
  /** Per-endpoint path overrides, e.g. `{ meta: '/alumni-api/meta' }`. */
  paths?: Partial<Record<EndpointName, string>>;
  fetch?: typeof fetch;
  /** Replaces the built-in client for a backend that does not follow the Okaeri contract. */
  adapter?: OkaeriAdapter;
  /** A BCP 47 tag; see LocalizeController for where it ranks against `lang` attributes. */
  lang?: string;
  theme?: Theme;
  /** Host overrides for any message, per language. */
  messages?: Partial<Record<Lang, Partial<Messages>>>;
}
