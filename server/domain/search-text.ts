/**
 * Text normalization and tokenization for the directory search, shared by the index (written by
 * the application in the same transaction as every alumni write, see `server/data/directory.ts`)
 * and the query, so that both sides always agree.
 *
 * Normalization: NFKC (full-width latin and digits → half-width, half-width katakana → full-width),
 * lower case, Latin diacritics dropped (José → jose), katakana → hiragana (サトウ → さとう), and every
 * run of characters that is not a letter, digit or mark becomes one space.
 *
 * Tokens: each word is indexed as its overlapping character bigrams followed by its last character
 * alone ("すずき" → "すず ずき き"). A query word of two or more characters is then the phrase of its
 * bigrams, which matches exactly where the word is a substring of one indexed word; a one-character
 * word is the prefix query `"x"*`, which matches any bigram starting with x or a word's last
 * character. Unlike a trigram index, two-character queries such as 鈴木 or さとう's first two kana
 * are answered from the index.
 *
 * Romaji: a reading in kana (さとう) is also indexed as its canonical romaji (`sato`, see
 * `romaji.ts`), and so is a name written in Latin letters; those tokens carry a marker character
 * (`ROMAJI_MARK`) so they only ever meet a romaji query, never a company or role written in Latin
 * letters. A Latin-letter query word matches its own letters anywhere, or its canonical romaji in
 * the romaji tokens: `satoh` finds さとう and a member who writes their name "Satou".
 */
import { canonicalRomaji, isLatinWord } from './romaji.js';

/**
 * Prefixes every romaji token. NFKC turns it into a plain "r", so no query text can contain it:
 * only `romajiWordQuery` produces it.
 */
export const ROMAJI_MARK = '\u02b3'; // ʳ MODIFIER LETTER SMALL R

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KATAKANA_ITERATION = 0x30fd; // ヽ ヾ
const HIRAGANA_OFFSET = 0x60;

const NOT_A_WORD_CHARACTER = /[^\p{L}\p{N}\p{M}]+/gu;
const LATIN_COMBINING_MARKS = /[\u0300-\u036f]/g;
const MAY_CARRY_LATIN_MARKS = /[\u00c0-\u036f\u1e00-\u1eff]/;
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g;

/** How long a query may be, and how many words of it are used: bounds the index work per request. */
export const MAX_QUERY_WORDS = 8;
export const MAX_QUERY_WORD_LENGTH = 64;

function toHiragana(character: string): string {
  const code = character.codePointAt(0)!;
  const inRange =
    (code >= KATAKANA_START && code <= KATAKANA_END) ||
    code === KATAKANA_ITERATION ||
    code === KATAKANA_ITERATION + 1;
  return inRange ? String.fromCodePoint(code - HIRAGANA_OFFSET) : character;
}

/** The normalized form of `text`: words separated by single spaces, no leading or trailing space. */
export function normalizeSearchText(text: string): string {
  let normalized = text.normalize('NFKC').toLowerCase();
  // Only Latin letters beyond ASCII can carry the marks dropped here; skip the round trip otherwise.
  if (MAY_CARRY_LATIN_MARKS.test(normalized)) {
    normalized = normalized.normalize('NFD').replace(LATIN_COMBINING_MARKS, '').normalize('NFC');
  }
  return normalized.replace(KATAKANA, toHiragana).replace(NOT_A_WORD_CHARACTER, ' ').trim();
}

/** The normalized words of `text`. */
export function searchWords(text: string | null | undefined): string[] {
  if (!text) return [];
  const normalized = normalizeSearchText(text);
  return normalized ? normalized.split(' ') : [];
}

function characters(word: string): string[] {
  return Array.from(word);
}

/** The index tokens of one normalized word: its bigrams, then its last character. */
export function wordTokens(word: string): string[] {
  const chars = characters(word);
  if (chars.length === 0) return [];
  const tokens: string[] = [];
  for (let index = 0; index < chars.length - 1; index++) tokens.push(chars[index]! + chars[index + 1]!);
  tokens.push(chars[chars.length - 1]!);
  return tokens;
}

/** What goes into an FTS5 column (tokenized with `ascii`, which splits on spaces only here). */
export function indexText(words: readonly string[]): string {
  return words.flatMap(wordTokens).join(' ');
}

/**
 * The FTS5 expression for one normalized query word: a phrase of its bigrams, or a prefix query
 * for a single character. Normalized words hold no quotes or ASCII punctuation, so quoting is safe.
 */
export function wordQuery(word: string): string {
  const chars = characters(word).slice(0, MAX_QUERY_WORD_LENGTH);
  if (chars.length === 1) return `"${chars[0]}"*`;
  const bigrams: string[] = [];
  for (let index = 0; index < chars.length - 1; index++) bigrams.push(chars[index]! + chars[index + 1]!);
  return `"${bigrams.join(' ')}"`;
}

/** The index tokens of one canonical romaji word: its tokens, each marked as romaji. */
export function romajiTokens(canonical: string): string[] {
  return wordTokens(canonical).map((token) => ROMAJI_MARK + token);
}

/** What goes into an FTS5 column: the words' tokens, then the marked tokens of the romaji words. */
export function indexTextWithRomaji(words: readonly string[], romaji: readonly string[]): string {
  return [...words.flatMap(wordTokens), ...romaji.flatMap(romajiTokens)].join(' ');
}

/**
 * The FTS5 expressions one query word may match, any of them: the word itself, and for a word of
 * Latin letters its canonical romaji among the romaji tokens.
 */
export function wordQueries(word: string): string[] {
  const queries = [wordQuery(word)];
  if (isLatinWord(word)) {
    const canonical = canonicalRomaji(word.slice(0, MAX_QUERY_WORD_LENGTH));
    if (canonical) queries.push(markedQuery(canonical));
  }
  return queries;
}

function markedQuery(word: string): string {
  const chars = characters(word).slice(0, MAX_QUERY_WORD_LENGTH);
  if (chars.length === 1) return `"${ROMAJI_MARK}${chars[0]}"*`;
  const bigrams: string[] = [];
  for (let index = 0; index < chars.length - 1; index++) bigrams.push(ROMAJI_MARK + chars[index]! + chars[index + 1]!);
  return `"${bigrams.join(' ')}"`;
}

/** The words of a search query, as the index sees them; empty when nothing searchable is left. */
export function queryWords(query: string): string[] {
  return [...new Set(searchWords(query))].slice(0, MAX_QUERY_WORDS);
}
