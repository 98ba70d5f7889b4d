import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOKEN_ROLES } from '../../server/auth.js';
import {
  DIRECTORY_INDEX_VERSION,
  ensureDirectoryIndex,
  syncDirectoryEntries,
} from '../../server/data/directory.js';
import { addMonths, currentMonth } from '../../server/domain/hr-members.js';
import { kanaToDisplayRomaji } from '../../server/domain/romaji.js';
import { normalizeSearchText, queryWords } from '../../server/domain/search-text.js';
import { seedAlumni } from '../../server/seed/alumni.js';
import { PROBLEM_CONTENT_TYPE } from './harness.js';
import { TEST_BACKEND } from './backend.js';
import { type DirectoryFixture, alumnus, directoryFixture, listPath, walkAll } from './directory-fixtures.js';

// Tests of SQLite's own index maintenance functions (the PostgreSQL store keeps its index in
// server/data/postgres/directory.ts, covered through the API here and in multi-instance tests).
const SQLITE_ONLY = TEST_BACKEND === 'sqlite' ? false : 'SQLite index maintenance functions';

const suzuki = alumnus({
  familyName: '鈴木', givenName: '一郎', familyNameKana: 'すずき', givenNameKana: 'いちろう',
  departmentId: 'sales', currentCompany: '北斗データ株式会社', currentRole: '営業部長', location: '大阪',
  left: '2015-06', interests: ['rehire', 'mentoring'],
});
const sato = alumnus({
  familyName: '佐藤', givenName: '花子', familyNameKana: 'さとう', givenNameKana: 'はなこ',
  departmentId: 'engineering', currentCompany: 'Bluepeak Software', currentRole: 'Data Scientist',
  location: 'Tokyo', left: '2020-01', interests: ['referral'], contactConsent: true,
  profileUrl: 'https://profiles.example.com/hanako',
});
const smith = alumnus({
  familyName: 'Smith', givenName: 'John', familyNameKana: null, givenNameKana: null, departmentId: 'design',
  currentCompany: 'Crescent Health', currentRole: 'UX Designer', location: 'New York', left: '2021-12',
  interests: ['events'], roleAtLeaving: 'UX Designer',
});
/** Everything beyond the name is for HR only. */
const tanaka = alumnus({
  familyName: '田中', givenName: '誠', familyNameKana: 'たなか', givenNameKana: 'まこと',
  departmentId: 'legal', currentCompany: 'Tidewater Capital', currentRole: 'Legal Counsel', location: 'Berlin',
  joined: '2005-04', left: '2010-05', interests: ['mentoring'],
  visibility: {
    email: 'hr', currentCompany: 'hr', currentRole: 'hr', location: 'hr', profileUrl: 'hr', roleAtLeaving: 'hr',
    department: 'hr', joined: 'hr', left: 'hr', interests: 'hr', familyNameKana: 'hr', givenNameKana: 'hr',
  },
});
/** Everything beyond the name is hidden from everyone. */
const ito = alumnus({
  familyName: '伊藤', givenName: '翼', familyNameKana: 'いとう', givenNameKana: 'つばさ',
  departmentId: 'research', currentCompany: 'Kestrel Robotics', currentRole: 'Research Scientist',
  location: 'Sydney', joined: '2005-04', left: '2011-02', interests: ['mentoring'], contactConsent: true,
  visibility: {
    email: 'hidden', currentCompany: 'hidden', currentRole: 'hidden', location: 'hidden', profileUrl: 'hidden',
    roleAtLeaving: 'hidden', department: 'hidden', joined: 'hidden', left: 'hidden', interests: 'hidden',
    familyNameKana: 'hidden', givenNameKana: 'hidden',
  },
});
const watanabe = alumnus({
  familyName: '渡辺', givenName: '修', familyNameKana: 'わたなべ', givenNameKana: 'おさむ', listed: false,
  departmentId: 'sales', currentCompany: 'Orbital Commerce', location: '大阪', left: '2016-01',
});
const others = alumnus({
  familyName: 'García', givenName: 'José', familyNameKana: null, givenNameKana: null, departmentId: null,
  departmentOther: '経営企画', currentCompany: 'Ｈａｒｂｏｒｌｉｎｅ Logistics', location: 'ｼﾝｶﾞﾎﾟｰﾙ', left: '2019-09',
  interests: ['rehire', 'events'],
});

