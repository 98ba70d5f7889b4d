import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type AuthOptions, type IdentityProviderOptions, TOKEN_ROLES, type TokenRole, isTeam, isTokenRole } from './auth.js';
import { type TrustedProxies, parseTrustedProxies } from './middleware/client-address.js';
import { type RateLimit, parseRateLimit } from './middleware/rate-limit.js';
import { DEFAULT_CONFIRM_MONTHS, DEFAULT_LANDING_PATH, DEFAULT_PENDING_DAYS, type MembershipOptions } from './domain/membership.js';
import { DEFAULT_MAIL_FROM } from './mail/mailer.js';

/**
 * The largest request body the API accepts: 64 KiB. The biggest legitimate body (a signup with
 * every field at its maximum length, or an announcement) is a few KiB, so anything larger is a
 * mistake or an attack and is refused with 413 before it is parsed.
 */
export const BODY_LIMIT_BYTES = 64 * 1024;

const DEFAULT_DB_PATH = './data/okaeri.db';

const SECRET_FILE_NAME = 'jwt-secret';

export interface ServerConfig {
  port: number;
  host: string;
  dbPath: string;
  /**
   * OKAERI_DATABASE_URL (postgres://…): the data lives in PostgreSQL, shared by every instance,
   * and `dbPath` is unused. Null: the embedded SQLite file at `dbPath`.
   */
  databaseUrl: string | null;
  /** False with OKAERI_MIGRATE=off: migrations are a deploy step (`npm run migrate`), not each start's. */
  migrate: boolean;
  corsOrigins: string[];
  /** HS256 secret; null when only the identity provider's tokens are accepted (OKAERI_JWKS_URL without OKAERI_JWT_SECRET). */
  jwtSecret: string | null;
  /** Token verification besides the secret: the lifetime cap and the identity provider. */
  auth: Omit<AuthOptions, 'secret'>;
  /** OKAERI_RATE_LIMIT_SIGNUP, e.g. `10/10m`; the route's default when unset. */
  signupRateLimit: RateLimit | undefined;
  /** OKAERI_TRUST_PROXY: proxies whose Forwarded / X-Forwarded-For is believed; none by default. */
  trustProxy: TrustedProxies;
  /** True when neither OKAERI_JWT_SECRET nor OKAERI_JWKS_URL was given: the server then hands out demo tokens. */
  demoMode: boolean;
  /** Membership links and periods: OKAERI_PUBLIC_URL, OKAERI_LANDING_PATH, OKAERI_PENDING_DAYS, OKAERI_CONFIRM_MONTHS. */
  membership: MembershipOptions;
  /** OKAERI_SMTP_URL (e.g. smtp://127.0.0.1:2525): mail through nodemailer; null: the outbox table. */
  smtpUrl: string | null;
  /** OKAERI_MAIL_FROM: the sender of membership mail. */
  mailFrom: string;
}

type Environment = Record<string, string | undefined>;

export function loadConfig(env: Environment = process.env): ServerConfig {
  const databaseUrl = parseDatabaseUrl(env.OKAERI_DATABASE_URL);
  const identityProvider = parseIdentityProvider(env);
  // Instances behind a load balancer must agree on how tokens are checked, and a secret file on
  // one machine's disk is no place for that: PostgreSQL mode has no demo secret. The identity
  // provider's keys (OKAERI_JWKS_URL) are shared by nature, so they suffice alone.
  if (databaseUrl && !env.OKAERI_JWT_SECRET && !identityProvider) {
    throw new Error(
      'OKAERI_JWT_SECRET or OKAERI_JWKS_URL is required with OKAERI_DATABASE_URL (every instance must verify tokens alike).',
    );
  }
  const dbPath = databaseUrl ? resolve(env.OKAERI_DB || DEFAULT_DB_PATH) : resolveDbPath(env);
  // With an identity provider and no secret, HS256 tokens are refused, and there is no demo.
  const { secret, persisted } =
    identityProvider && !env.OKAERI_JWT_SECRET ? { secret: null, persisted: false } : resolveJwtSecret(env, dbPath);
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    dbPath,
    databaseUrl,
    migrate: parseMigrate(env.OKAERI_MIGRATE),
    corsOrigins: parseOrigins(env.OKAERI_CORS_ORIGINS),
    jwtSecret: secret,
    auth: { maxTtlSeconds: parseDuration(env.OKAERI_JWT_MAX_TTL, 'OKAERI_JWT_MAX_TTL'), identityProvider },
    signupRateLimit: env.OKAERI_RATE_LIMIT_SIGNUP ? parseRateLimit(env.OKAERI_RATE_LIMIT_SIGNUP, 'OKAERI_RATE_LIMIT_SIGNUP') : undefined,
    trustProxy: parseTrustedProxies(env.OKAERI_TRUST_PROXY),
    demoMode: persisted,
    membership: parseMembership(env),
    smtpUrl: parseSmtpUrl(env.OKAERI_SMTP_URL),
    mailFrom: env.OKAERI_MAIL_FROM || DEFAULT_MAIL_FROM,
  };
}

