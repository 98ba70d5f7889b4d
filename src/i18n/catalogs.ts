import type { Locale } from '../api/types.js';
import { en } from './en.js';
import { ja } from './ja.js';
import type { PluralMessage, SharedMessages } from './messages.js';

/** The languages the contract's LocalizedText carries; each needs a catalog here. */
export type Lang = Locale;

/** The shared catalogs; each widget brings its own keys as `static messages`. */
export const catalogs: Record<Lang, SharedMessages> = { en, ja };

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The text of a message: plural forms are chosen by Intl.PluralRules for `count` ("1 result",
 * "2 results"), falling back to `other` (a language without the form, or no count given).
 */
export function messageText(message: string | PluralMessage, lang: Lang, count: unknown): string {
  if (typeof message === 'string') return message;
  if (typeof count !== 'number') return message.other;
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return message[rules.select(count)] ?? message.other;
}

/** Maps a BCP 47 tag to a supported catalog: 'ja-JP' → 'ja'; anything unsupported → 'en'. */
export function normalizeLang(tag: string | null | undefined): Lang {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'ja' ? 'ja' : 'en';
}