const PEOPLE = [suzuki, sato, smith, tanaka, ito, watanabe, others];

describe('the directory', () => {
  let dir: DirectoryFixture;
  before(async () => {
    dir = await directoryFixture();
    dir.add(...PEOPLE);
  });
  after(() => dir.close());

  const ids = async (role: 'alumni' | 'employee' | 'hr', params: Parameters<typeof listPath>[0]) => {
    const { status, body } = await dir.get(role, listPath(params));
    assert.equal(status, 200, JSON.stringify(body));
    return new Set<string>(body.items.map((item: { id: string }) => item.id));
  };
  const same = (actual: Set<string>, expected: { id: string }[], message?: string) =>
    assert.deepEqual([...actual].sort(), expected.map((person) => person.id).sort(), message);

  describe('access', () => {
    it('answers the public with 401 problems, for the list and for one member', async () => {
      for (const path of [listPath(), `/api/v1/alumni/${sato.id}`]) {
        const response = await dir.app.request(path);
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
        assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
    });

    it('lists only listed members for alumni and employees, everyone for HR', async () => {
      for (const role of ['alumni', 'employee'] as const) {
        same(await ids(role, {}), PEOPLE.filter((person) => person.listed), role);
      }
      same(await ids('hr', {}), PEOPLE);
    });

    it('finds one member by id; an unlisted one only for HR; 404 for an unknown id', async () => {
      const found = await dir.get('employee', `/api/v1/alumni/${sato.id}`);
      assert.equal(found.status, 200);
      assert.equal(found.body.familyName, '佐藤');
      assert.equal(found.headers.get('cache-control'), 'private, no-store');
      for (const role of ['alumni', 'employee'] as const) {
        const unlisted = await dir.get(role, `/api/v1/alumni/${watanabe.id}`);
        assert.equal(unlisted.status, 404);
        assert.equal(unlisted.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
      }
      assert.equal((await dir.get('hr', `/api/v1/alumni/${watanabe.id}`)).status, 200);
      assert.equal((await dir.get('hr', '/api/v1/alumni/al_nobody')).status, 404);
    });
  });

  describe('what a member shows', () => {
    it('shows every field at the alumni level, and whether the member may be contacted', async () => {
      const { body } = await dir.get('alumni', `/api/v1/alumni/${sato.id}`);
      assert.deepEqual(body, {
        id: sato.id, familyName: '佐藤', givenName: '花子', familyNameKana: 'さとう', givenNameKana: 'はなこ',
        email: sato.email, department: 'engineering', roleAtLeaving: 'ソフトウェアエンジニア', joined: '2012-04',
        left: '2020-01', currentCompany: 'Bluepeak Software', currentRole: 'Data Scientist', location: 'Tokyo',
        profileUrl: 'https://profiles.example.com/hanako', interests: ['referral'], contactable: true,
      });
    });

    it('removes HR-level fields for alumni and employees, and shows them to HR', async () => {
      for (const role of ['alumni', 'employee'] as const) {
        const { body } = await dir.get(role, `/api/v1/alumni/${tanaka.id}`);
        assert.deepEqual(body, { id: tanaka.id, familyName: '田中', givenName: '誠', contactable: false }, role);
      }
      const { body } = await dir.get('hr', `/api/v1/alumni/${tanaka.id}`);
      assert.equal(body.currentCompany, 'Tidewater Capital');
      assert.equal(body.email, tanaka.email);
      assert.equal(body.familyNameKana, 'たなか');
    });

    it('removes hidden fields for every role, in the list as in the single answer', async () => {
      for (const role of TOKEN_ROLES) {
        const single = await dir.get(role, `/api/v1/alumni/${ito.id}`);
        assert.deepEqual(single.body, { id: ito.id, familyName: '伊藤', givenName: '翼', contactable: true }, role);
        const list = await dir.get(role, listPath({ limit: 100 }));
        const entry = list.body.items.find((item: { id: string }) => item.id === ito.id);
        assert.deepEqual(entry, single.body, role);
        assert.doesNotMatch(JSON.stringify(list.body), /Kestrel|Sydney|いとう|つばさ/, role);
      }
    });

    it('leaves out fields without a value instead of sending null', async () => {
      const { body } = await dir.get('alumni', `/api/v1/alumni/${smith.id}`);
      assert.equal('familyNameKana' in body, false);
      assert.equal('photoUrl' in body, false);
      assert.ok(!Object.values(body).includes(null));
    });
  });

  describe('search', () => {
    it('finds a kanji name from two characters', async () => {
      same(await ids('alumni', { q: '鈴木' }), [suzuki]);
    });

    it('finds 佐藤 by its reading in hiragana, katakana and half-width katakana', async () => {
      for (const q of ['さとう', 'サトウ', 'ｻﾄｳ', 'さと', 'はなこ', 'さとうはなこ']) {
        same(await ids('employee', { q }), [sato], q);
      }
    });

    it('finds a name written together, and latin names in any case and width', async () => {
      same(await ids('alumni', { q: '佐藤花子' }), [sato]);
      for (const q of ['smith', 'SMITH', 'ｊｏｈｎ', 'John Smith', 'johnsmith'.slice(0, 4)]) {
        same(await ids('alumni', { q }), [smith], q);
      }
      for (const q of ['jose', 'JOSÉ', 'GARCÍA', 'garcia']) same(await ids('alumni', { q }), [others], q);
    });

    it('finds the current company and role, in any width or case', async () => {
      same(await ids('alumni', { q: 'ＢＬＵＥＰＥＡＫ' }), [sato]);
      same(await ids('alumni', { q: 'bluepeak' }), [sato]);
      same(await ids('alumni', { q: 'harborline' }), [others]);
      same(await ids('alumni', { q: '北斗' }), [suzuki]);
      same(await ids('alumni', { q: 'data' }), [sato]); // 北斗データ is written in katakana
      same(await ids('alumni', { q: 'データ' }), [suzuki]);
      same(await ids('alumni', { q: 'scientist' }), [sato]);
      same(await ids('alumni', { q: '営業部' }), [suzuki]);
    });

    it('finds the former department by its English and Japanese names, and a free-text department', async () => {
      same(await ids('alumni', { q: 'engineering' }), [sato]);
      same(await ids('alumni', { q: 'エンジニアリング' }), [sato]);
      same(await ids('alumni', { q: '営業' }), [suzuki]); // the Sales department (営業) and 営業部長
      same(await ids('alumni', { q: 'Design' }), [smith]); // UX Designer and the Design department
      same(await ids('alumni', { q: '経営企画' }), [others]);
    });

    it('needs every word to match, and ignores punctuation', async () => {
      same(await ids('alumni', { q: 'john crescent' }), [smith]);
      same(await ids('alumni', { q: 'john bluepeak' }), []);
      same(await ids('alumni', { q: '  佐藤、 Bluepeak!! ' }), [sato]);
      same(await ids('alumni', { q: '!!!' }), PEOPLE.filter((person) => person.listed));
    });

    it('finds one character', async () => {
      same(await ids('alumni', { q: '藤' }), [sato, ito]);
      same(await ids('hr', { q: '辺' }), [watanabe]);
    });

    it('never matches a field the viewer may not see', async () => {
      for (const q of ['tidewater', 'counsel', 'たなか', 'legal', '法務']) {
        same(await ids('alumni', { q }), [], `alumni: ${q}`);
        same(await ids('employee', { q }), [], `employee: ${q}`);
        same(await ids('hr', { q }), [tanaka], `hr: ${q}`);
      }
      for (const q of ['kestrel', 'research', 'いとう', 'つばさ', '研究開発']) {
        for (const role of TOKEN_ROLES) same(await ids(role, { q }), [], `${role}: ${q}`);
      }
      same(await ids('alumni', { q: 'orbital' }), [], 'unlisted');
      same(await ids('hr', { q: 'orbital' }), [watanabe]);
    });
  });

  describe('filters', () => {
    it('filters by department: one, repeated, or a comma list', async () => {
      same(await ids('alumni', { department: 'sales' }), [suzuki]);
      same(await ids('alumni', { department: ['sales', 'engineering'] }), [suzuki, sato]);
      same(await ids('alumni', { department: 'sales,design' }), [suzuki, smith]);
      same(await ids('hr', { department: 'sales' }), [suzuki, watanabe]);
      same(await ids('alumni', { department: 'unknown-department' }), []);
    });

    it('filters by interest: members with any of them', async () => {
      same(await ids('alumni', { interest: 'events' }), [smith, others]);
      same(await ids('alumni', { interest: ['rehire', 'referral'] }), [suzuki, sato, others]);
      same(await ids('alumni', { interest: 'mentoring' }), [suzuki]);
      same(await ids('hr', { interest: 'mentoring' }), [suzuki, tanaka]);
    });

    it('filters by part of the location, ignoring width, case and kana', async () => {
      same(await ids('alumni', { location: 'tok' }), [sato]);
      same(await ids('alumni', { location: 'ＴＯＫＹＯ' }), [sato]);
      same(await ids('alumni', { location: 'シンガポール' }), [others]);
      same(await ids('alumni', { location: 'new york' }), [smith]);
      same(await ids('alumni', { location: '大阪' }), [suzuki]);
      same(await ids('hr', { location: '大阪' }), [suzuki, watanabe]);
      same(await ids('hr', { location: 'berlin' }), [tanaka]);
      same(await ids('alumni', { location: 'berlin' }), []);
      same(await ids('hr', { location: 'sydney' }), []);
    });

    it('filters by the year people left, both ends included', async () => {
      same(await ids('alumni', { leftFrom: 2019 }), [sato, smith, others]);
      same(await ids('alumni', { leftTo: 2015 }), [suzuki]);
      same(await ids('alumni', { leftFrom: 2015, leftTo: 2020 }), [suzuki, sato, others]);
      same(await ids('alumni', { leftFrom: 2020, leftTo: 2020 }), [sato]);
      same(await ids('hr', { leftTo: 2012 }), [tanaka]);
      same(await ids('alumni', { leftTo: 2012 }), []);
    });

    it('never matches a value the viewer may not see', async () => {
      same(await ids('alumni', { department: 'legal' }), []);
      same(await ids('hr', { department: 'legal' }), [tanaka]);
      for (const role of TOKEN_ROLES) {
        same(await ids(role, { department: 'research' }), [], role);
        same(await ids(role, { leftFrom: 2011, leftTo: 2011 }), [], role);
      }
    });

    it('combines filters and search', async () => {
      same(await ids('alumni', { q: 'bluepeak', department: 'engineering', interest: 'referral', location: 'tokyo', leftFrom: 2020 }), [sato]);
      same(await ids('alumni', { q: 'bluepeak', department: 'sales' }), []);
    });
  });

  describe('bad requests', () => {
    for (const [params, field] of [
      [{ cursor: 'not a cursor' }, 'cursor'],
      [{ cursor: Buffer.from('{"a":1}').toString('base64url') }, 'cursor'],
      [{ cursor: Buffer.from('not json').toString('base64url') }, 'cursor'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ leftFrom: 'recently' }, 'leftFrom'],
      [{ leftFrom: 2020, leftTo: 2019 }, 'leftTo'],
      [{ interest: 'golf' }, 'interest.0'],
      [{ q: 'x'.repeat(201) }, 'q'],
    ] as const) {
      it(`answers 400 naming ${field} for ${JSON.stringify(params)}`, async () => {
        const { status, body, headers } = await dir.get('alumni', listPath(params));
        assert.equal(status, 400);
        assert.equal(headers.get('content-type'), PROBLEM_CONTENT_TYPE);
        assert.ok(field in body.errors, JSON.stringify(body));
      });
    }
  });
});

describe('the directory\'s "open to returning" filter', () => {
  const month = currentMonth();
  const intent = (kind: 'open-now' | 'open-from' | 'not-now', visibility: string, fromOffset = 0) => ({
    intent: kind,
    from: kind === 'open-from' ? addMonths(month, fromOffset) : null,
    contractWork: false,
    referrals: true,
    visibility,
  });
  const now = alumnus({ familyName: '青木', intentToReturn: intent('open-now', 'alumni') });
  const cameDue = alumnus({ familyName: '石井', intentToReturn: intent('open-from', 'alumni', -1) });
  const soon = alumnus({ familyName: '上田', intentToReturn: intent('open-from', 'alumni', 6) });
  const later = alumnus({ familyName: '江藤', intentToReturn: intent('open-from', 'alumni', 7) });
  const notNow = alumnus({ familyName: '大野', intentToReturn: intent('not-now', 'alumni') });
  const forHr = alumnus({ familyName: '加藤', intentToReturn: intent('open-now', 'hr') });
  const hidden = alumnus({ familyName: '木村', intentToReturn: intent('open-now', 'hidden') });
  const unlisted = alumnus({ familyName: '工藤', listed: false, intentToReturn: intent('open-now', 'alumni') });
  const silent = alumnus({ familyName: '小林' });

  let dir: DirectoryFixture;
  before(async () => {
    dir = await directoryFixture();
    dir.add(now, cameDue, soon, later, notNow, forHr, hidden, unlisted, silent);
  });
  after(() => dir.close());

  const ids = async (role: 'alumni' | 'employee' | 'hr', params: Parameters<typeof listPath>[0]) => {
    const { status, body } = await dir.get(role, listPath(params));
    assert.equal(status, 200, JSON.stringify(body));
    return body.items.map((item: { id: string }) => item.id).sort();
  };
  const of = (...people: { id: string }[]) => people.map((person) => person.id).sort();

  it('finds members by the window of their intent this month: open now (or from a month that has come), within 6 months, later', async () => {
    assert.deepEqual(await ids('alumni', { intent: 'open-now' }), of(now, cameDue));
    assert.deepEqual(await ids('alumni', { intent: 'within-6-months' }), of(soon));
    assert.deepEqual(await ids('alumni', { intent: 'later' }), of(later));
    assert.deepEqual(await ids('employee', { intent: ['open-now', 'within-6-months'] }), of(now, cameDue, soon));
    assert.deepEqual(await ids('alumni', { intent: 'open-now,within-6-months,later' }), of(now, cameDue, soon, later));
  });

  it('matches an intent only where the member made it visible to the viewer: HR-level for HR, hidden for nobody', async () => {
    assert.deepEqual(await ids('hr', { intent: 'open-now' }), of(now, cameDue, forHr, unlisted));
    for (const role of ['alumni', 'employee'] as const) {
      assert.ok(!(await ids(role, { intent: 'open-now' })).includes(forHr.id), role);
    }
    for (const role of TOKEN_ROLES) {
      assert.ok(!(await ids(role, { intent: 'open-now,within-6-months,later' })).includes(hidden.id), role);
    }
  });

  it('keeps a hidden intent out of the index, and an HR-level one at its rank', { skip: SQLITE_ONLY }, async () => {
    await dir.settled();
    const entry = (id: string) =>
      dir.db.prepare('SELECT return_intent, return_from, intent_rank FROM directory_entries WHERE alumni_id = ?').get(id);
    assert.deepEqual(entry(hidden.id), { return_intent: '', return_from: '', intent_rank: 2 });
    assert.deepEqual(entry(forHr.id), { return_intent: 'open-now', return_from: '', intent_rank: 1 });
    assert.deepEqual(entry(soon.id), { return_intent: 'open-from', return_from: addMonths(month, 6), intent_rank: 0 });
  });

  it('combines with the other filters and search', async () => {
    assert.deepEqual(await ids('alumni', { intent: 'open-now', q: '青木' }), of(now));
    assert.deepEqual(await ids('alumni', { intent: 'later', leftTo: 2010 }), []);
  });

  for (const value of ['not-now', 'not-said', 'soon']) {
    it(`answers 400 naming intent for intent=${value} (the directory filters by the open windows only)`, async () => {
      const { status, body, headers } = await dir.get('alumni', listPath({ intent: value }));
      assert.equal(status, 400);
      assert.equal(headers.get('content-type'), PROBLEM_CONTENT_TYPE);
      assert.ok('intent.0' in body.errors, JSON.stringify(body));
    });
  }
});

describe('directory paging', () => {
  let dir: DirectoryFixture;
  before(async () => {
    dir = await directoryFixture();
    await seedAlumni(dir.store, 400, { seed: 99 });
    // Namesakes, so the id has to break ties.
    dir.add(...Array.from({ length: 30 }, () => alumnus({ familyName: '同名', givenName: '太郎', familyNameKana: 'どうめい' })));
  });
  after(() => dir.close());

  it('caps the page size at 100 and defaults to 20', async () => {
    assert.equal((await dir.get('hr', listPath({ limit: 1000 }))).body.items.length, 100);
    assert.equal((await dir.get('hr', listPath())).body.items.length, 20);
  });

  for (const [name, params] of [
    ['everyone', {}],
    ['a department', { department: 'engineering,sales' }],
    ['a search', { q: 'さ' }],
    ['namesakes', { q: '同名' }],
  ] as const) {
    it(`walks every page of ${name} without duplicates or gaps, for every role`, async () => {
      for (const role of TOKEN_ROLES) {
        const all = await walkAll(dir, role, { ...params, limit: 100 });
        const paged = await walkAll(dir, role, { ...params, limit: 7 });
        assert.deepEqual(paged.map((item) => item.id), all.map((item) => item.id), role);
        assert.equal(new Set(paged.map((item) => item.id)).size, paged.length);
        assert.ok(all.length > 7, `${name}: ${all.length} members`);
      }
    });
  }

  it('returns the whole filtered set', async () => {
    const all = await walkAll(dir, 'alumni', { department: 'engineering', limit: 100 });
    // `->>` and TRUE read the same on SQLite and PostgreSQL.
    const expected = await dir.sql.rows<{ id: string }>(
      `SELECT id FROM alumni WHERE listed = TRUE AND department_id = 'engineering' AND visibility ->> 'department' = 'alumni'`,
    );
    assert.deepEqual(all.map((item) => item.id).sort(), expected.map((row) => row.id).sort());
  });

  /*
   * The orders, computed from what an alumni viewer is shown (a reading they are shown is one
   * every viewer may see): in ja, names with a reading by reading (あいう順), then names without
   * one by their written form, then Latin names; in en, Latin family names and romanized readings
   * in one Latin order, then names with no reading.
   */
  const LATIN = /^[a-z]/i;
  const KANA = /^[\u3041-\u309f\u30a0-\u30ff]+$/;
  type Item = { id: string; familyName: string; givenName: string; familyNameKana?: string; givenNameKana?: string };
  const reading = (written: string, kana: string | undefined) =>
    kana ? normalizeSearchText(kana) : KANA.test(written) ? normalizeSearchText(written) : null;
  const jaKey = (item: Item): [number, string, string] => {
    const family = reading(item.familyName, item.familyNameKana);
    const given = reading(item.givenName, item.givenNameKana) ?? normalizeSearchText(item.givenName);
    if (family) return [0, family, given];
    if (LATIN.test(item.familyName)) return [2, normalizeSearchText(item.familyName), normalizeSearchText(item.givenName)];
    return [1, normalizeSearchText(item.familyName), given];
  };
  const enKey = (item: Item): [number, string, string] => {
    const roman = (written: string, kana: string | undefined) => {
      if (LATIN.test(written)) return normalizeSearchText(written);
      const read = reading(written, kana);
      return read ? kanaToDisplayRomaji(read) : null;
    };
    const family = roman(item.familyName, item.familyNameKana);
    const given = roman(item.givenName, item.givenNameKana) ?? normalizeSearchText(item.givenName);
    return family ? [0, family, given] : [1, normalizeSearchText(item.familyName), given];
  };
  const compare = (a: [number, string, string], b: [number, string, string]) =>
    a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);

  for (const [lang, key] of [['ja', jaKey], ['en', enKey]] as const) {
    it(`orders the list for ${lang} and pages it with a stable cursor`, async () => {
      const all = (await walkAll(dir, 'alumni', { lang, limit: 9 })) as Item[];
      assert.ok(all.length > 100);
      for (let index = 1; index < all.length; index++) {
        assert.ok(compare(key(all[index - 1]!), key(all[index]!)) <= 0, `${lang}: ${JSON.stringify([all[index - 1], all[index]])}`);
      }
      const groups = all.map((item) => key(item)[0]);
      if (lang === 'ja') {
        // The list opens with Japanese names, and every Latin name comes after every reading.
        assert.equal(groups[0], 0);
        assert.ok(groups.lastIndexOf(0) < groups.indexOf(2));
      } else {
        // Latin names and romanized readings interleave: "Sato" sits among the S's.
        const firstLatin = all.findIndex((item) => LATIN.test(item.familyName));
        const lastLatin = all.findLastIndex((item) => LATIN.test(item.familyName));
        assert.ok(all.slice(firstLatin, lastLatin).some((item) => !LATIN.test(item.familyName)));
      }
    });
  }

  it('refuses a cursor issued for the other order', async () => {
    const { body } = await dir.get('alumni', listPath({ lang: 'ja', limit: 5 }));
    const other = await dir.get('alumni', listPath({ lang: 'en', limit: 5, cursor: body.nextCursor }));
    assert.equal(other.status, 400);
    assert.equal((await dir.get('alumni', listPath({ lang: 'fr' }))).status, 400);
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`neither repeats nor skips anyone while people sign up between pages (${lang})`, async () => {
      const before = await walkAll(dir, 'employee', { lang, limit: 100 });
      let added = 0;
      const during = await walkAll(dir, 'employee', { lang, limit: 25 }, (page) => {
        // Names that sort at the very beginning and the very end of either order, and among the pages.
        dir.add(
          alumnus({ familyName: 'Aaron', givenName: `${page}`, familyNameKana: null, givenNameKana: null }),
          alumnus({ familyName: 'Zzyzx', givenName: `${page}`, familyNameKana: null, givenNameKana: null }),
          alumnus({ familyName: '龘', givenName: `${page}`, familyNameKana: null, givenNameKana: null }),
          alumnus({ familyName: '阿', givenName: `${page}`, familyNameKana: 'ああ', givenNameKana: null }),
          alumnus({ familyName: '佐藤', givenName: `${page}`, familyNameKana: 'さとう', givenNameKana: `${page}` }),
        );
        added += 5;
      });
      const ids = during.map((item) => item.id);
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      const seen = new Set(ids);
      assert.ok(before.every((item) => seen.has(item.id)), 'no gaps');
      assert.ok(added > 0 && during.length > before.length && during.length < before.length + added);
    });
  }

});

