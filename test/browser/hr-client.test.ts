import { expect } from '@open-wc/testing';
import { OkaeriClient } from '../../src/api/client.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { ChecklistTemplate } from '../../src/api/types.js';

const base = 'https://api.example.test';

/** A fetch that answers from a script and records every request as the server would see it. */
function scripted(...replies: Response[]) {
  const sent: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push(new Request(input, init));
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected request');
    return reply;
  }) as typeof globalThis.fetch;
  return { client: new OkaeriClient({ baseUrl: base, fetch, retryDelay: 1, token: 'hr-token' }), sent };
}

const jsonReply = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problemReply = (status: number, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Refused', status, ...extra }), { status, headers: { 'Content-Type': 'application/problem+json' } });
const route = (request: Request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`;

const detail = { member: { id: 'al_1', status: 'active' }, visibility: {}, consents: [], audit: [] };

describe('OkaeriClient HR methods', () => {
  it('reads the overview, a segment page and a member with the bearer token', async () => {
    const { client, sent } = scripted(jsonReply({ members: { total: 3 } }), jsonReply({ items: [], nextCursor: 'c2' }), jsonReply(detail));
    expect((await client.getHrOverview()).members.total).to.equal(3);
    const page = await client.listHrMembers({ q: '鈴木', status: ['pending', 'active'], contactable: 'true', sort: 'left', cursor: 'c1', limit: 50 });
    expect(page.nextCursor).to.equal('c2');
    expect((await client.getHrMember('al/1')).member.id).to.equal('al_1');
    expect(sent.map(route)).to.deep.equal([
      'GET /api/v1/hr/overview',
      'GET /api/v1/hr/members?q=%E9%88%B4%E6%9C%A8&status=pending&status=active&contactable=true&sort=left&cursor=c1&limit=50',
      'GET /api/v1/hr/members/al%2F1',
    ]);
    expect(sent.every((r) => r.headers.get('Authorization') === 'Bearer hr-token')).to.equal(true);
  });

  it('downloads the export as a Blob of the CSV bytes, BOM included', async () => {
    const csv = '\uFEFF"氏名","メール"\r\n"鈴木 一郎","ichiro@example.net"\r\n';
    const { client, sent } = scripted(new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }));
    const file = await client.exportHrMembers({ purpose: 'outreach', department: ['sales'], lang: 'ja' });
    expect(file).to.be.instanceOf(Blob);
    expect(file.type).to.equal('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'the BOM survives: Excel needs it').to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal(csv);
    expect(route(sent[0]!)).to.equal('GET /api/v1/hr/members/export.csv?purpose=outreach&department=sales&lang=ja');
    expect(sent[0]!.headers.get('Accept')).to.contain('text/csv');
    expect(sent[0]!.headers.get('Authorization')).to.equal('Bearer hr-token');
  });

  it('a refused export is an API error with the problem, not a Blob of it', async () => {
    const { client } = scripted(problemReply(403));
    const error = await client.exportHrMembers({ purpose: 'records' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OkaeriApiError);
    expect((error as OkaeriApiError).status).to.equal(403);
    expect((error as OkaeriApiError).problem?.title).to.equal('Refused');
  });

  it('approves and declines with an Idempotency-Key; the reason goes in the body', async () => {
    const { client, sent } = scripted(jsonReply(detail), jsonReply({ ...detail, member: { id: 'al_2', status: 'declined' } }), jsonReply(detail));
    await client.approveMember('al_1', { idempotencyKey: 'k-approve' });
    expect((await client.declineMember('al_2', { reason: '在籍記録なし' }, { idempotencyKey: 'k-decline' })).member.status).to.equal('declined');
    await client.declineMember('al_3', {});
    expect(sent.map(route)).to.deep.equal(['POST /api/v1/hr/members/al_1/approve', 'POST /api/v1/hr/members/al_2/decline', 'POST /api/v1/hr/members/al_3/decline']);
    expect(sent.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal(['k-approve', 'k-decline', null]);
    expect(await sent[1]!.json()).to.deep.equal({ reason: '在籍記録なし' });
    expect(await sent[2]!.json()).to.deep.equal({});
  });

  it('a keyed 409 not_awaiting_approval (no Retry-After: not a busy key) is final at once and carries its code', async () => {
    const { client, sent } = scripted(problemReply(409, { code: 'not_awaiting_approval' }), jsonReply(detail));
    const error = (await client.approveMember('al_1', { idempotencyKey: 'k' }).catch((e: unknown) => e)) as OkaeriApiError;
    expect(sent, 'not retried').to.have.length(1);
    expect(error.status).to.equal(409);
    expect((error.problem as { code?: string }).code).to.equal('not_awaiting_approval');
  });

  it('uploads the leaver list as text/csv, unchanged, and reads the answer', async () => {
    const csv = 'name,email,employeeNumber,department,leftOn\r\n"Ito, Kenta",kenta@example.net,E-1,sales,2024-03\r\n';
    const answer = { rows: 1, approved: [{ row: 1, memberId: 'al_1', name: 'Ito Kenta' }], review: [] };
    const { client, sent } = scripted(jsonReply(answer));
    expect(await client.importLeavers(csv, { idempotencyKey: 'k-import' })).to.deep.equal(answer);
    expect(route(sent[0]!)).to.equal('POST /api/v1/hr/leavers');
    expect(sent[0]!.headers.get('Content-Type')).to.equal('text/csv; charset=utf-8');
    expect(sent[0]!.headers.get('Idempotency-Key')).to.equal('k-import');
    expect(await sent[0]!.text()).to.equal(csv);
  });

  it('a keyed leaver upload is retried after a 503 with the same body', async () => {
    const csv = 'name,email,employeeNumber,department,leftOn\n';
    const { client, sent } = scripted(problemReply(503), jsonReply({ rows: 0, approved: [], review: [] }));
    await client.importLeavers(csv, { idempotencyKey: 'k' });
    expect(sent).to.have.length(2);
    expect(await sent[1]!.text()).to.equal(csv);
  });

  it('lists and registers returners, drafts an announcement, reads and saves the template', async () => {
    const template: ChecklistTemplate = { items: [{ category: 'it', owner: 'it', dueOffsetDays: -3, required: true, title: { en: 'Laptop', ja: 'PC' }, description: null }] };
    const { client, sent } = scripted(
      jsonReply({ items: [], nextCursor: null }),
      jsonReply({ id: 'rt_1' }, 201),
      jsonReply({ id: 'an_1', status: 'draft' }, 201),
      jsonReply(template, 200, { ETag: '"t1"' }),
      jsonReply(template, 200, { ETag: '"t2"' }),
    );
    await client.listReturners({ limit: 20 });
    expect((await client.createReturner({ alumniId: 'al_1', returnDate: '2026-04-01' }, { idempotencyKey: 'k-rt' })).id).to.equal('rt_1');
    expect((await client.createAnnouncement({ kind: 'welcome-back', returnerId: 'rt_1', message: 'おかえり' }, { idempotencyKey: 'k-an' })).id).to.equal('an_1');
    expect(await client.getChecklistTemplate()).to.deep.equal({ template, etag: '"t1"' });
    expect(await client.saveChecklistTemplate(template, '"t1"')).to.deep.equal({ template, etag: '"t2"' });
    expect(sent.map(route)).to.deep.equal([
      'GET /api/v1/returners?limit=20',
      'POST /api/v1/returners',
      'POST /api/v1/announcements',
      'GET /api/v1/hr/checklist-template',
      'PUT /api/v1/hr/checklist-template',
    ]);
    expect(sent.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal([null, 'k-rt', 'k-an', null, null]);
    expect(await sent[1]!.json()).to.deep.equal({ alumniId: 'al_1', returnDate: '2026-04-01' });
    expect(await sent[4]!.json()).to.deep.equal(template);
    expect(sent[4]!.headers.get('Content-Type')).to.equal('application/json');
    expect(sent[4]!.headers.get('If-Match')).to.equal('"t1"');
  });
});
