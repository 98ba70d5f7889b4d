// Contract conformance: every operation of the committed OpenAPI document is called, for every
// role, with valid and with invalid requests, and every answer is checked against the document
// (status documented for that operation, content type, documented headers, body against the
// schema) with a real JSON Schema 2020-12 validator. Then a seeded fast-check run sends random
// bodies and query strings to every operation: never a 5xx, and every error a documented problem.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { OPENAPI_FILE } from '../../server/openapi-document.js';
import { PROBLEM_TYPE_BASE } from '../../server/problem.js';
import { type TestServer, startTestServer } from './harness.js';

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { headers?: Record<string, { required?: boolean; schema?: { type?: string } }>; content?: Record<string, { schema: unknown }> }>;
}

const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** Response headers a generated client reads: each one the server sends must be documented for that response. */
const CONTRACT_HEADERS = ['etag', 'location', 'retry-after', 'idempotent-replayed', 'www-authenticate'];

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi.json');

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

interface OperationRef {
  method: string;
  path: string;
  operation: Operation;
}

const OPERATIONS: OperationRef[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
);
const byId = new Map(OPERATIONS.map((ref) => [ref.operation.operationId, ref]));

type Role = 'public' | 'alumni' | 'employee' | 'hr' | 'it';
const ROLES: Role[] = ['public', 'alumni', 'employee', 'hr', 'it'];

interface Call {
  /** The concrete path, parameters filled in. */
  path: string;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Sent instead of the role's token: a write on someone's own data needs its own person. */
  authorization?: string;
}

const seen = new Map<string, Set<number>>();