describe('the directory index', () => {
  let dir: DirectoryFixture;
  before(async () => {
    dir = await directoryFixture();
  });
  after(() => dir.close());

  const found = async (q: string, role: 'alumni' | 'hr' = 'alumni') =>
    (await dir.get(role, listPath({ q }))).body.items.map((item: { id: string }) => item.id);

  /** A write the way the application makes one: the statement and the index sync in one transaction. */
  const write = (sql: string, id: string) =>
    dir.db.transaction(() => {
      dir.db.prepare(sql).run(id);
      syncDirectoryEntries(dir.db, id);
    })();

  it('follows changes to a member and their deletion', { skip: SQLITE_ONLY }, async () => {
    const [member] = dir.add(alumnus({ familyName: '小林', currentCompany: 'Northgate Analytics' }));
    assert.deepEqual(await found('northgate'), [member!.id]);
    write("UPDATE alumni SET visibility = json_set(visibility, '$.currentCompany', 'hr') WHERE id = ?", member!.id);
    assert.deepEqual(await found('northgate'), []);
    assert.deepEqual(await found('northgate', 'hr'), [member!.id]);
    write("UPDATE alumni SET current_company = 'Maple Grove Foods' WHERE id = ?", member!.id);
    assert.deepEqual(await found('northgate', 'hr'), []);
    assert.deepEqual(await found('maple', 'hr'), [member!.id]);
    write('UPDATE alumni SET listed = 0 WHERE id = ?', member!.id);
    assert.deepEqual(await found('小林'), []);
    write('DELETE FROM consents WHERE alumni_id = ?', member!.id);
    write('DELETE FROM alumni WHERE id = ?', member!.id);
    assert.deepEqual(await found('小林', 'hr'), []);
    const leftovers = dir.db.prepare('SELECT COUNT(*) FROM directory_entries').pluck().get();
    assert.equal(leftovers, 0);
    assert.equal(dir.db.prepare('SELECT COUNT(*) FROM directory_search').pluck().get(), 0);
  });

  it('follows a department being renamed', async () => {
    const [member] = dir.add(alumnus({ familyName: '森', departmentId: 'legal' }));
    assert.deepEqual(await found('法務'), [member!.id]);
    const legal = (await dir.store.departments.list()).find((department) => department.id === 'legal')!;
    await dir.store.seed.renameDepartment('legal', { en: legal.name.en, ja: '法務・知財' });
    assert.deepEqual(await found('知財'), [member!.id]);
  });

  it('is rebuilt on start when the index version changes, with the same pages', { skip: SQLITE_ONLY }, async () => {
    await seedAlumni(dir.store, 60, { seed: 5 });
    const pages = async () =>
      [await walkAll(dir, 'hr', { limit: 7 }), await walkAll(dir, 'alumni', { q: 'sato', lang: 'en', limit: 7 })].map(
        (items) => items.map((item) => item.id),
      );
    const before = await pages();
    dir.db.exec('UPDATE directory_index_state SET version = version - 1; DELETE FROM directory_search;');
    assert.deepEqual((await pages())[1], []);
    ensureDirectoryIndex(dir.db);
    assert.deepEqual(await pages(), before);
    assert.equal(dir.db.prepare('SELECT version FROM directory_index_state').pluck().get(), DIRECTORY_INDEX_VERSION);
    assert.equal(
      dir.db.prepare('SELECT COUNT(*) FROM directory_entries').pluck().get(),
      dir.db.prepare('SELECT COUNT(*) FROM alumni').pluck().get(),
    );
  });

  it('normalizes width, case, diacritics and kana the same way for text and queries', () => {
    assert.equal(normalizeSearchText('ＡＢＣ ａｂｃ １２３'), 'abc abc 123');
    assert.equal(normalizeSearchText('ｻﾄｳ・タロウ'), 'さとう たろう');
    assert.equal(normalizeSearchText('José GARCÍA'), 'jose garcia');
    assert.equal(normalizeSearchText('ガッコウ ヴ ー'), 'がっこう ゔ ー');
    assert.deepEqual(queryWords('Lumen & Co.  lumen'), ['lumen', 'co']);
  });
});
