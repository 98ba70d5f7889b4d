// Unit tests of the pure browser modules: signup validation, directory query building, URL sync,
// the windowed range, and the shared helpers (dates, plurals, retryability, idempotency keys).
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { emptyFilters, toQuery } from '../../components/directory/directory-query.js';
import { readFiltersFromUrl, writeFiltersToUrl } from '../../components/directory/url-sync.js';
import { WindowedList } from '../../src/internal/windowed-list.js';
import { completeUrl, emptyValues, validate, type Rules } from '../../components/signup-form/signup-validation.js';
import { AdapterMethodMissingError, adapterMethod } from '../../src/api/adapter.js';
import { searchAlumni } from '../../src/api/operations.js';
import { OkaeriTransport } from '../../src/api/transport.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import { messageText } from '../../src/i18n/catalogs.js';
import { localToday } from '../../src/internal/dates.js';
import { isRetryable } from '../../src/internal/error-message.js';
import { Mutations } from '../../src/internal/mutation.js';
import type { LocalizeController } from '../../src/i18n/localize.js';

const rules: Rules = { kana: true, hidden: new Set(), required: new Set(), thisMonth: '2026-12' };
const filled = {
  ...emptyValues(),
  familyName: '鈴木',
  givenName: '一郎',
  email: 'ichiro@example.com',
  department: 'sales',
  joinedYear: '2015',
  joinedMonth: '04',
  leftYear: '2023',
  leftMonth: '03',
  interests: ['rehire'],
  privacy: true,
};

