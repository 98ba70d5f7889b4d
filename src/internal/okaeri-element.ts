import { consume } from '@lit/context';
import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { OkaeriAdapter } from '../api/adapter.js';
import { adapterFor } from '../config/adapter-for.js';
import { configContext } from '../config/context.js';
import { globalConfig, onConfigure } from '../config/global.js';
import { overlay } from '../config/overlay.js';
import type { OkaeriConfig, Theme } from '../config/types.js';
import { LocalizeController } from '../i18n/localize.js';
import { reset } from '../styles/reset.js';
import { tokens } from '../styles/tokens.js';

const defaults: OkaeriConfig = { theme: 'auto' };

/**
 * The base of every Okaeri widget: resolved configuration, the API adapter, localization and
 * theming. Widgets compose styles as `[OkaeriElement.styles, …their own]`.
 */
export class OkaeriElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, reset];

  /** API base URL for this widget only; overrides `<okaeri-config>` and `configure()`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** `light`, `dark` or `auto` (follow the OS); unset inherits from the provider or `configure()`. */
  @property({ reflect: true }) theme?: Theme;

  // Declared reactive so that setting the host's own `lang` re-renders it in that language.
  @property({ reflect: true }) override lang!: string;

  @consume({ context: configContext, subscribe: true })
  private provided?: OkaeriConfig;

  /** For subclasses: a form-associated widget uses these rather than calling attachInternals again. */
  protected readonly internals: ElementInternals = this.attachInternals();

  protected readonly localize = new LocalizeController(this, () => this.config);

  private stopListening?: () => void;

  /** Configuration resolved key by key: this widget > nearest provider > `configure()` > defaults. */
  get config(): OkaeriConfig {
    const own: OkaeriConfig = { baseUrl: this.baseUrl, theme: this.theme };
    return overlay(overlay(overlay(defaults, globalConfig()), this.provided ?? {}), own);
  }

  /** The host's adapter or the shared client for the resolved options (stable across renders). */
  get api(): OkaeriAdapter {
    return adapterFor(this.config);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = onConfigure(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
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
