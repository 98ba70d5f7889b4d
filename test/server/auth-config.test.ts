// HS256 tokens need `exp` and a bounded lifetime; the identity provider, the signup limit and the
// trusted proxies are read from the environment exactly as the README spells the variables.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { DEFAULT_MAX_TOKEN_TTL_SECONDS, createTokenVerifier, mintToken, verifyToken } from '../../server/auth.js';
import { loadConfig } from '../../server/config.js';
import { ProblemError } from '../../server/problem.js';

const SECRET = 'a-secret-only-the-tests-know-0123456789';
const now = () => Math.floor(Date.now() / 1000);

function hs256(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

async function refused(promise: Promise<unknown>, detail: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ProblemError);
    assert.equal(error.status, 401);
    assert.match(error.message, detail);
    return true;
  });
}

describe('HS256 token lifetime', () => {
  it('refuses a correctly signed token without exp (it would be valid forever)', async () => {
    await refused(verifyToken(SECRET, await hs256({ role: 'hr', sub: 'em_1', iat: now() })), /no expiry/);
  });

  it('caps the lifetime at 12 h by default and at OKAERI_JWT_MAX_TTL when set', async () => {
    assert.equal(DEFAULT_MAX_TOKEN_TTL_SECONDS, 12 * 3600);
    const twelve = await hs256({ role: 'hr', sub: 'em_1', iat: now(), exp: now() + 12 * 3600 });
    assert.deepEqual(await verifyToken(SECRET, twelve), { role: 'hr', sub: 'em_1' });
    await refused(verifyToken(SECRET, await hs256({ role: 'hr', sub: 'em_1', iat: now(), exp: now() + 12 * 3600 + 60 })), /longer than/);
    const hour = createTokenVerifier({ secret: SECRET, maxTtlSeconds: 3600 });
    await refused(hour(await mintToken(SECRET, { role: 'alumni', sub: 'al_1', ttl: '2h' })), /longer than the 3600 s/);
    assert.deepEqual(await hour(await mintToken(SECRET, { role: 'alumni', sub: 'al_1', ttl: '30m' })), { role: 'alumni', sub: 'al_1' });
  });

  it('refuses HS256 altogether when the server has no secret (identity provider only)', async () => {
    const idpOnly = createTokenVerifier({ secret: null });
    await refused(idpOnly(await mintToken(SECRET, { role: 'hr', sub: 'em_1', ttl: '5m' })), /does not accept HS256/);
  });
});

