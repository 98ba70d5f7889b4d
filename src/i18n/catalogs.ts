import type { Locale } from '../api/types.js';
import { en, type Messages } from './en.js';
import { ja } from './ja.js';

/** The languages the contract's LocalizedText carries; each needs a catalog here. */
export type Lang = Locale;

export const catalogs: Record<Lang, Messages> = { en, ja };

/** Maps a BCP 47 tag to a supported catalog: 'ja-JP' → 'ja'; anything unsupported → 'en'. */
export function normalizeLang(tag: string | null | undefined): Lang {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'ja' ? 'ja' : 'en';
}
