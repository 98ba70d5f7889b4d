import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
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

const ALGORITHM = 'HS256';
const encoder = new TextEncoder();

export function isTokenRole(value: unknown): value is TokenRole {
  return (TOKEN_ROLES as readonly unknown[]).includes(value);
}

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
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.ttl)
    .sign(encoder.encode(secret));
}

/** Resolves to the token's viewer; rejects with an `unauthorized` problem otherwise. */
export async function verifyToken(secret: string, token: string): Promise<Viewer> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: [ALGORITHM] }));
  } catch (error) {
    const expired = error instanceof joseErrors.JWTExpired;
    throw unauthorized(expired ? 'The bearer token has expired.' : 'The bearer token is invalid.');
  }
  if (!isTokenRole(payload.role) || !payload.sub) {
    throw unauthorized('The bearer token lacks a known role or a subject.');
  }
  if (payload.team === undefined) return { role: payload.role, sub: payload.sub };
  if (payload.role !== 'employee' || !isTeam(payload.team)) {
    throw unauthorized('The bearer token\'s team is not a team slug on an employee token.');
  }
  return { role: 'employee', sub: payload.sub, team: payload.team };
}

/**
 * Sets `viewer` for every request. No Authorization header means a public viewer; a header that
 * does not hold a valid token is refused rather than downgraded, so a client with a broken token
 * finds out instead of silently seeing less.
 */
export function authenticate(secret: string): MiddlewareHandler<AppEnv> {
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
    c.set('viewer', await verifyToken(secret, token));
    return next();
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
