// Tokens from the company's identity provider: a real HTTP JWKS endpoint on localhost serving
// generated RS256 and ES256 keys, and the server's verifier against it.
import assert from 'node:assert/strict';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type CryptoKey, type JWK, SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { type IdentityProviderOptions, type TokenVerifier, createTokenVerifier } from '../../server/auth.js';
import { ProblemError } from '../../server/problem.js';

const ISSUER = 'https://login.example.com/tenant';
const AUDIENCE = 'api://okaeri';

interface Key {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
  spki: string;
}

async function makeKey(kid: string, alg: 'RS256' | 'ES256'): Promise<Key> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, spki: await exportSPKI(publicKey) };
}

interface Claims {
  sub?: string;
  iss?: string;
  aud?: string;
  exp?: number | null;
  iat?: number | null;
  [claim: string]: unknown;
}

const now = () => Math.floor(Date.now() / 1000);

function sign(key: Key, claims: Claims = {}, header: { kid?: string } = {}): Promise<string> {
  const { exp = now() + 600, iat = now(), iss = ISSUER, aud = AUDIENCE, sub = 'em_idp_user', ...rest } = claims;
  const payload: Record<string, unknown> = { sub, iss, aud, ...rest };
  if (exp !== null) payload.exp = exp;
  if (iat !== null) payload.iat = iat;
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: header.kid ?? key.kid }).sign(key.privateKey);
}

