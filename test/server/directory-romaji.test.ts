import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sortKeys } from '../../server/domain/directory-entry.js';
import { canonicalRomaji, kanaCanonicalRomaji, kanaToDisplayRomaji, kanaToRomaji } from '../../server/domain/romaji.js';
import { normalizeSearchText } from '../../server/domain/search-text.js';
import { JAPANESE_FAMILY_NAMES, JAPANESE_GIVEN_NAMES } from '../../server/seed/names.js';
import { seedAlumni } from '../../server/seed/alumni.js';
import { type DirectoryFixture, alumnus, directoryFixture, listPath, walkAll } from './directory-fixtures.js';

/** A query word as the search sees it: normalized, then folded to the canonical spelling. */
const canonical = (typed: string) => canonicalRomaji(normalizeSearchText(typed));

describe('romaji (unit)', () => {
  it('writes kana in Hepburn', () => {
    const cases: [string, string][] = [
      ['さとう', 'satou'], ['しゅん', 'shun'], ['りょう', 'ryou'], ['つよし', 'tsuyoshi'], ['じろう', 'jirou'],
      ['ちひろ', 'chihiro'], ['ふみ', 'fumi'], ['しんいち', 'shinichi'], ['きょうこ', 'kyouko'], ['じゅん', 'jun'],
      ['まっちゃ', 'macha'], ['ちぇん', 'chen'], ['ふぁ', 'fa'], ['べー', 'be'],
    ];
    for (const [kana, romaji] of cases) assert.equal(kanaToRomaji(kana), romaji, kana);
    assert.equal(kanaToRomaji('佐藤'), null);
    assert.equal(kanaToRomaji('satou'), null);
  });

  it('folds every common spelling of a name to one', () => {
    const same: string[][] = [
      ['sato', 'satou', 'satoh', 'sató', 'satō', 'SATO', 'Satoh', 'ｓａｔｏ'],
      ['ryo', 'ryou', 'ryō', 'ryoh'],
      ['shun', 'syun'],
      ['tsu', 'tu'],
      ['ji', 'zi', 'di'],
      ['jun', 'zyun', 'jyun'],
      ['shinichi', 'shinnichi', 'sinniti', 'sinichi'],
      ['takahashi', 'takahasi', 'TAKAHASHI'],
      ['ono', 'ohno', 'oono', 'ōno'],
      ['yuko', 'yuuko', 'yūko'],
      ['kyoko', 'kyouko', 'kyōko'],
      ['chihiro', 'tihiro'],
      ['fumi', 'humi'],
      ['namba', 'nanba'],
      ['matcha', 'macha', 'mattya'],
    ];
    for (const group of same) {
      const forms = new Set(group.map(canonical));
      assert.equal(forms.size, 1, `${group.join(' / ')}: ${[...forms].join(', ')}`);
    }
    // Spellings of different names stay apart.
    for (const [a, b] of [['sato', 'saito'], ['kato', 'kaito'], ['suzuki', 'suzaki'], ['ryo', 'ro'], ['kei', 'ke']]) {
      assert.notEqual(canonical(a!), canonical(b!), `${a} / ${b}`);
    }
  });

  it('folds a reading the same way as the spellings typed for it', () => {
    assert.equal(kanaCanonicalRomaji('さとう'), canonical('satoh'));
    assert.equal(kanaCanonicalRomaji('しゅん'), canonical('syun'));
    assert.equal(kanaCanonicalRomaji('おおの'), canonical('ohno'));
    assert.equal(kanaCanonicalRomaji('いのうえ'), canonical('inoue'));
    // Every seeded name: the romaji the seed uses for its e-mail addresses finds its reading.
    for (const [, kana, romaji] of [...JAPANESE_FAMILY_NAMES, ...JAPANESE_GIVEN_NAMES]) {
      assert.equal(kanaCanonicalRomaji(kana), canonical(romaji), `${kana} / ${romaji}`);
    }
  });

  it('keeps the prefix of a name being typed a prefix of its canonical form', () => {
    for (const [, kana, romaji] of JAPANESE_FAMILY_NAMES) {
      const full = kanaCanonicalRomaji(kana)!;
      for (let length = 1; length <= romaji.length; length++) {
        const typed = canonical(romaji.slice(0, length));
        assert.ok(full.includes(typed), `${romaji.slice(0, length)} → ${typed} not in ${full}`);
      }
    }
  });

  it('writes English sort keys the way names are written on cards', () => {
    assert.equal(kanaToDisplayRomaji('さとう'), 'sato');
    assert.equal(kanaToDisplayRomaji('おおの'), 'ono');
    assert.equal(kanaToDisplayRomaji('ゆうこ'), 'yuko');
  });

  it('builds sort keys from a reading only when every viewer may see it', () => {
    const name = { familyName: '佐藤', givenName: '花子', familyNameKana: 'さとう', givenNameKana: 'はなこ' };
    const everyone = sortKeys({ ...name, visibility: { familyNameKana: 'alumni', givenNameKana: 'alumni' } });
    const hrOnly = sortKeys({ ...name, visibility: { familyNameKana: 'hr', givenNameKana: 'hidden' } });
    assert.match(everyone.ja, /さとう/);
    assert.match(everyone.en, /^1sato\u0001hanako$/);
    for (const key of [hrOnly.ja, hrOnly.en]) {
      assert.doesNotMatch(key, /さとう|はなこ|sato|hanako/);
      assert.match(key, /佐藤/);
    }
    // A Latin name sorts after every reading in ja, among the romanized readings in en.
    const smith = sortKeys({ familyName: 'Smith', givenName: 'John', familyNameKana: null, givenNameKana: null, visibility: {} });
    assert.ok(smith.ja > everyone.ja && smith.ja > hrOnly.ja);
    assert.ok(smith.en > everyone.en && smith.en < hrOnly.en);
  });
});

