import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOKEN_ROLES } from '../../server/auth.js';
import { normalizeSearchText, queryWords } from '../../server/domain/search-text.js';
import { seedAlumni } from '../../server/seed/alumni.js';
import { PROBLEM_CONTENT_TYPE } from './harness.js';
import { type DirectoryFixture, alumnus, directoryFixture, listPath, walkAll } from './directory-fixtures.js';

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
  before(() => {
    dir = directoryFixture();
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

describe('directory paging', () => {
  let dir: DirectoryFixture;
  before(() => {
    dir = directoryFixture();
    seedAlumni(dir.db, 400, { seed: 99 });
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

  it('returns the whole filtered set, in name order', async () => {
    const all = await walkAll(dir, 'alumni', { department: 'engineering', limit: 100 });
    const expected = dir.db
      .prepare<[], string>(
        `SELECT id FROM alumni WHERE listed = 1 AND department_id = 'engineering'
           AND json_extract(visibility, '$.department') = 'alumni'`,
      )
      .pluck()
      .all();
    assert.deepEqual(all.map((item) => item.id).sort(), expected.sort());
    const names = all.map((item) => normalizeSearchText(item.familyNameKana ?? item.familyName));
    assert.ok(names.every((name, index) => index === 0 || names[index - 1]! <= name), 'sorted');
  });

  it('neither repeats nor skips anyone while people sign up between pages', async () => {
    const before = await walkAll(dir, 'employee', { limit: 100 });
    let added = 0;
    const during = await walkAll(dir, 'employee', { limit: 25 }, (page) => {
      // Names that sort at the very beginning, the very end, and among the pages.
      dir.add(
        alumnus({ familyName: 'Aaron', givenName: `${page}`, familyNameKana: null, givenNameKana: null }),
        alumnus({ familyName: '龘', givenName: `${page}`, familyNameKana: null, givenNameKana: null }),
        alumnus({ familyName: '佐藤', givenName: `${page}`, familyNameKana: 'さとう', givenNameKana: `${page}` }),
      );
      added += 3;
    });
    const ids = during.map((item) => item.id);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    const seen = new Set(ids);
    assert.ok(before.every((item) => seen.has(item.id)), 'no gaps');
    assert.ok(added > 0 && during.length > before.length && during.length < before.length + added);
  });
});

describe('the directory index', () => {
  let dir: DirectoryFixture;
  before(() => {
    dir = directoryFixture();
  });
  after(() => dir.close());

  const found = async (q: string, role: 'alumni' | 'hr' = 'alumni') =>
    (await dir.get(role, listPath({ q }))).body.items.map((item: { id: string }) => item.id);

  it('follows changes to a member and their deletion', async () => {
    const [member] = dir.add(alumnus({ familyName: '小林', currentCompany: 'Northgate Analytics' }));
    assert.deepEqual(await found('northgate'), [member!.id]);
    dir.db
      .prepare("UPDATE alumni SET visibility = json_set(visibility, '$.currentCompany', 'hr') WHERE id = ?")
      .run(member!.id);
    assert.deepEqual(await found('northgate'), []);
    assert.deepEqual(await found('northgate', 'hr'), [member!.id]);
    dir.db.prepare("UPDATE alumni SET current_company = 'Maple Grove Foods' WHERE id = ?").run(member!.id);
    assert.deepEqual(await found('northgate', 'hr'), []);
    assert.deepEqual(await found('maple', 'hr'), [member!.id]);
    dir.db.prepare('UPDATE alumni SET listed = 0 WHERE id = ?').run(member!.id);
    assert.deepEqual(await found('小林'), []);
    dir.db.prepare('DELETE FROM consents WHERE alumni_id = ?').run(member!.id);
    dir.db.prepare('DELETE FROM alumni WHERE id = ?').run(member!.id);
    assert.deepEqual(await found('小林', 'hr'), []);
    const leftovers = dir.db.prepare('SELECT COUNT(*) FROM directory_entries').pluck().get();
    assert.equal(leftovers, 0);
  });

  it('follows a department being renamed', async () => {
    const [member] = dir.add(alumnus({ familyName: '森', departmentId: 'legal' }));
    assert.deepEqual(await found('法務'), [member!.id]);
    dir.db.prepare("UPDATE departments SET name_ja = '法務・知財' WHERE id = 'legal'").run();
    assert.deepEqual(await found('知財'), [member!.id]);
  });

  it('normalizes width, case, diacritics and kana the same way for text and queries', () => {
    assert.equal(normalizeSearchText('ＡＢＣ ａｂｃ １２３'), 'abc abc 123');
    assert.equal(normalizeSearchText('ｻﾄｳ・タロウ'), 'さとう たろう');
    assert.equal(normalizeSearchText('José GARCÍA'), 'jose garcia');
    assert.equal(normalizeSearchText('ガッコウ ヴ ー'), 'がっこう ゔ ー');
    assert.deepEqual(queryWords('Lumen & Co.  lumen'), ['lumen', 'co']);
  });
});