describe('pure modules', () => {
  describe('signup validation', () => {
    it('accepts a complete answer', () => {
      expect(validate(filled, rules)).to.deep.equal({});
    });

    it('completes profile URLs as an address bar does, and judges the completed address', () => {
      expect(completeUrl('linkedin.com/in/x')).to.equal('https://linkedin.com/in/x');
      expect(completeUrl('  www.example.com ')).to.equal('https://www.example.com');
      expect(completeUrl('//example.com/me')).to.equal('https://example.com/me');
      expect(completeUrl('http://example.com')).to.equal('http://example.com');
      expect(completeUrl('javascript:alert(1)')).to.equal('javascript:alert(1)');
      expect(completeUrl('')).to.equal('');
      expect(validate({ ...filled, profileUrl: 'linkedin.com/in/x' }, rules).profileUrl).to.equal(undefined);
      expect(validate({ ...filled, profileUrl: 'javascript:alert(1)' }, rules).profileUrl).to.deep.equal(['validation.invalid_url']);
      expect(validate({ ...filled, profileUrl: 'not a url' }, rules).profileUrl).to.deep.equal(['validation.invalid_url']);
    });

    it('orders tenure, refuses the future and non-kana furigana', () => {
      expect(validate({ ...filled, leftYear: '2014' }, rules).left).to.deep.equal(['signup.error.leftBeforeJoined']);
      expect(validate({ ...filled, leftYear: '2027', leftMonth: '01' }, rules).left).to.deep.equal(['signup.error.future']);
      expect(validate({ ...filled, familyNameKana: 'suzuki' }, rules).familyNameKana).to.deep.equal(['signup.error.kana']);
      expect(validate({ ...filled, familyNameKana: 'ｽｽﾞｷ' }, rules).familyNameKana, 'half-width is normalized').to.equal(undefined);
    });
  });

  describe('directory query building', () => {
    it('leaves out empty values, trims, orders a reversed year range and carries lang and cursor', () => {
      expect(toQuery(emptyFilters, 30, 'ja')).to.deep.equal({ limit: 30, lang: 'ja' });
      const query = toQuery({ ...emptyFilters, q: '  すずき ', department: 'sales', interests: ['rehire'], location: ' 大阪 ', leftFrom: 2020, leftTo: 2010 }, 10, 'en', 'c1');
      expect(query).to.deep.equal({ limit: 10, lang: 'en', q: 'すずき', department: ['sales'], interest: ['rehire'], location: '大阪', leftFrom: 2010, leftTo: 2020, cursor: 'c1' });
    });
  });

  describe('URL sync', () => {
    const original = location.href;
    afterEach(() => history.replaceState(history.state, '', original));

    it('reads nothing without its parameters, and round-trips the filters without touching the host’s', () => {
      expect(readFiltersFromUrl('?page=2')).to.equal(undefined);
      history.replaceState(history.state, '', `${location.pathname}?page=2#top`);
      const length = history.length;
      writeFiltersToUrl({ ...emptyFilters, q: '鈴木', interests: ['rehire', 'mentoring'], leftFrom: 2015 });
      expect(history.length, 'replaced, not pushed').to.equal(length);
      const url = new URL(location.href);
      expect(url.searchParams.get('page')).to.equal('2');
      expect(url.hash).to.equal('#top');
      expect(readFiltersFromUrl(url.search)).to.deep.equal({ q: '鈴木', department: '', interests: ['rehire', 'mentoring'], intents: [], location: '', leftFrom: 2015, leftTo: undefined });
      expect(readFiltersFromUrl('?okaeri-left-from=99999')!.leftFrom, 'out-of-range year').to.equal(undefined);
    });
  });

  describe('windowed range', () => {
    const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };

    it('renders one estimated screenful (plus half a screen of margin) and pads for the rest', () => {
      const list = new WindowedList(host, () => 100);
      expect(list.range(0)).to.deep.equal({ first: 0, last: -1, before: 0, after: 0 });
      expect(list.range(5)).to.deep.equal({ first: 0, last: 4, before: 0, after: 0 });
      const range = list.range(5000);
      expect(range.first).to.equal(0);
      expect(range.last).to.equal(8);
      expect(range.before).to.equal(0);
      expect(range.after).to.equal((5000 - 9) * 100);
    });
  });

  describe('shared helpers', () => {
    it('localToday is the local calendar day, not the UTC one', () => {
      // 00:30 local time on 1 April: in Tokyo that instant is still 31 March in UTC.
      expect(localToday(new Date(2026, 3, 1, 0, 30))).to.equal('2026-04-01');
      expect(localToday(new Date(2026, 11, 31, 23, 59))).to.equal('2026-12-31');
    });

    it('plural forms come from Intl.PluralRules, falling back to other', () => {
      const forms = { one: '{count} item', other: '{count} items' };
      expect(messageText(forms, 'en', 1)).to.equal('{count} item');
      expect(messageText(forms, 'en', 3)).to.equal('{count} items');
      expect(messageText(forms, 'ja', 1)).to.equal('{count} items');
      expect(messageText(forms, 'en', undefined)).to.equal('{count} items');
      expect(messageText('plain', 'en', 1)).to.equal('plain');
    });

    it('offers a retry only where trying again can help', () => {
      const http = (status: number) => new OkaeriApiError('x', { kind: 'http', method: 'GET', url: '/', status });
      expect(isRetryable(new OkaeriApiError('x', { kind: 'network', method: 'GET', url: '/' }))).to.equal(true);
      expect(isRetryable(http(503))).to.equal(true);
      expect(isRetryable(http(403))).to.equal(false);
      expect(isRetryable(new AdapterMethodMissingError('getChecklist'))).to.equal(false);
    });

    it("adapterMethod: the host adapter's method wins, else the operation on the shared transport, else AdapterMethodMissingError", async () => {
      const operation = sinon.spy(async (_transport: OkaeriTransport, returnerId: string) => `operation for ${returnerId}` as never);
      const adapter = { getMeta: async () => ({}) as never, name: 'mine', async getChecklist(this: { name: string }) { return this.name as never; } };
      expect(await adapterMethod(adapter, 'getChecklist', operation)('me')).to.equal('mine');
      expect(operation.called, "a host adapter's method is used, not the operation").to.equal(false);

      const transport = new OkaeriTransport({ baseUrl: 'https://api.example.test' });
      expect(await adapterMethod(transport, 'getChecklist', operation)('r1', {})).to.equal('operation for r1');
      expect(operation.firstCall.args[0], 'the operation runs on the transport').to.equal(transport);

      const missing = adapterMethod(adapter, 'searchAlumni', searchAlumni);
      expect(() => missing({})).to.throw(AdapterMethodMissingError);
    });

    it('Mutations: one Idempotency-Key per body until a final answer; pending ids; rollback with a reason', async () => {
      const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
      const localize = { msg: (key: string) => key } as unknown as LocalizeController;
      const mutations = new Mutations(host, localize);
      const keys: (string | undefined)[] = [];
      const fail = (error: unknown) => (options: { idempotencyKey?: string }) => {
        keys.push(options.idempotencyKey);
        return Promise.reject(error);
      };
      const timeout = new OkaeriApiError('t', { kind: 'timeout', method: 'POST', url: '/' });
      let rolledBack = 0;
      const first = await mutations.run({ id: 'add', body: { title: 'A', n: 1 }, send: fail(timeout), rollback: () => rolledBack++ });
      expect(first.ok).to.equal(false);
      expect(!first.ok && first.reason).to.equal('error.timeout');
      expect(rolledBack).to.equal(1);
      await mutations.run({ id: 'add', body: { n: 1, title: 'A' }, send: fail(timeout) });
      expect(keys[1], 'same body (any key order) → same key').to.equal(keys[0]);
      await mutations.run({ id: 'add', body: { title: 'B', n: 1 }, send: fail(timeout) });
      expect(keys[2], 'another body → another key').not.to.equal(keys[0]);
      await mutations.run({ id: 'add', body: { title: 'A', n: 1 }, send: fail(new OkaeriApiError('v', { kind: 'http', method: 'POST', url: '/', status: 422 })) });
      expect(keys[3]).to.equal(keys[0]);
      let seen: boolean | undefined;
      const ok = await mutations.run({ id: 'add', body: { title: 'A', n: 1 }, send: async (options) => { keys.push(options.idempotencyKey); seen = mutations.isPending('add'); return 'created'; } });
      expect(keys[4], 'after a final 422 the same body is a new request').not.to.equal(keys[0]);
      expect(ok).to.deep.equal({ ok: true, value: 'created' });
      expect(seen, 'pending while in flight').to.equal(true);
      expect(mutations.isPending('add')).to.equal(false);
    });
  });
});
