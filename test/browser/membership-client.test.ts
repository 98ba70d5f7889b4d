import { expect } from '@open-wc/testing';
import { OkaeriClient } from '../../src/api/client.js';
import { OkaeriApiError } from '../../src/api/errors.js';

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
  return { client: new OkaeriClient({ baseUrl: base, fetch, retryDelay: 1, token: 'member-token' }), sent };
}

const profile = { id: 'al_1', status: 'active', familyName: '真島', currentCompany: 'A' };
const jsonReply = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('OkaeriClient membership methods', () => {
  it('asks for a sign-in link and accepts the empty 202', async () => {
    const { client, sent } = scripted(new Response(null, { status: 202 }));
    await client.requestSignInLink({ email: 'yui@example.net', lang: 'en' });
    expect(sent[0]!.method).to.equal('POST');
    expect(new URL(sent[0]!.url).pathname).to.equal('/api/v1/auth/email-link');
    expect(await sent[0]!.json()).to.deep.equal({ email: 'yui@example.net', lang: 'en' });
  });

  it('exchanges a link token, and a refused one is an API error with the problem code', async () => {
    const session = { token: 'jwt', expiresAt: '2026-12-02T06:00:00.000Z', purpose: 'sign-in' };
    const refused = { type: 'https://okaeri.dev/problems/bad-request', title: 'Bad request', status: 400, code: 'token_used' };
    const { client, sent } = scripted(jsonReply(session), new Response(JSON.stringify(refused), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }));
    expect(await client.exchangeLinkToken('abc.def')).to.deep.equal(session);
    expect(await sent[0]!.json()).to.deep.equal({ token: 'abc.def' });
    const error = await client.exchangeLinkToken('abc.def').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OkaeriApiError);
    expect((error as OkaeriApiError).status).to.equal(400);
    expect(((error as OkaeriApiError).problem as { code?: string }).code).to.equal('token_used');
  });

  it('reads the profile with its ETag and sends it back as If-Match', async () => {
    const { client, sent } = scripted(jsonReply(profile, 200, { ETag: '"3"' }), jsonReply({ ...profile, currentCompany: 'B' }, 200, { ETag: '"4"' }));
    const read = await client.getMyProfile();
    expect(read).to.deep.equal({ profile, etag: '"3"' });
    const written = await client.updateMyProfile({ currentCompany: 'B' }, read.etag!);
    expect(written.etag).to.equal('"4"');
    expect(sent[1]!.method).to.equal('PATCH');
    expect(sent[1]!.headers.get('If-Match')).to.equal('"3"');
    expect(sent[1]!.headers.get('Authorization')).to.equal('Bearer member-token');
    expect(await sent[1]!.json()).to.deep.equal({ currentCompany: 'B' });
  });

  it('deletes, exports, changes the address and the consent on their routes', async () => {
    const { client, sent } = scripted(
      new Response(null, { status: 204 }),
      jsonReply({ exportedAt: 'now', profile, consents: [], audit: [], reactions: [] }),
      jsonReply({ pendingEmail: 'new@example.net', expiresAt: 'later' }, 202),
      jsonReply(profile, 200, { ETag: '"5"' }),
    );
    await client.deleteMyMembership();
    expect((await client.exportMyData()).profile).to.deep.equal(profile);
    expect((await client.changeMyEmail('new@example.net')).pendingEmail).to.equal('new@example.net');
    expect((await client.setMyConsent({ contact: false, privacyPolicyVersion: '2025-04-01' })).etag).to.equal('"5"');
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal([
      'DELETE /api/v1/me',
      'GET /api/v1/me/export',
      'PUT /api/v1/me/email',
      'PUT /api/v1/me/consent',
    ]);
  });
});
