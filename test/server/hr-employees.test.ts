// GET /api/v1/hr/employees (issue 11): HR finds a returner's manager by name, reading or id.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IT_EMPLOYEE } from '../../server/seed/people.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { PROBLEM_CONTENT_TYPE, type TestServer, startTestServer } from './harness.js';

interface Found {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string;
  givenNameKana?: string;
  department?: string;
  title?: string;
}

/** Employees written in ways the normalization must see through; ids sort apart from their names. */
const EXTRA = [
  { id: 'em_test_sato_a', familyName: '佐藤', givenName: '花子', familyNameKana: 'サトウ', givenNameKana: 'ハナコ', email: 'hanako.sato@corp.example.com', role: 'employee', departmentId: 'sales', title: null },
  { id: 'em_test_sato_b', familyName: '佐藤', givenName: '一郎', familyNameKana: 'さとう', givenNameKana: 'いちろう', email: 'ichiro.sato@corp.example.com', role: 'employee', departmentId: null, title: '部長' },
  { id: 'em_test_latin', familyName: 'ＳＡＴＯ', givenName: 'Ken', familyNameKana: null, givenNameKana: null, email: 'ken.sato@corp.example.com', role: 'employee', departmentId: null, title: null },
  { id: 'em_test_suzuki', familyName: '鈴木', givenName: '次郎', familyNameKana: 'すずき', givenNameKana: 'じろう', email: 'jiro.suzuki@corp.example.com', role: 'employee', departmentId: 'engineering', title: null },
];

describe('GET /api/v1/hr/employees', () => {
  let server: TestServer;
  let hr: string;

  before(async () => {
    server = await startTestServer();
    await server.store.transaction((tx) => tx.seed.employees(EXTRA));
    hr = await server.bearer('hr');
  });
  after(() => server.close());

  async function search(query: string, authorization: string | null = hr): Promise<Response> {
    return server.app.request(`/api/v1/hr/employees?${query}`, { headers: authorization ? { authorization } : {} });
  }
  async function ids(query: string): Promise<string[]> {
    const response = await search(query);
    assert.equal(response.status, 200, query);
    const body = (await response.json()) as { items: Found[] };
    return body.items.map((item) => item.id);
  }

  it('is HR’s only: 401 without a token, 403 for alumni and employees, problem+json', async () => {
    const unsigned = await search('q=sato', null);
    assert.equal(unsigned.status, 401);
    assert.equal(unsigned.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    for (const role of ['alumni', 'employee'] as const) {
      const response = await search('q=sato', await server.bearer(role));
      assert.equal(response.status, 403, role);
      assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    }
    const response = await search('q=sato');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
  });

  it('finds by kanji, by reading in hiragana or katakana, full or half width, and by romaji', async () => {
    const satos = ['em_test_sato_b', 'em_test_sato_a']; // さとう いちろう before さとう はなこ
    assert.deepEqual(await ids(`q=${encodeURIComponent('佐藤')}`), satos);
    assert.deepEqual(await ids(`q=${encodeURIComponent('さとう')}`), satos, 'hiragana finds a katakana reading too');
    assert.deepEqual(await ids(`q=${encodeURIComponent('ｻﾄｳ')}`), satos, 'half-width katakana');
    assert.deepEqual(await ids(`q=${encodeURIComponent('佐藤 はなこ')}`), ['em_test_sato_a'], 'every word must match');
    assert.deepEqual(await ids(`q=${encodeURIComponent('佐藤花子')}`), ['em_test_sato_a'], 'the joined name');
    // Romaji: the readings' canonical romaji, and a name written in Latin letters (full width here).
    assert.deepEqual(await ids('q=satou'), [...satos, 'em_test_latin'], 'readings before Latin names (the Japanese order)');
    assert.deepEqual(await ids('q=SATOH%20hanako'), ['em_test_sato_a']);
    assert.deepEqual(await ids(`q=${encodeURIComponent('ｽｽﾞｷ')}`), ['em_test_suzuki'], 'half-width katakana with a voiced mark');
    assert.deepEqual(await ids(`q=${encodeURIComponent('Nakamura')}`), [DEMO_PERSONAS.employee]);
    assert.deepEqual(await ids(`q=${encodeURIComponent('まったくいない')}`), []);
  });

  it('finds by the start of the id, and answers what the employees table holds', async () => {
    assert.deepEqual(await ids(`q=${IT_EMPLOYEE.id}`), [IT_EMPLOYEE.id]);
    assert.deepEqual(await ids('q=EM_TEST_S'), ['em_test_sato_b', 'em_test_sato_a', 'em_test_suzuki'], 'case-insensitive, in name order');
    const response = await search(`q=${encodeURIComponent('佐藤')}`);
    const body = (await response.json()) as { items: Found[] };
    assert.deepEqual(body.items, [
      { id: 'em_test_sato_b', familyName: '佐藤', givenName: '一郎', familyNameKana: 'さとう', givenNameKana: 'いちろう', title: '部長' },
      { id: 'em_test_sato_a', familyName: '佐藤', givenName: '花子', familyNameKana: 'サトウ', givenNameKana: 'ハナコ', department: 'sales' },
    ]);
  });

  it('follows a name changed in the table by another process (the search words are recomputed)', async () => {
    assert.deepEqual(await ids(`q=${encodeURIComponent('すずき')}`), ['em_test_suzuki']);
    await server.sql.run("UPDATE employees SET family_name = '佐々木', family_name_kana = 'ササキ' WHERE id = 'em_test_suzuki'");
    assert.deepEqual(await ids(`q=${encodeURIComponent('すずき')}`), [], 'the old reading finds nobody');
    assert.deepEqual(await ids(`q=${encodeURIComponent('ささき')}`), ['em_test_suzuki']);
    assert.deepEqual(await ids('q=sasaki%20jiro'), ['em_test_suzuki']);
  });

  it('an empty query finds nobody; a query too long is a 400', async () => {
    assert.deepEqual(await ids(''), []);
    assert.deepEqual(await ids('q=%20%20'), []);
    const response = await search(`q=${'a'.repeat(201)}`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
  });

  it('answers at most `limit` (10 by default, at most 50) in a stable order', async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      id: `em_many_${String(index).padStart(2, '0')}`,
      familyName: '山田',
      givenName: `太郎${index}`,
      familyNameKana: 'やまだ',
      givenNameKana: 'たろう',
      email: `taro${index}@corp.example.com`,
      role: 'employee',
      departmentId: null,
      title: null,
    }));
    await server.store.transaction((tx) => tx.seed.employees(many));
    const all = many.map((employee) => employee.id); // one reading: the id decides
    assert.deepEqual(await ids(`q=${encodeURIComponent('やまだ')}`), all.slice(0, 10));
    assert.deepEqual(await ids(`q=${encodeURIComponent('やまだ')}&limit=3`), all.slice(0, 3));
    assert.deepEqual(await ids(`q=${encodeURIComponent('やまだ')}&limit=500`), all.slice(0, 50));
    assert.deepEqual(await ids('q=em_many&limit=50'), all.slice(0, 50), 'by id, the same order');
    for (const limit of ['0', '-1', 'x']) assert.equal((await search(`q=yamada&limit=${limit}`)).status, 400, limit);
  });
});
