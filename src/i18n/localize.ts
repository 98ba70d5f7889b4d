import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OkaeriConfig } from '../config/types.js';
import { catalogs, messageText, normalizeLang, type Lang } from './catalogs.js';
import type { Catalog, MessageKey, Messages, WidgetCatalogs } from './messages.js';
import { interpolate } from './interpolate.js';
import { formatPersonName, type PersonName } from './names.js';

type Host = ReactiveControllerHost & HTMLElement;

interface Resolved {
  lang: Lang;
  overrides?: Partial<Messages>;
}

// One observer for every instance: `lang` changes anywhere in the document's light DOM
// (usually <html lang> flipped by a language switcher) re-render all connected hosts.
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function watch(controller: LocalizeController): void {
  connected.add(controller);
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const each of connected) each.host.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function unwatch(controller: LocalizeController): void {
  connected.delete(controller);
  if (connected.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/** The `lang` attribute on the host or its nearest ancestor below <html>, across shadow roots. */
function declaredLang(host: Element): string | undefined {
  const root = document.documentElement;
  let node: Element | null = host;
  while (node && node !== root) {
    // The property, not the attribute: a Lit host's new `lang` is reflected only after the
    // controllers' hostUpdate has run.
    const lang = (node as Partial<HTMLElement>).lang ?? node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
  }
  return undefined;
}

/**
 * Language, messages and Intl formatting for a widget. The language is the host's own `lang`,
 * else its nearest `lang` ancestor below <html>, else the configured `lang`, else <html lang>,
 * else English. It only affects what the host renders; it never writes the page's attributes.
 */
export class LocalizeController implements ReactiveController {
  readonly host: Host;
  private readonly config: () => OkaeriConfig;
  private current?: Resolved;
  private readonly added: WidgetCatalogs[] = [];

  /**
   * `config` returns the host's resolved configuration. The host re-renders when that changes
   * (OkaeriElement does); this controller re-renders it when a `lang` attribute changes.
   */
  constructor(host: Host, config: () => OkaeriConfig) {
    this.host = host;
    this.config = config;
    host.addController(this);
  }

  hostConnected(): void {
    watch(this);
    // Moved into another part of the page, the widget may now be in another language.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  // Resolved once per update rather than on every msg() call: a render may ask hundreds of times.
  hostUpdate(): void {
    this.current = this.resolve();
  }

  get lang(): Lang {
    return this.resolved().lang;
  }

  /**
   * Adds the catalogs of a part of the widget that arrives later with its code (a tab of the HR
   * console loaded on first open), both languages, so the `lang` switch keeps working. Looked up
   * after the widget's own `static messages`; re-renders the host.
   */
  addMessages(part: WidgetCatalogs): void {
    if (this.added.includes(part)) return;
    this.added.push(part);
    this.host.requestUpdate();
  }

  /**
   * A message: the host's override from `config.messages` first, then the widget's own catalog
   * (its class's `static messages`, then what `addMessages` added), then the shared one. A `count`
   * parameter picks the plural form.
   */
  msg(key: MessageKey, params: Record<string, string | number> = {}): string {
    const { lang, overrides } = this.resolved();
    const own = (this.host.constructor as { messages?: WidgetCatalogs }).messages?.[lang];
    let message = overrides?.[key] ?? own?.[key];
    for (const part of this.added) message ??= part[lang][key];
    message ??= (catalogs[lang] as Catalog)[key] ?? key;
    const template = messageText(message, lang, params.count);
    const formatted = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? this.formatNumber(value) : value]),
    );
    return interpolate(template, formatted);
  }

  /**
   * A date in the current language. Date-only strings ('2025-04-01') are calendar days, so they
   * are formatted in UTC and never shift to the previous day west of Greenwich.
   */
  formatDate(date: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    const calendarDay = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date);
    const value = new Date(date);
    if (Number.isNaN(value.getTime())) return String(date);
    return new Intl.DateTimeFormat(this.lang, calendarDay ? { timeZone: 'UTC', ...options } : options).format(value);
  }

  /** 'YYYY-MM' (tenure start and end) → "April 2015" / "2015年4月". */
  formatYearMonth(yearMonth: string): string {
    const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
    if (!match) return yearMonth;
    const value = Date.UTC(Number(match[1]), Number(match[2]) - 1);
    return new Intl.DateTimeFormat(this.lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(value);
  }

  formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.lang, options).format(value);
  }

  /** "Sales, Design, and HR" / "営業、デザイン、人事". */
  formatList(items: Iterable<string>, options: Intl.ListFormatOptions = { type: 'conjunction' }): string {
    return new Intl.ListFormat(this.lang, options).format(items);
  }

  /** A person's name in this language's order, with the (overridable) honorific if asked. */
  personName(person: PersonName, { honorific = false }: { honorific?: boolean } = {}): string {
    const name = formatPersonName(person, this.lang);
    return honorific ? this.msg('person.honorific', { name }) : name;
  }

  private resolved(): Resolved {
    return (this.current ??= this.resolve());
  }

  private resolve(): Resolved {
    const config = this.config();
    const lang = normalizeLang(declaredLang(this.host) ?? config.lang ?? document.documentElement.lang);
    return { lang, overrides: config.messages?.[lang] };
  }
}
