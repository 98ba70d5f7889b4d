import { consume } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Api } from '../api/adapter.js';
import { OkaeriApiError } from '../api/errors.js';
import { adapterFor } from '../config/adapter-for.js';
import { configContext } from '../config/context.js';
import { globalConfig, onConfigure } from '../config/global.js';
import { overlay } from '../config/overlay.js';
import { isPageConfigured, pageConfigured } from '../config/ready.js';
import type { OkaeriConfig, Theme } from '../config/types.js';
import { AuthRequiredEvent, type AuthRequiredDetail } from '../events/auth-required.js';
import { LocalizeController } from '../i18n/localize.js';
import type { MessageKey, WidgetCatalogs } from '../i18n/messages.js';
import { reset } from '../styles/reset.js';
import { tokens } from '../styles/tokens.js';

const defaults: OkaeriConfig = { theme: 'auto' };

/**
 * Why a widget shows no data: nobody is signed in (`signed-out`, with the reason the
 * `okaeri-auth-required` event carried), or the signed-in viewer may not see it (`forbidden`).
 */
export type Access = { state: 'signed-out'; reason: AuthRequiredDetail['reason'] } | { state: 'forbidden' };

export interface LoadOptions<A extends readonly unknown[], R> {
  /** What the load depends on; it re-runs when one of them changes (the adapter is always included). */
  args: () => A;
  /** The request(s). Pass `signal` to every call: it aborts superseded runs and on disconnect. */
  task: (args: A, options: { signal: AbortSignal; api: Api }) => Promise<R>;
  /** Side effects of the latest successful run only (never of a superseded one). */
  onComplete?: (value: R) => void;
  /** Whether the data needs a signed-in viewer (default true): without credentials, nothing is sent. */
  needsSignIn?: boolean;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The base of every Okaeri widget: resolved configuration, the API adapter, localization,
 * theming, and the shared ways to load data (`loadTask`) and to show the signed-out and
 * no-permission states (`access`, `renderAccess`). Widgets compose styles as
 * `[OkaeriElement.styles, …their own]` and give their strings as `static messages = { en, ja }`.
 */
export class OkaeriElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, reset];

  /** The widget's own catalogs (`components/<widget>/<widget>.messages.<lang>.ts`). */
  static messages?: WidgetCatalogs;

  /** API base URL for this widget only; overrides `<okaeri-config>` and `configure()`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** `light`, `dark` or `auto` (follow the OS); unset inherits from the provider or `configure()`. */
  @property({ reflect: true }) theme?: Theme;

  // Declared reactive so that setting the host's own `lang` re-renders it in that language.
  @property({ reflect: true }) override lang!: string;

  @consume({ context: configContext, subscribe: true })
  private provided?: OkaeriConfig;

  /**
   * False until the page has had its chance to configure the widget (src/config/ready.ts): no
   * request and no auth-required event before, whatever the markup order.
   */
  @state() protected pageConfigured = isPageConfigured();

  /** Set by `loadTask` when the viewer must sign in or may not see the data; rendered by `renderAccess`. */
  @state() protected access?: Access;

  /** For subclasses: a form-associated widget uses these rather than calling attachInternals again. */
  protected readonly internals: ElementInternals = this.attachInternals();

  protected readonly localize = new LocalizeController(this, () => this.config);

  private stopListening?: () => void;
  private readonly loads: Task<readonly unknown[], unknown>[] = [];
  private abortedByDisconnect = new Set<Task<readonly unknown[], unknown>>();

  /** Configuration resolved key by key: this widget > nearest provider > `configure()` > defaults. */
  get config(): OkaeriConfig {
    const own: OkaeriConfig = { baseUrl: this.baseUrl, theme: this.theme };
    return overlay(overlay(overlay(defaults, globalConfig()), this.provided ?? {}), own);
  }

  /**
   * The host's adapter or the shared transport for the resolved options (stable across renders);
   * call it through `adapterMethod(api, name, operation)`.
   */
  get api(): Api {
    return adapterFor(this.config);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = onConfigure(() => this.requestUpdate());
    if (!this.pageConfigured) void pageConfigured().then(() => (this.pageConfigured = true));
    // Loads aborted when the widget was taken out of the page start again when it is put back.
    for (const task of this.abortedByDisconnect) void task.run();
    this.abortedByDisconnect.clear();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    for (const task of this.loads) {
      if (task.status !== TaskStatus.PENDING) continue;
      this.abortedByDisconnect.add(task);
      task.abort();
    }
  }

  /**
   * Whether a request can carry the viewer's identity; without one the server would answer 401,
   * so a widget that needs a viewer shows the sign-in state instead of asking.
   */
  protected hasCredentials(): boolean {
    const { token, getToken, adapter, headers, credentials } = this.config;
    return Boolean(
      token || getToken || adapter || credentials === 'include' || Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'authorization'),
    );
  }

  /**
   * The one way a widget loads data. The task runs only once the page has configured the widget;
   * without credentials it sends nothing and enters the signed-out state; a 401 does the same, a
   * 403 enters the no-permission state; any other failure (network, timeout, 5xx) is the task's
   * error, for `renderErrorBanner` with a retry. Runs are aborted when superseded and on
   * disconnect. Name tasks after what they load: `checklistTask`, `announcementsTask`.
   */
  protected loadTask<A extends readonly unknown[], R>(options: LoadOptions<A, R>): Task<readonly unknown[], R> {
    const { needsSignIn = true } = options;
    const task = new Task<readonly unknown[], R>(this, {
      args: () => [this.pageConfigured, needsSignIn && this.hasCredentials(), this.api, ...options.args()],
      task: async ([configured, signedIn, api, ...args], { signal }) => {
        if (!configured) return initialState;
        if (needsSignIn && !signedIn) {
          this.requireAuth('missing-token');
          return initialState;
        }
        try {
          const value = await options.task(args as unknown as A, { signal, api: api as Api });
          // Only a load that needs a viewer proves the viewer may see the data (a public one, such
          // as the directory's meta, says nothing about it).
          if (needsSignIn && !signal.aborted) this.setAccess(undefined);
          return value;
        } catch (error) {
          if (isAbort(error) || signal.aborted) throw error;
          if (error instanceof OkaeriApiError && error.kind === 'http' && (error.status === 401 || error.status === 403)) {
            this.denyAccess(error.status);
            return initialState;
          }
          throw error;
        }
      },
      onComplete: options.onComplete,
    });
    this.loads.push(task as Task<readonly unknown[], unknown>);
    return task;
  }

  /** What a 401 (sign in again) or a 403 (no permission) from any of the widget's requests means. */
  protected denyAccess(status: 401 | 403): void {
    if (status === 401) this.requireAuth('unauthorized');
    else this.setAccess({ state: 'forbidden' });
  }

  /** Enters the signed-out state; fires `okaeri-auth-required` once per transition into it. */
  protected requireAuth(reason: AuthRequiredDetail['reason']): void {
    const entering = this.access?.state !== 'signed-out';
    this.setAccess({ state: 'signed-out', reason });
    if (entering) this.dispatchEvent(new AuthRequiredEvent({ reason }));
  }

  protected setAccess(access: Access | undefined): void {
    if (access?.state === this.access?.state && (access as { reason?: string })?.reason === (this.access as { reason?: string })?.reason) return;
    this.access = access;
  }

  /**
   * The signed-out state (the `auth-required` slot, whose default says to sign in) or the
   * no-permission state (no retry: trying again cannot help). Parts: `auth-required`, `forbidden`.
   */
  protected renderAccess(messages: { signedOut?: MessageKey; forbidden?: MessageKey } = {}): TemplateResult | undefined {
    const l = this.localize;
    if (this.access?.state === 'signed-out') {
      return html`<slot name="auth-required"><p class="auth-required" part="auth-required">${l.msg(messages.signedOut ?? 'access.signedOut')}</p></slot>`;
    }
    if (this.access?.state === 'forbidden') {
      return html`<p class="forbidden" part="forbidden" role="status">${l.msg(messages.forbidden ?? 'access.forbidden')}</p>`;
    }
    return undefined;
  }

  protected override update(changed: PropertyValues): void {
    const { theme } = this.config;
    for (const state of ['light', 'dark'] as const) {
      if (theme === state) this.internals.states.add(state);
      else this.internals.states.delete(state);
    }
    super.update(changed);
  }
}
