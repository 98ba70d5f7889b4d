import type { Lang } from './catalogs.js';
import type { en } from './en.js';

/**
 * A message with count-dependent forms, chosen by `Intl.PluralRules` for the `count` parameter:
 * `{ one: '{count} result', other: '{count} results' }`. `other` is the fallback (and all that
 * Japanese needs).
 */
export type PluralMessage = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

/** One catalog's values: text with `{name}` placeholders, or plural forms. */
export type Catalog = Record<string, string | PluralMessage>;

/** The keys every widget uses (status, actions, errors, validation, access, names): src/i18n/en.ts. */
export type SharedMessages = Record<keyof typeof en, string | PluralMessage>;

/**
 * Each widget's own keys. Every `components/<widget>/<widget>.messages.en.ts` adds its keys here
 * (declaration merging), so `msg()` and host overrides are typed for all of them while the strings
 * themselves ship only with the widget that uses them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WidgetMessages {}

export type Messages = SharedMessages & WidgetMessages;
export type MessageKey = keyof Messages;

/** A widget's catalogs, one per language with identical keys: `static messages = { en, ja }`. */
export type WidgetCatalogs = Record<Lang, Catalog>;