/** Sends `call` for `operationId` and checks the answer against the document; returns it. */
async function conforms(server: TestServer, operationId: string, call: Call, authorization: string | null) {
  const ref = byId.get(operationId);
  assert.ok(ref, `no operation ${operationId} in the document`);
  const headers: Record<string, string> = { ...call.headers };
  const bearer = call.authorization ?? authorization;
  if (bearer) headers.Authorization = bearer;
  if (call.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  const url = call.query ? `${call.path}?${call.query}` : call.path;
  const response = await server.app.request(url, { method: ref.method.toUpperCase(), headers, body: call.body });
  const text = await response.text();
  const where = `${ref.method.toUpperCase()} ${url} → ${response.status} ${text.slice(0, 300)}`;
  assert.ok(response.status < 500, `a 5xx: ${where}`);
  const documented = ref.operation.responses[String(response.status)];
  assert.ok(documented, `status ${response.status} is not documented for ${operationId}: ${where}`);
  (seen.get(operationId) ?? seen.set(operationId, new Set()).get(operationId)!).add(response.status);

  // What the server accepted, the document must accept too (a pattern no value can match, a
  // rule stricter than the server's, would break every generated client).
  if (response.status < 300 && call.body !== undefined && ref.operation.requestBody?.content['application/json']) {
    const requestPointer = `openapi.json#/${pointer('paths', ref.path, ref.method, 'requestBody', 'content', 'application/json', 'schema')}`;
    const validateRequest = ajv.getSchema(requestPointer) ?? ajv.compile({ $ref: requestPointer });
    assert.ok(validateRequest(JSON.parse(call.body)), `the server accepted a body the document refuses: ${where}\n${ajv.errorsText(validateRequest.errors)}`);
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (response.status >= 400) assert.equal(contentType, 'application/problem+json', `an error that is not a problem: ${where}`);
  const content = documented.content ?? {};
  if (Object.keys(content).length > 0) {
    assert.ok(contentType in content, `content type ${contentType} is not documented for ${operationId} ${response.status}: ${where}`);
    const schemaPointer = `openapi.json#/${pointer('paths', ref.path, ref.method, 'responses', String(response.status), 'content', contentType, 'schema')}`;
    const validate = ajv.getSchema(schemaPointer) ?? ajv.compile({ $ref: schemaPointer });
    // JSON media types are validated parsed; others (text/csv) as the string they are.
    const body = /[/+]json$/.test(contentType) ? JSON.parse(text) : text;
    assert.ok(validate(body), `the body does not match the document: ${where}\n${ajv.errorsText(validate.errors)}`);
  } else {
    assert.equal(text, '', `an undocumented body: ${where}`);
  }
  const documentedHeaders = new Map(Object.entries(documented.headers ?? {}).map(([name, header]) => [name.toLowerCase(), header]));
  for (const [name, header] of documentedHeaders) {
    const value = response.headers.get(name);
    if (value === null) {
      assert.ok(!header.required, `the required header ${name} is missing: ${where}`);
      continue;
    }
    if (header.schema?.type === 'integer') assert.match(value, /^\d+$/, `${name} is not an integer: ${where}`);
  }
  // The headers a client acts on are in the document wherever the server sends them.
  for (const name of CONTRACT_HEADERS) {
    if (response.headers.has(name)) assert.ok(documentedHeaders.has(name), `${name} is sent but not documented for ${operationId} ${response.status}: ${where}`);
  }
  // A problem that names its own waiting time must say it in Retry-After (a 409 about the
  // resource's state, such as `not_awaiting_approval`, names none).
  const waiting = response.status === 429 || (response.status === 409 && JSON.parse(text).type === `${PROBLEM_TYPE_BASE}idempotency-in-progress`);
  if (waiting) assert.ok(response.headers.get('retry-after'), `no Retry-After: ${where}`);
  return { status: response.status, headers: response.headers };
}

describe('contract conformance: every operation, every role, valid and invalid requests', () => {
  let server: TestServer;
  const tokens = {} as Record<Role, string | null>;
  let policy: { url: string; version: string };
  let programName: unknown;
  let memberId: string;
  let returnerId: string;
  let newAlumnusIds: string[];
  let publishedId: string;
  let draftId: string;
  let categoryId: string;

  before(async () => {
    // A signup limit no run reaches: app.request() has no socket, so every call is one client
    // (the limit itself is tested in signup and contract-client-address tests).
    server = await startTestServer({ rateLimit: { signup: { limit: 1_000_000, windowMs: 60_000 } } });
    tokens.public = null;
    tokens.alumni = await server.bearer('alumni');
    tokens.employee = await server.bearer('employee');
    tokens.hr = await server.bearer('hr');
    tokens.it = `Bearer ${await (await import('../../server/auth.js')).mintToken('a-secret-only-the-tests-know-0123456789', { role: 'employee', sub: 'em_it_conformance', team: 'it', ttl: '5m' })}`;
    const meta = await (await server.app.request('/api/v1/meta')).json();
    policy = meta.privacyPolicy;
    programName = meta.programName;
    const hr = { Authorization: tokens.hr! };
    memberId = (await (await server.app.request('/api/v1/alumni?limit=1', { headers: hr })).json()).items[0].id;
    const returners = (await (await server.app.request('/api/v1/returners', { headers: hr })).json()).items;
    returnerId = returners[0].id;
    const taken = new Set(returners.map((returner: { alumniId: string }) => returner.alumniId));
    const candidates = await server.sql.rows<{ id: string }>("SELECT id FROM alumni WHERE left_month IS NOT NULL AND left_month < '2021-01' ORDER BY id LIMIT 40");
    newAlumnusIds = candidates.map((row) => row.id).filter((id) => !taken.has(id));
    const announcements = (await (await server.app.request('/api/v1/announcements?limit=50', { headers: hr })).json()).items;
    publishedId = announcements.find((each: { status: string }) => each.status === 'published').id;
    draftId = announcements.find((each: { status: string }) => each.status === 'draft')?.id ?? publishedId;
    categoryId = (await (await server.app.request(`/api/v1/returners/${returnerId}/checklist`, { headers: hr })).json()).categories[0].id;
  });
  after(() => server.close());

  let sequence = 0;
  const signup = (overrides: Record<string, unknown> = {}) => ({
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'ﾔﾏﾀﾞ',
    email: `conformance.${++sequence}@example.com`,
    department: 'engineering',
    joined: '2015-04',
    left: '2022-03',
    profileUrl: 'https://example.com/hanako',
    interests: ['rehire'],
    directory: { listed: true, visibility: { email: 'hr' } },
    consent: { privacyPolicyVersion: policy.version, contact: false },
    ...overrides,
  });
  const key = () => ({ 'Idempotency-Key': `conformance-${++sequence}` });

  /** Valid requests per operation (fresh for each call: writes need their own ids and keys). */
  const valid: Record<string, () => Promise<Call[]> | Call[]> = {
    getHealth: () => [{ path: '/api/health' }],
    getMeta: () => [{ path: '/api/v1/meta' }],
    getOpenApiDocument: () => [{ path: '/api/openapi.json' }],
    updateSettings: () => [{ path: '/api/v1/settings', body: JSON.stringify({ programName, privacyPolicy: policy }) }],
    listAnnouncements: () => [{ path: '/api/v1/announcements' }, { path: '/api/v1/announcements', query: 'kind=welcome-back&limit=2' }],
    getAnnouncement: () => [{ path: `/api/v1/announcements/${publishedId}` }, { path: `/api/v1/announcements/${draftId}` }],
    createAnnouncement: () => [
      { path: '/api/v1/announcements', headers: key(), body: JSON.stringify({ kind: 'welcome-back', returnerId, message: 'おかえりなさい' }) },
    ],
    approveAnnouncement: () => [{ path: `/api/v1/announcements/${publishedId}/approve`, body: JSON.stringify({ reason: 'Confirmed by phone' }) }],
    setReaction: () => [{ path: `/api/v1/announcements/${publishedId}/reactions/me` }],
    clearReaction: () => [{ path: `/api/v1/announcements/${publishedId}/reactions/me` }],
    listReturners: () => [{ path: '/api/v1/returners', query: 'limit=2' }],
    createReturner: () => {
      const alumniId = newAlumnusIds.shift();
      assert.ok(alumniId, 'the seed has an alumnus left to bring back');
      return [{ path: '/api/v1/returners', headers: key(), body: JSON.stringify({ alumniId, returnDate: '2027-04-01', language: 'en' }) }];
    },
    getChecklist: () => [{ path: `/api/v1/returners/${returnerId}/checklist` }, { path: '/api/v1/returners/me/checklist' }],
    setChecklistItemDone: async () => {
      const checklist = await (await server.app.request(`/api/v1/returners/${returnerId}/checklist`, { headers: { Authorization: tokens.hr! } })).json();
      const item = checklist.items[0];
      const path = `/api/v1/returners/${returnerId}/checklist/items/${item.id}`;
      return [
        { path, headers: { 'If-Match': `"${item.version}"` }, body: JSON.stringify({ done: !item.done }) },
        { path, headers: { 'If-Match': '*' }, body: JSON.stringify({ done: item.done }) },
        // A version long gone: 412 with the item as it is now and its ETag.
        { path, headers: { 'If-Match': '"999999"' }, body: JSON.stringify({ done: !item.done }) },
      ];
    },
    addChecklistItem: () => [
      {
        path: `/api/v1/returners/${returnerId}/checklist/items`,
        headers: key(),
        body: JSON.stringify({ title: 'Meet the new team', categoryId, owner: 'manager', dueOffsetDays: 2, required: false }),
      },
    ],
    searchAlumni: () => [
      { path: '/api/v1/alumni', query: 'limit=3' },
      { path: '/api/v1/alumni', query: `q=${encodeURIComponent('さとう')}&department=engineering,sales&interest=rehire&leftFrom=2000&leftTo=2030` },
    ],
    createAlumnus: () => [{ path: '/api/v1/alumni', headers: key(), body: JSON.stringify(signup()) }],
    getAlumnus: () => [{ path: `/api/v1/alumni/${memberId}` }],
    // The member's own data (<okaeri-my-profile>): the alumni persona, or a member made for the call.
    requestSignInLink: () => [{ path: '/api/v1/auth/email-link', body: JSON.stringify({ email: `nobody.${++sequence}@example.com` }) }],
    // Only a mailed link holds a token this accepts; here it is exercised with tokens it refuses.
    exchangeLinkToken: () => [{ path: '/api/v1/auth/token', body: JSON.stringify({ token: 'not-a-token-this-server-mailed' }) }],
    getMyProfile: () => [{ path: '/api/v1/me' }],
    updateMyProfile: async () => {
      const read = await server.app.request('/api/v1/me', { headers: { Authorization: tokens.alumni! } });
      return [{ path: '/api/v1/me', headers: { 'If-Match': read.headers.get('etag') ?? '"0"' }, body: JSON.stringify({}) }];
    },
    deleteMyMembership: async () => [{ path: '/api/v1/me', authorization: await freshMember() }],
    exportMyData: () => [{ path: '/api/v1/me/export' }],
    changeMyEmail: () => [{ path: '/api/v1/me/email', body: JSON.stringify({ email: `moved.${++sequence}@example.com` }) }],
    setMyConsent: () => [{ path: '/api/v1/me/consent', body: JSON.stringify({ contact: true, privacyPolicyVersion: policy.version }) }],
    // The HR console.
    getHrOverview: () => [{ path: '/api/v1/hr/overview' }],
    listHrMembers: () => [{ path: '/api/v1/hr/members', query: 'limit=3&sort=signedUp' }, { path: '/api/v1/hr/members', query: 'q=sato&contactable=true' }],
    exportHrMembers: () => [{ path: '/api/v1/hr/members/export.csv', query: 'purpose=records&department=sales' }],
    getHrMember: () => [{ path: `/api/v1/hr/members/${memberId}` }],
    searchEmployees: () => [{ path: '/api/v1/hr/employees', query: `q=${encodeURIComponent('やまぐち')}` }, { path: '/api/v1/hr/employees', query: 'q=em_&limit=2' }],
    getChecklistTemplate: () => [{ path: '/api/v1/hr/checklist-template' }],
    putChecklistTemplate: async () => {
      const read = await server.app.request('/api/v1/hr/checklist-template', { headers: { Authorization: tokens.hr! } });
      const template = await read.text();
      return [
        { path: '/api/v1/hr/checklist-template', headers: { 'If-Match': read.headers.get('etag') ?? '*' }, body: template },
        // A tag long gone: 412 with the stored template and its ETag; none: 428.
        { path: '/api/v1/hr/checklist-template', headers: { 'If-Match': '"gone"' }, body: template },
        { path: '/api/v1/hr/checklist-template', body: template },
      ];
    },
    // Approval (issue 11): approving an active member answers it unchanged; a member made to await
    // approval (as verification does with the setting on) is declined; a pending one is a 409.
    approveMember: () => [{ path: `/api/v1/hr/members/${memberId}/approve`, headers: key() }],
    declineMember: async () => [
      { path: `/api/v1/hr/members/${await awaitingMember()}/decline`, headers: key(), body: JSON.stringify({ reason: 'Not in our records' }) },
      { path: `/api/v1/hr/members/${await awaitingMember()}/decline` },
      { path: `/api/v1/hr/members/${memberId}/decline` },
    ],
    importLeavers: () => [
      { path: '/api/v1/hr/leavers', headers: { ...key(), 'Content-Type': 'text/csv' }, body: 'name,email,employeeNumber\r\n"Doe, Jane",jane@example.org,\r\nx,,\r\n' },
    ],
  };

  /** A new member awaiting HR's approval. */
  async function awaitingMember(): Promise<string> {
    const response = await server.app.request('/api/v1/alumni', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(signup()) });
    const { id } = await response.json();
    await server.sql.run("UPDATE alumni SET status = 'active', approval = 'awaiting-approval' WHERE id = ?", id);
    return id;
  }

  /** A new member's own token (sub = the id the signup answered). */
  async function freshMember(): Promise<string> {
    const response = await server.app.request('/api/v1/alumni', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(signup()) });
    const receipt = await response.json();
    assert.equal(response.status, 201, JSON.stringify(receipt));
    return server.bearer('alumni', { sub: receipt.id });
  }

  /** Operations that no call here can make succeed (their input only exists in a mailed link). */
  const REFUSAL_ONLY: ReadonlySet<string> = new Set(['exchangeLinkToken']);

  /** Requests every operation must refuse with a documented problem, whoever sends them. */
  const invalid = (ref: OperationRef): Call[] => {
    const path = ref.path.replace(/\{[^}]+\}/g, 'x'.repeat(65));
    const calls: Call[] = [{ path, query: 'limit=0&cursor=%ZZ&leftFrom=1&q=' + 'w%20'.repeat(9) }];
    if (ref.method !== 'get') {
      const real = ref.path.replace(/\{id\}/, ref.path.includes('announcements') ? publishedId : returnerId).replace('{itemId}', 'ci_nobody');
      calls.push(
        { path: real, body: '{"not json', headers: { 'If-Match': '"1"' } },
        { path: real, body: '<xml/>', headers: { 'Content-Type': 'application/xml', 'If-Match': '"1"' } },
        { path: real, body: JSON.stringify({ padding: 'x'.repeat(70 * 1024) }) },
        { path: real, body: JSON.stringify({ unknown: true, returnDate: '2027-1-1', title: 'a\nb' }), headers: { 'Idempotency-Key': 'clé\u0001', 'If-Match': 'W/"1"' } },
        { path: real, body: '[]' },
      );
    }
    return calls;
  };

  it('has a conformance case for every operation in the document', () => {
    assert.deepEqual(
      OPERATIONS.map((ref) => ref.operation.operationId).filter((id) => !(id in valid)),
      [],
      'add the operation to `valid` in this file',
    );
  });

  for (const ref of OPERATIONS) {
    const { operationId } = ref.operation;
    it(`${operationId} (${ref.method.toUpperCase()} ${ref.path}) answers every role as documented`, async () => {
      for (const role of ROLES) {
        for (const call of await valid[operationId]!()) await conforms(server, operationId, call, tokens[role]);
        for (const call of invalid(ref)) {
          // DELETE /me reads no body, so its "invalid" calls delete too: never the persona others use.
          const own = operationId === 'deleteMyMembership' && role === 'alumni' ? { authorization: await freshMember() } : {};
          await conforms(server, operationId, { ...call, ...own }, tokens[role]);
        }
        // A broken token is refused the same way everywhere.
        await conforms(server, operationId, (await valid[operationId]!())[0]!, 'Bearer not.a.token');
      }
      const statuses = seen.get(operationId)!;
      if (!REFUSAL_ONLY.has(operationId)) {
        assert.ok([...statuses].some((status) => status < 300), `${operationId} never succeeded: ${[...statuses]}`);
      }
    });
  }

  it('answers an unknown path and method under /api with a problem, never text', async () => {
    for (const [method, url] of [['GET', '/api/v1/nothing'], ['DELETE', '/api/v1/meta'], ['GET', '/api/v1/alumni/%E0%A4%A']] as const) {
      const response = await server.app.request(url, { method });
      assert.ok(response.status >= 400 && response.status < 500, `${method} ${url}: ${response.status}`);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
    }
  });

  // 50 random requests per operation, seeded so a failure replays; as HR (who reaches the most
  // code) and as the public (who is refused first).
  it('survives a seeded fuzz run of random bodies and query strings per operation: no 5xx, every error a documented problem', async () => {
    const jsonValue = fc.jsonValue({ maxDepth: 3 });
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', ' ', '0', '-1', '1e309', 'null', '2027-1-1', '0000-01-01', '9999-12-31', '\\', '%00', 'あ'.repeat(300)));
    for (const ref of OPERATIONS) {
      const { operationId } = ref.operation;
      const template = (await valid[operationId]!())[0]!;
      const csv = template.headers?.['Content-Type'] === 'text/csv';
      const base = template.body === undefined || csv ? {} : (JSON.parse(template.body) as Record<string, unknown>);
      const names = (ref.operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
      const body = fc.oneof(
        // A CSV import gets text of cells, quotes, commas and line breaks.
        csv ? fc.array(fc.oneof(text, fc.constantFrom('"', '""', ',', '\r\n', '\n', '\uFEFF', 'name,email', 'a@b.c')), { maxLength: 30 }).map((parts) => parts.join('')) : jsonValue.map((value) => JSON.stringify(value)),
        // The valid body with some fields replaced, dropped or added: reaches the deeper rules.
        fc.record({ replace: fc.dictionary(fc.constantFrom(...Object.keys(base), 'extra'), fc.oneof(jsonValue, text)), drop: fc.subarray(Object.keys(base)) }).map(({ replace, drop }) => {
          const mutated: Record<string, unknown> = { ...base, ...replace };
          for (const field of drop) delete mutated[field];
          return JSON.stringify(mutated);
        }),
      );
      const query = fc.array(fc.tuple(fc.constantFrom(...names, 'x'), text), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString());
      await fc.assert(
        fc.asyncProperty(body, query, fc.boolean(), fc.constantFrom<Role>('hr', 'public'), async (randomBody, randomQuery, keyed, role) => {
          const call: Call = {
            path: template.path,
            query: randomQuery,
            headers: {
              ...(template.headers?.['If-Match'] && { 'If-Match': template.headers['If-Match'] }),
              ...(csv && { 'Content-Type': 'text/csv' }),
              ...(keyed && { 'Idempotency-Key': `fuzz-${++sequence}` }),
            },
            ...(ref.method !== 'get' && { body: randomBody }),
          };
          await conforms(server, operationId, call, tokens[role]);
        }),
        { seed: 20261201, numRuns: 50 },
      );
    }
  });
});