async function rejectsWith(verify: TokenVerifier, token: string, detail: RegExp, status = 401): Promise<void> {
  await assert.rejects(verify(token), (error: unknown) => {
    assert.ok(error instanceof ProblemError, `a problem, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.match(error.message, detail);
    return true;
  });
}

describe('tokens from the identity provider (OKAERI_JWKS_URL)', () => {
  let server: Server;
  let jwksUrl: string;
  let published: Key[] = [];
  let fetches = 0;
  let rsa: Key;
  let ec: Key;
  let next: Key;

  before(async () => {
    [rsa, ec, next] = await Promise.all([makeKey('rsa-1', 'RS256'), makeKey('ec-1', 'ES256'), makeKey('rsa-2', 'RS256')]);
    server = createServer((_request, response) => {
      fetches++;
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    published = [rsa, ec];
    fetches = 0;
  });

  const provider = (options: Partial<IdentityProviderOptions> = {}): IdentityProviderOptions => ({
    jwksUrl,
    issuer: ISSUER,
    audience: AUDIENCE,
    roleClaim: 'groups',
    roleMap: { 'hr-admins': 'hr', staff: 'employee', alumni: 'alumni' },
    teamClaim: 'department',
    teamMap: { 'IT Department': 'it' },
    refetchCooldownMs: 0,
    ...options,
  });
  const verifier = (options: Partial<IdentityProviderOptions> = {}, secret: string | null = null) =>
    createTokenVerifier({ secret, identityProvider: provider(options) });

  it('accepts RS256 and ES256 tokens, maps the role claim through the value map and fetches the key set once', async () => {
    const verify = verifier();
    assert.deepEqual(await verify(await sign(rsa, { groups: ['everyone', 'hr-admins'] })), { role: 'hr', sub: 'em_idp_user' });
    assert.deepEqual(await verify(await sign(ec, { groups: 'staff', sub: 'em_2' })), { role: 'employee', sub: 'em_2' });
    assert.deepEqual(await verify(await sign(rsa, { groups: ['alumni'], sub: 'al_1' })), { role: 'alumni', sub: 'al_1' });
    assert.equal(fetches, 1, 'the key set is cached');
  });

  it('takes the most capable mapped role from a list claim, reads a dotted claim path and maps the team', async () => {
    const keycloak = verifier({ roleClaim: 'realm_access.roles' });
    const token = await sign(rsa, { realm_access: { roles: ['staff', 'offline_access'] }, department: ['Sales', 'IT Department'] });
    assert.deepEqual(await keycloak(token), { role: 'employee', sub: 'em_idp_user', team: 'it' });
    assert.deepEqual(await verifier()(await sign(rsa, { groups: ['alumni', 'staff', 'hr-admins'] })), { role: 'hr', sub: 'em_idp_user' });
    // Without a map, the claim's value must be a role name itself.
    const plain = verifier({ roleClaim: 'role', roleMap: undefined });
    assert.deepEqual(await plain(await sign(rsa, { role: 'employee' })), { role: 'employee', sub: 'em_idp_user' });
    await rejectsWith(plain, await sign(rsa, { role: 'admin' }), /no role/);
  });

  it('refuses a token whose groups map to no role', async () => {
    await rejectsWith(verifier(), await sign(rsa, { groups: ['everyone'] }), /no role/);
    await rejectsWith(verifier(), await sign(rsa, {}), /no role/);
  });

  it('follows a key rotation: an unknown kid refetches the key set, and a withdrawn key stops working', async () => {
    const verify = verifier();
    assert.equal((await verify(await sign(rsa, { groups: 'staff' }))).role, 'employee');
    assert.equal(fetches, 1);
    published = [next, ec]; // the provider rotates rsa-1 out and rsa-2 in
    assert.equal((await verify(await sign(next, { groups: 'staff' }))).role, 'employee');
    assert.equal(fetches, 2, 'the unknown kid made the verifier fetch again');
    await rejectsWith(verify, await sign(rsa, { groups: 'staff' }), /key the identity provider does not publish/);
  });

  it('refuses a kid the provider never published, after looking again', async () => {
    const verify = verifier();
    await verify(await sign(rsa, { groups: 'staff' }));
    const stranger = await makeKey('nobody', 'RS256');
    await rejectsWith(verify, await sign(stranger, { groups: 'staff' }), /does not publish/);
    assert.equal(fetches, 2);
    // A known kid with a signature from another key is a forgery, not a rotation.
    await rejectsWith(verify, await sign(stranger, { groups: 'staff' }, { kid: 'rsa-1' }), /invalid/);
  });

  it('refuses a wrong issuer or audience', async () => {
    await rejectsWith(verifier(), await sign(rsa, { groups: 'staff', iss: 'https://evil.example.com' }), /invalid/);
    await rejectsWith(verifier(), await sign(rsa, { groups: 'staff', aud: 'api://someone-else' }), /invalid/);
    // Unset issuer/audience accept any.
    const lenient = verifier({ issuer: undefined, audience: undefined });
    assert.equal((await lenient(await sign(rsa, { groups: 'staff', iss: 'https://other', aud: 'x' }))).role, 'employee');
  });

  it('refuses an expired token, a token without exp, and one that lives longer than the cap', async () => {
    const verify = verifier();
    await rejectsWith(verify, await sign(rsa, { groups: 'staff', iat: now() - 7200, exp: now() - 3600 }), /expired/);
    await rejectsWith(verify, await sign(rsa, { groups: 'staff', exp: null }), /no expiry/);
    await rejectsWith(verify, await sign(rsa, { groups: 'staff', exp: now() + 13 * 3600 }), /longer than/);
    const short = createTokenVerifier({ secret: null, maxTtlSeconds: 300, identityProvider: provider() });
    await rejectsWith(short, await sign(rsa, { groups: 'staff', exp: now() + 600 }), /longer than the 300 s/);
    // Without iat the remaining lifetime counts.
    await rejectsWith(short, await sign(rsa, { groups: 'staff', iat: null, exp: now() + 600 }), /longer than/);
    assert.equal((await short(await sign(rsa, { groups: 'staff', iat: null, exp: now() + 200 }))).role, 'employee');
  });

  it('is not fooled by alg confusion: an HS256 token signed with the public key fails, with or without a secret', async () => {
    const claims = { sub: 'em_attacker', role: 'hr', groups: 'hr-admins', iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600 };
    for (const secretBytes of [rsa.spki, JSON.stringify(rsa.jwk), rsa.jwk.n!]) {
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
        .sign(new TextEncoder().encode(secretBytes));
      await rejectsWith(verifier({}, null), forged, /does not accept HS256/);
      await rejectsWith(verifier({}, 'the-real-hs256-secret-0123456789'), forged, /invalid/);
    }
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    await rejectsWith(verifier(), unsigned, /does not accept none/);
  });

  it('refuses RS256 tokens when no identity provider is configured', async () => {
    const secretOnly = createTokenVerifier({ secret: 'the-real-hs256-secret-0123456789' });
    await rejectsWith(secretOnly, await sign(rsa, { role: 'hr' }), /does not accept RS256/);
  });

  it('answers 503 (not 401, which would sign the person out) when the key set cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const originalError = console.error;
    console.error = () => {};
    try {
      await rejectsWith(verifier({ jwksUrl: url }), await sign(rsa, { groups: 'staff' }), /could not be fetched/, 503);
    } finally {
      console.error = originalError;
    }
  });
});