describe('romaji search (API, against the seed)', () => {
  let dir: DirectoryFixture;
  before(async () => {
    dir = await directoryFixture();
    await seedAlumni(dir.store, 1500, { seed: 12 });
    dir.add(
      alumnus({ familyName: '大野', givenName: '亮', familyNameKana: 'おおの', givenNameKana: 'りょう' }),
      alumnus({ familyName: '新井', givenName: '舜', familyNameKana: 'あらい', givenNameKana: 'しゅん' }),
      alumnus({ familyName: '松本', givenName: '純一', familyNameKana: 'まつもと', givenNameKana: 'じゅんいち' }),
      alumnus({ familyName: '岸', givenName: '慎一', familyNameKana: 'きし', givenNameKana: 'しんいち' }),
      alumnus({ familyName: 'Satoh', givenName: 'Ken', familyNameKana: null, givenNameKana: null }),
      // The reading is only for HR: romaji must not find this member for anyone else.
      alumnus({
        familyName: '佐東', givenName: '秘', familyNameKana: 'さとう', givenNameKana: 'ひ',
        visibility: { familyNameKana: 'hr', givenNameKana: 'hr' },
      }),
    );
  });
  after(() => dir.close());

  const ids = async (q: string, role: 'alumni' | 'hr' = 'alumni') =>
    (await walkAll(dir, role, { q, limit: 100 })).map((item) => item.id as string).sort();
  const readingIds = async (kana: string) =>
    (await walkAll(dir, 'alumni', { q: kana, limit: 100 }))
      .filter((item) => normalizeSearchText(item.familyNameKana ?? '') === kana)
      .map((item) => item.id as string);

  it('finds さとう by every spelling, and Latin spellings of the name too', async () => {
    const kana = await readingIds('さとう');
    assert.ok(kana.length > 10, `${kana.length} さとう in the seed`);
    const sato = await ids('sato');
    for (const variant of ['satou', 'satoh', 'sató', 'SATO', 'Satō']) assert.deepEqual(await ids(variant), sato, variant);
    for (const id of kana) assert.ok(sato.includes(id));
    const satoh = (await walkAll(dir, 'alumni', { q: 'satou' })).find((item) => item.familyName === 'Satoh');
    assert.ok(satoh, 'a member who writes Satoh is found by satou');
  });

  it('finds SUZUKI and takahashi, and mixed spellings of given names', async () => {
    for (const [typed, kana] of [['SUZUKI', 'すずき'], ['takahashi', 'たかはし'], ['takahasi', 'たかはし']] as const) {
      const found = await ids(typed);
      const expected = await readingIds(kana);
      assert.ok(expected.length > 5);
      for (const id of expected) assert.ok(found.includes(id), `${typed}: ${id}`);
    }
    const name = async (q: string) =>
      (await walkAll(dir, 'alumni', { q })).map((item) => `${item.familyName}${item.givenName}`);
    for (const q of ['ryo', 'ryou', 'ohno ryo', 'ono ryou']) assert.ok((await name(q)).includes('大野亮'), q);
    for (const q of ['shun', 'syun', 'arai shun']) assert.ok((await name(q)).includes('新井舜'), q);
    for (const q of ['junichi', 'zyunniti', 'jun', 'matsumoto', 'matumoto']) assert.ok((await name(q)).includes('松本純一'), q);
    for (const q of ['shinichi', "shin'ichi", 'shinnichi', 'sinniti']) assert.ok((await name(q)).includes('岸慎一'), q);
    for (const q of ['kishishinichi', 'kisisinichi']) assert.ok((await name(q)).includes('岸慎一'), q);
  });

  it('never matches a reading the viewer may not see', async () => {
    const hidden = (await walkAll(dir, 'hr', { q: '佐東' }))[0]!;
    assert.ok(!(await ids('sato')).includes(hidden.id));
    assert.ok(!(await ids('satou hi')).includes(hidden.id));
    assert.ok((await ids('sato', 'hr')).includes(hidden.id));
  });

  it('keeps romaji tokens away from Latin text that is not a name', async () => {
    // "chi" canonically is "ti"; a company or role containing "ti" must not match it.
    const [member] = dir.add(
      alumnus({ familyName: '東', givenName: '太', familyNameKana: 'ひがし', givenNameKana: 'ふとし', currentCompany: 'Tiber Works', currentRole: null }),
    );
    assert.ok((await ids('tiber')).includes(member!.id));
    assert.ok(!(await ids('chiber')).includes(member!.id));
    assert.equal((await dir.get('alumni', listPath({ q: 'ʳsa' }))).status, 200);
  });
});
