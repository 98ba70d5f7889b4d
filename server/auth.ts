import { type JWTPayload, SignJWT, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { ProblemError } from './problem.js';

/** Roles a bearer token can carry; a request without one is `public`. */
export const TOKEN_ROLES = ['alumni', 'employee', 'hr'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/**
 * An employee's token may name their team (`"team": "it"`): a short lowercase slug, letters and
 * digits in hyphen-separated words, starting with a letter, at most 32 characters. Only `employee`
 * tokens carry one; anything else in `team` makes the token invalid.
 */
export const TEAM_MAX_LENGTH = 32;
const TEAM_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export type Viewer =
  | { role: 'public' }
  | { role: 'alumni' | 'hr'; sub: string }
  | { role: 'employee'; sub: string; team?: string };

export function isTeam(value: unknown): value is string {
  return typeof value === 'string' && value.length <= TEAM_MAX_LENGTH && TEAM_PATTERN.test(value);
}

const SECRET_ALGORITHM = 'HS256';
/** What an identity provider signs with; `OKAERI_JWKS_URL` serves the public keys. */
export const IDP_ALGORITHMS = ['RS256', 'ES256'] as const;
const encoder = new TextEncoder();

/** The longest lifetime (`exp` − `iat`) a token may have unless configured: 12 hours. */
export const DEFAULT_MAX_TOKEN_TTL_SECONDS = 12 * 60 * 60;

export function isTokenRole(value: unknown): value is TokenRole {
  return (TOKEN_ROLES as readonly unknown[]).includes(value);
}

/**
 * Verification of the company identity provider's tokens (RS256/ES256, keys from its JWKS). The
 * role and team come from the claims it names, through optional value maps: Entra ID puts group
 * names in `groups`, Keycloak in `realm_access.roles`, so `roleClaim: 'groups'` with
 * `roleMap: { 'hr-admins': 'hr' }` turns a member of hr-admins into an `hr` viewer.
 */
export interface IdentityProviderOptions {
  jwksUrl: string;
  /** Required `iss`; unset, any issuer the keys sign for. */
  issuer?: string | undefined;
  /** Required `aud` (one of them); unset, any audience. */
  audience?: string | undefined;
  /** Dotted path of the claim holding the role (a string or a list); default `role`. */
  roleClaim?: string | undefined;
  /** Claim value → role; unset, the value must be a role name itself. */
  roleMap?: Readonly<Record<string, TokenRole>> | undefined;
  /** Dotted path of the claim holding an employee's team; default `team`. */
  teamClaim?: string | undefined;
  /** Claim value → team slug; unset, the value must be a team slug itself. */
  teamMap?: Readonly<Record<string, string>> | undefined;
  /** Minimum time between two fetches of the key set (jose's cooldown), default 30 s; tests pass 0. */
  refetchCooldownMs?: number | undefined;
}

export interface AuthOptions {
  /** HS256 secret (OKAERI_JWT_SECRET, or the demo's); null: HS256 tokens are refused. */
  secret: string | null;
  /** Longest accepted lifetime in seconds (OKAERI_JWT_MAX_TTL); default 12 h. */
  maxTtlSeconds?: number | undefined;
  identityProvider?: IdentityProviderOptions | null | undefined;
}

/** Turns a bearer token into its viewer, or rejects with an `unauthorized` problem. */
export type TokenVerifier = (token: string) => Promise<Viewer>;

/** `ttl` is a jose time span such as '8h', '30m' or '2d'; `team` only for an employee. */
export async function mintToken(
  secret: string,
  claims: { role: TokenRole; sub: string; ttl: string; team?: string | undefined },
): Promise<string> {
  if (claims.team !== undefined) {
    if (claims.role !== 'employee') throw new Error('Only an employee token carries a team.');
    if (!isTeam(claims.team)) throw new Error(`Not a team slug: ${JSON.stringify(claims.team)}`);
  }
  const payload = claims.team === undefined ? { role: claims.role } : { role: claims.role, team: claims.team };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: SECRET_ALGORITHM })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.ttl)
    .sign(encoder.encode(secret));
}

/** Resolves to the token's viewer (HS256 with `secret`, default lifetime cap); rejects with an `unauthorized` problem otherwise. */
export async function verifyToken(secret: string, token: string): Promise<Viewer> {
  return createTokenVerifier({ secret })(token);
}

/**
 * One verifier for both kinds of token, chosen by the token's `alg` header and nothing else:
 * HS256 is checked only against the secret, RS256/ES256 only against the identity provider's keys.
 * So an HS256 token "signed" with the provider's public key (the classic algorithm confusion)
 * is just a token with a wrong HMAC. Every token needs `exp`, and `exp` − `iat` (or − now, without
 * `iat`) may not exceed the lifetime cap: a leaked token without an end is valid forever.
 */
