import { catalogs, messageText, type Lang } from './catalogs.js';
import { interpolate } from './interpolate.js';

export interface PersonName {
  familyName: string;
  givenName: string;
}

// Kanji and kana carry their own order (family first) whatever the page language; Latin-script
// names stay given-first even on a Japanese page, as their owners write them.
const eastAsianScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isEastAsian({ familyName, givenName }: PersonName): boolean {
  return eastAsianScript.test(familyName + givenName);
}

/**
 * A person's display name: "鈴木 一郎", "Emily Clark", "Ichiro Suzuki"; with `honorific` the
 * language's form of address is applied ("鈴木 一郎さん", "Emily Clarkさん" in Japanese).
 */
export function formatPersonName(person: PersonName, lang: Lang, { honorific = false }: { honorific?: boolean } = {}): string {
  const parts = isEastAsian(person) ? [person.familyName, person.givenName] : [person.givenName, person.familyName];
  const name = parts.map((part) => part.trim()).filter(Boolean).join(' ');
  return honorific ? interpolate(messageText(catalogs[lang]['person.honorific'], lang, undefined), { name }) : name;
}

/** Avatar initials: the family name's first character for Japanese names, "EC" for Emily Clark. */
export function initials(person: PersonName): string {
  const first = (text: string) => Array.from(text.trim())[0] ?? '';
  if (isEastAsian(person)) return first(person.familyName) || first(person.givenName);
  return (first(person.givenName) + first(person.familyName)).toUpperCase();
}