describe('server configuration from the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-auth-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  const env = (extra: Record<string, string>) => ({ OKAERI_DB: join(dir, String(count++), 'okaeri.db'), ...extra });

  it('reads the identity provider, its claim maps and the lifetime cap', () => {
    const config = loadConfig(
      env({
        OKAERI_JWKS_URL: 'https://login.example.com/keys',
        OKAERI_JWT_ISSUER: 'https://login.example.com/',
        OKAERI_JWT_AUDIENCE: 'api://okaeri',
        OKAERI_ROLE_CLAIM: 'groups',
        OKAERI_ROLE_MAP: 'hr-admins=hr, staff=employee,alumni=alumni',
        OKAERI_TEAM_CLAIM: 'department',
        OKAERI_TEAM_MAP: 'IT Department=it',
        OKAERI_JWT_MAX_TTL: '1h',
      }),
    );
    assert.deepEqual(config.auth, {
      maxTtlSeconds: 3600,
      identityProvider: {
        jwksUrl: 'https://login.example.com/keys',
        issuer: 'https://login.example.com/',
        audience: 'api://okaeri',
        roleClaim: 'groups',
        roleMap: { 'hr-admins': 'hr', staff: 'employee', alumni: 'alumni' },
        teamClaim: 'department',
        teamMap: { 'IT Department': 'it' },
      },
    });
    // Without OKAERI_JWT_SECRET an identity-provider server accepts no HS256 token and is no demo.
    assert.equal(config.jwtSecret, null);
    assert.equal(config.demoMode, false);
    const both = loadConfig(env({ OKAERI_JWKS_URL: 'https://login.example.com/keys', OKAERI_JWT_SECRET: 's' }));
    assert.equal(both.jwtSecret, 's');
    assert.equal(loadConfig(env({})).auth.identityProvider, null);
    assert.equal(loadConfig(env({})).auth.maxTtlSeconds, undefined);
  });

  it('refuses half an identity-provider configuration and malformed values', () => {
    assert.throws(() => loadConfig(env({ OKAERI_JWT_AUDIENCE: 'api://okaeri' })), /need OKAERI_JWKS_URL/);
    assert.throws(() => loadConfig(env({ OKAERI_JWKS_URL: 'not a url' })), /OKAERI_JWKS_URL/);
    assert.throws(() => loadConfig(env({ OKAERI_JWKS_URL: 'https://x/k', OKAERI_ROLE_MAP: 'hr-admins=admin' })), /OKAERI_ROLE_MAP/);
    assert.throws(() => loadConfig(env({ OKAERI_JWKS_URL: 'https://x/k', OKAERI_TEAM_MAP: 'IT=I T' })), /OKAERI_TEAM_MAP/);
    assert.throws(() => loadConfig(env({ OKAERI_JWT_MAX_TTL: 'forever' })), /OKAERI_JWT_MAX_TTL/);
  });

  it('reads OKAERI_RATE_LIMIT_SIGNUP as count/window', () => {
    assert.deepEqual(loadConfig(env({ OKAERI_RATE_LIMIT_SIGNUP: '10/10m' })).signupRateLimit, { limit: 10, windowMs: 600_000 });
    assert.deepEqual(loadConfig(env({ OKAERI_RATE_LIMIT_SIGNUP: '500/h' })).signupRateLimit, { limit: 500, windowMs: 3_600_000 });
    assert.deepEqual(loadConfig(env({ OKAERI_RATE_LIMIT_SIGNUP: '3/30s' })).signupRateLimit, { limit: 3, windowMs: 30_000 });
    assert.equal(loadConfig(env({})).signupRateLimit, undefined);
    for (const bad of ['10', '0/10m', '10/10', 'ten/10m', '10/10y', '1/8d']) {
      assert.throws(() => loadConfig(env({ OKAERI_RATE_LIMIT_SIGNUP: bad })), /OKAERI_RATE_LIMIT_SIGNUP/, bad);
    }
  });

  it('selects PostgreSQL with OKAERI_DATABASE_URL, which needs a shared way to verify tokens', () => {
    const postgres = 'postgres://okaeri@127.0.0.1:5432/okaeri';
    assert.equal(loadConfig(env({})).databaseUrl, null);
    assert.throws(() => loadConfig(env({ OKAERI_DATABASE_URL: postgres })), /OKAERI_JWT_SECRET or OKAERI_JWKS_URL/);
    const withSecret = loadConfig(env({ OKAERI_DATABASE_URL: postgres, OKAERI_JWT_SECRET: 's' }));
    assert.equal(withSecret.databaseUrl, postgres);
    assert.equal(withSecret.demoMode, false);
    const idpOnly = loadConfig(env({ OKAERI_DATABASE_URL: postgres, OKAERI_JWKS_URL: 'https://idp.example/keys' }));
    assert.equal(idpOnly.jwtSecret, null);
    assert.throws(() => loadConfig(env({ OKAERI_DATABASE_URL: 'mysql://x/y', OKAERI_JWT_SECRET: 's' })), /OKAERI_DATABASE_URL/);
    assert.equal(loadConfig(env({ OKAERI_DATABASE_URL: postgres, OKAERI_JWT_SECRET: 's', OKAERI_MIGRATE: 'off' })).migrate, false);
    assert.throws(() => loadConfig(env({ OKAERI_MIGRATE: 'sometimes' })), /OKAERI_MIGRATE/);
  });

  it('reads OKAERI_TRUST_PROXY as addresses and CIDR networks, refusing anything else', () => {
    assert.equal(loadConfig(env({ OKAERI_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10, fd00::/8, ::1' })).trustProxy.length, 4);
    assert.deepEqual(loadConfig(env({})).trustProxy, []);
    for (const bad of ['10.0.0.0/33', 'proxy.internal', '10.0.0/8', '::1/129']) {
      assert.throws(() => loadConfig(env({ OKAERI_TRUST_PROXY: bad })), /OKAERI_TRUST_PROXY/, bad);
    }
  });
});
