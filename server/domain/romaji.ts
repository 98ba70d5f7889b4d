/**
 * Romaji for the directory: kana readings written in Latin letters, and one canonical spelling
 * that every common way of typing a Japanese name in romaji reduces to, so that `sato`, `satou`,
 * `satoh` and `sató` all find さとう.
 *
 * Pure functions over normalized words (see `normalizeSearchText`: lower case, diacritics
 * dropped, katakana already hiragana). Both the index and the query go through
 * `canonicalRomaji`, so they agree by construction.
 *
 * The canonical form folds the spelling systems people mix (Hepburn, Kunrei, Nihon-shiki, and what
 * passports and business cards show):
 * - digraphs to Kunrei: shi/si, chi/ti, tsu/tu, fu/hu, ji/zi/di, sha/sya, cha/tya, ja/zya/jya;
 * - long vowels dropped: ou, oo, oh (before a consonant or at the end), uu, aa, ii, ee → one vowel
 *   (macrons are already gone: ō → o); `ei` is kept, as Hepburn writes it;
 * - doubled consonants (っ) and n/nn/m before b, p, m (ん) to one letter: `shinnichi`, `shin'ichi`
 *   (the apostrophe splits the word, and both halves still match) and `shinichi` agree;
 * - a trailing consonant + y or a trailing c (what a name looks like while it is being typed: `sh`,
 *   `ky`, `yamaguc`) keeps only the consonant of the syllable, so the prefix still matches.
 */

const BASE: Record<string, string> = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o',
  か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko',
  が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge', ご: 'go',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so',
  ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo',
  た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
  だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de', ど: 'do',
  な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no',
  は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
  ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo',
  ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe', ぽ: 'po',
  ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo',
  や: 'ya', ゆ: 'yu', よ: 'yo',
  ら: 'ra', り: 'ri', る: 'ru', れ: 're', ろ: 'ro',
  わ: 'wa', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'n', ゔ: 'vu',
  ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o', ゎ: 'wa',
};
const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };
const SMALL_VOWEL = new Set(['ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ']);
/** Sokuon, the long-vowel mark and iteration marks: nothing of their own in the canonical form. */
const SILENT = new Set(['っ', 'ー', 'ゝ', 'ゞ']);
const KANA_WORD = /^[\u3041-\u3096\u309d\u309e\u30fc]+$/;
const LATIN_WORD = /^[a-z]+$/;

/** Whether `word` (normalized) is written in hiragana only, so it has one romaji reading. */
export function isKanaWord(word: string): boolean {
  return KANA_WORD.test(word);
}

/** Whether `word` (normalized) is plain Latin letters, the only text romaji rules apply to. */
export function isLatinWord(word: string): boolean {
  return LATIN_WORD.test(word);
}

/**
 * The Hepburn romaji of a hiragana word, long vowels spelled out as kana write them
 * (さとう → satou, しゅん → shun, まっちゃ → macha: the sokuon is dropped, which the canonical form
 * would do anyway). Null for a word that is not all kana.
 */
export function kanaToRomaji(word: string): string | null {
  if (!isKanaWord(word)) return null;
  let out = '';
  for (const kana of word) {
    if (SILENT.has(kana)) continue;
    const y = SMALL_Y[kana];
    if (y !== undefined) {
      // きゃ → kya, しゃ → sha, ちゃ → cha, じゃ → ja: the i of the syllable before gives way.
      if (/(sh|ch|j)i$/.test(out)) out = out.slice(0, -1) + y;
      else if (/[^aiueo]i$/.test(out)) out = out.slice(0, -1) + 'y' + y;
      else out += 'y' + y;
      continue;
    }
    if (SMALL_VOWEL.has(kana) && /[^aiueo][iu]$/.test(out)) {
      // ふぁ → fa, てぃ → ti, ちぇ → che: the small vowel replaces the one before.
      out = out.slice(0, -1) + BASE[kana]!;
      continue;
    }
    out += BASE[kana] ?? '';
  }
  return out;
}

/** The canonical spelling of a Latin-letter word (see the module comment); other words unchanged. */
export function canonicalRomaji(word: string): string {
  if (!isLatinWord(word)) return word;
  let s = word
    .replace(/tch/g, 'ch')
    .replace(/m(?=[bpm])/g, 'n')
    .replace(/([bcdfghjklmnpqrstvwxz])\1+/g, '$1')
    .replace(/sh/g, 'sy')
    .replace(/ch/g, 'ty')
    .replace(/ts/g, 't')
    .replace(/jy?/g, 'zy')
    .replace(/d(?=[iu])/g, 'z')
    .replace(/f/g, 'h')
    .replace(/([sztc])yi/g, '$1i')
    .replace(/([sztc])ye/g, '$1e')
    .replace(/oh(?![aiueoy])/g, 'o')
    .replace(/ou/g, 'o')
    .replace(/([aiueo])\1+/g, '$1')
    .replace(/t?c$/, 't')
    .replace(/([bcdfghjklmnpqrstvwxz])y$/, '$1');
  // Dropping a long vowel can bring a doubled letter together again (おおの: oono → ono).
  s = s.replace(/([aiueo])\1+/g, '$1');
  return s;
}

/** The canonical romaji of a hiragana word, or null when the word is not all kana. */
export function kanaCanonicalRomaji(word: string): string | null {
  const romaji = kanaToRomaji(word);
  return romaji ? canonicalRomaji(romaji) : null;
}

/**
 * How a Japanese name is written in English lists: Hepburn without long vowels (さとう → sato,
 * おおの → ono, ゆうこ → yuko), the spelling most people use on cards and passports. A sort key,
 * not a search form: search uses `canonicalRomaji`.
 */
export function kanaToDisplayRomaji(word: string): string | null {
  const romaji = kanaToRomaji(word);
  if (romaji === null) return null;
  return romaji.replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u');
}