function parseMembership(env: Environment): MembershipOptions {
  const port = env.PORT || '8787'; // parsePort's default
  const publicUrl = env.OKAERI_PUBLIC_URL || `http://${env.HOST || '127.0.0.1'}:${port}`;
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol)) {
    throw new Error(`OKAERI_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  }
  const landingPath = env.OKAERI_LANDING_PATH || DEFAULT_LANDING_PATH;
  if (!landingPath.startsWith('/')) throw new Error(`OKAERI_LANDING_PATH must start with "/", got "${landingPath}"`);
  return {
    publicUrl: publicUrl.replace(/\/+$/, ''),
    landingPath,
    pendingDays: parsePositiveInteger(env.OKAERI_PENDING_DAYS, 'OKAERI_PENDING_DAYS', DEFAULT_PENDING_DAYS),
    confirmMonths: parsePositiveInteger(env.OKAERI_CONFIRM_MONTHS, 'OKAERI_CONFIRM_MONTHS', DEFAULT_CONFIRM_MONTHS),
  };
}

function parsePositiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 10000) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return number;
}

function parseSmtpUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^smtps?:\/\//i.test(value)) throw new Error('OKAERI_SMTP_URL must be an smtp:// or smtps:// URL.');
  return value;
}

/** The database file's absolute path, with its directory created so SQLite can open it. */
export function resolveDbPath(env: Environment = process.env): string {
  const dbPath = resolve(env.OKAERI_DB || DEFAULT_DB_PATH);
  mkdirSync(dirname(dbPath), { recursive: true });
  return dbPath;
}

/**
 * OKAERI_JWT_SECRET wins. Without it the secret lives next to the database so that tokens minted
 * by `npm run token` stay valid across restarts; such a server is a demo, not a deployment.
 */
export function resolveJwtSecret(
  env: Environment,
  dbPath: string,
): { secret: string; persisted: boolean } {
  if (env.OKAERI_JWT_SECRET) return { secret: env.OKAERI_JWT_SECRET, persisted: false };
  const secretFile = join(dirname(dbPath), SECRET_FILE_NAME);
  if (!existsSync(secretFile)) {
    // 'wx' fails instead of overwriting when another process created the file in the meantime.
    try {
      writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { secret: readFileSync(secretFile, 'utf8').trim(), persisted: true };
}

function parseDatabaseUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^postgres(ql)?:\/\//i.test(value)) {
    throw new Error('OKAERI_DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:port/database).');
  }
  return value;
}

function parseMigrate(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`OKAERI_MIGRATE must be "on" or "off", got "${value}"`);
}

/**
 * OKAERI_JWKS_URL turns on the company identity provider's tokens (RS256/ES256). OKAERI_ROLE_MAP
 * and OKAERI_TEAM_MAP are `claim value=role` lists, e.g. `hr-admins=hr,staff=employee`.
 */
function parseIdentityProvider(env: Environment): IdentityProviderOptions | null {
  const named = ['OKAERI_JWT_ISSUER', 'OKAERI_JWT_AUDIENCE', 'OKAERI_ROLE_CLAIM', 'OKAERI_ROLE_MAP', 'OKAERI_TEAM_CLAIM', 'OKAERI_TEAM_MAP'];
  if (!env.OKAERI_JWKS_URL) {
    const stray = named.filter((name) => env[name]);
    // Half a configuration is a mistake worth stopping for, not one to discover at the first sign-in.
    if (stray.length > 0) throw new Error(`${stray.join(', ')} need OKAERI_JWKS_URL (the identity provider's key set).`);
    return null;
  }
  let url: URL;
  try {
    url = new URL(env.OKAERI_JWKS_URL);
  } catch {
    throw new Error(`OKAERI_JWKS_URL must be a URL, got "${env.OKAERI_JWKS_URL}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('OKAERI_JWKS_URL must be an http(s) URL.');
  const roleMap = parseValueMap(env.OKAERI_ROLE_MAP, 'OKAERI_ROLE_MAP');
  for (const [value, role] of Object.entries(roleMap ?? {})) {
    if (!isTokenRole(role)) throw new Error(`OKAERI_ROLE_MAP: ${value} maps to "${role}", not one of ${TOKEN_ROLES.join(', ')}`);
  }
  const teamMap = parseValueMap(env.OKAERI_TEAM_MAP, 'OKAERI_TEAM_MAP');
  for (const [value, team] of Object.entries(teamMap ?? {})) {
    if (!isTeam(team)) throw new Error(`OKAERI_TEAM_MAP: ${value} maps to "${team}", not a team slug`);
  }
  return {
    jwksUrl: url.href,
    issuer: env.OKAERI_JWT_ISSUER || undefined,
    audience: env.OKAERI_JWT_AUDIENCE || undefined,
    roleClaim: env.OKAERI_ROLE_CLAIM || undefined,
    roleMap: roleMap as Record<string, TokenRole> | undefined,
    teamClaim: env.OKAERI_TEAM_CLAIM || undefined,
    teamMap,
  };
}

function parseValueMap(value: string | undefined, name: string): Record<string, string> | undefined {
  if (!value) return undefined;
  const map: Record<string, string> = {};
  for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new Error(`${name} must be value=target pairs, got "${entry}"`);
    map[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return map;
}

/** `12h`, `30m`, `3600` (seconds) → seconds; undefined when unset. */
function parseDuration(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined;
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  const seconds = match ? Number(match[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as const)[match[2] as '' | 's' | 'm' | 'h' | 'd'] : NaN;
  if (!(seconds > 0)) throw new Error(`${name} must be a duration such as 12h, 30m or 3600, got "${value}"`);
  return seconds;
}

function parsePort(value: string | undefined): number {
  if (!value) return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}