export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  const maxTtl = options.maxTtlSeconds ?? DEFAULT_MAX_TOKEN_TTL_SECONDS;
  const secret = options.secret === null ? null : encoder.encode(options.secret);
  const idp = options.identityProvider ?? null;
  const keys = idp
    ? createRemoteJWKSet(new URL(idp.jwksUrl), {
        ...(idp.refetchCooldownMs !== undefined && { cooldownDuration: idp.refetchCooldownMs }),
      })
    : null;

  return async (token) => {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthorized('The bearer token is invalid.');
    }
    let payload: JWTPayload;
    try {
      if (alg === SECRET_ALGORITHM && secret) {
        ({ payload } = await jwtVerify(token, secret, { algorithms: [SECRET_ALGORITHM], requiredClaims: ['exp'] }));
      } else if ((IDP_ALGORITHMS as readonly unknown[]).includes(alg) && keys && idp) {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: [...IDP_ALGORITHMS],
          requiredClaims: ['exp'],
          ...(idp.issuer !== undefined && { issuer: idp.issuer }),
          ...(idp.audience !== undefined && { audience: idp.audience }),
        }));
      } else {
        throw unauthorized(`This server does not accept ${typeof alg === 'string' ? alg : 'such'} tokens.`);
      }
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthorized('The bearer token has expired.');
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'exp') {
        throw unauthorized('The bearer token has no expiry (exp).');
      }
      if (error instanceof joseErrors.JWKSNoMatchingKey) {
        throw unauthorized('The bearer token was signed with a key the identity provider does not publish.');
      }
      if (error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout) && !(error instanceof joseErrors.JWKSInvalid)) {
        throw unauthorized('The bearer token is invalid.');
      }
      // The key set could not be fetched or read: the token may be fine, so not 401 (which signs
      // the person out); the cause stays in the log.
      console.error('Bearer token: the identity provider\'s key set is unavailable:', error);
      throw new ProblemError('unavailable', 'The identity provider’s keys could not be fetched to check the bearer token.', {
        headers: { 'Retry-After': '5' },
      });
    }
    const exp = payload.exp!;
    const start = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
    if (exp - start > maxTtl) {
      throw unauthorized(`The bearer token lives longer than the ${maxTtl} s this server accepts.`);
    }
    return alg === SECRET_ALGORITHM ? ownViewer(payload) : providerViewer(payload, idp!);
  };
}

/** A token this server (or `npm run token`) minted: `role` and `team` claims as they are. */
function ownViewer(payload: JWTPayload): Viewer {
  if (!isTokenRole(payload.role) || !payload.sub) {
    throw unauthorized('The bearer token lacks a known role or a subject.');
  }
  if (payload.team === undefined) return { role: payload.role, sub: payload.sub };
  if (payload.role !== 'employee' || !isTeam(payload.team)) {
    throw unauthorized('The bearer token\'s team is not a team slug on an employee token.');
  }
  return { role: 'employee', sub: payload.sub, team: payload.team };
}

// When a list claim (groups) maps to several roles, the one that may do the most wins.
const ROLE_PRECEDENCE: readonly TokenRole[] = ['hr', 'employee', 'alumni'];

/** An identity provider's token: role and team through the configured claims and maps. */
function providerViewer(payload: JWTPayload, idp: IdentityProviderOptions): Viewer {
  if (!payload.sub) throw unauthorized('The bearer token has no subject.');
  const roleValues = claimValues(payload, idp.roleClaim ?? 'role');
  const roles = new Set(roleValues.map((value) => (idp.roleMap ? idp.roleMap[value] : isTokenRole(value) ? value : undefined)));
  const role = ROLE_PRECEDENCE.find((candidate) => roles.has(candidate));
  if (!role) throw unauthorized('The bearer token carries no role this server knows.');
  if (role !== 'employee') return { role, sub: payload.sub };
  const teams = claimValues(payload, idp.teamClaim ?? 'team')
    .map((value) => (idp.teamMap ? idp.teamMap[value] : value))
    .filter(isTeam);
  // A provider's team claim often lists departments the server has no use for: only the first
  // team slug counts, and a token without one is an employee without a team.
  return teams[0] === undefined ? { role, sub: payload.sub } : { role, sub: payload.sub, team: teams[0] };
}

/** The string values at a dotted claim path (`realm_access.roles`): one string, or a list's strings. */
function claimValues(payload: JWTPayload, path: string): string[] {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Sets `viewer` for every request. No Authorization header means a public viewer; a header that
 * does not hold a valid token is refused rather than downgraded, so a client with a broken token
 * finds out instead of silently seeing less.
 */
export function authenticate(auth: AuthOptions | TokenVerifier): MiddlewareHandler<AppEnv> {
  const verify = rememberVerified(typeof auth === 'function' ? auth : createTokenVerifier(auth));
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('viewer', { role: 'public' });
      return next();
    }
    const [scheme, token, ...rest] = header.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
      throw unauthorized('The Authorization header must be "Bearer <token>".');
    }
    c.set('viewer', await verify(token));
    return next();
  };
}

const VERIFIED_TOKENS = 1000;
const VERIFIED_FOR_MS = 60_000;

/**
 * Remembers tokens already verified (the exact token string, signature included) with their
 * viewer, for at most a minute and never past the token's `exp`: a client sends the same token
 * with every request, and checking its signature again each time (a WebCrypto key import and an
 * HMAC on the thread pool) was the largest fixed cost per request in the profile. Refusals are
 * not remembered: they stay as cheap or as dear as before.
 */
export function rememberVerified(verify: TokenVerifier): TokenVerifier {
  const verified = new Map<string, { viewer: Viewer; until: number }>();
  return async (token) => {
    const now = Date.now();
    const known = verified.get(token);
    if (known && known.until > now) return known.viewer;
    if (known) verified.delete(token);
    const viewer = await verify(token);
    const { exp } = decodeJwt(token);
    const until = Math.min(now + VERIFIED_FOR_MS, typeof exp === 'number' ? exp * 1000 : now);
    if (verified.size >= VERIFIED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { viewer, until });
    return viewer;
  };
}

/** Lets through only viewers with one of `roles`: 401 for the public, 403 for other roles. */
export function requireRole(...roles: TokenRole[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const viewer = c.var.viewer;
    if (viewer.role === 'public') throw unauthorized('Sign in to do this.');
    if (!roles.includes(viewer.role)) {
      throw new ProblemError('forbidden', `This needs the role ${roles.join(' or ')}.`);
    }
    return next();
  };
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError('unauthorized', detail, {
    headers: { 'WWW-Authenticate': 'Bearer realm="okaeri"' },
  });
}
