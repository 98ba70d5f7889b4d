import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
  corsOrigins: string[];
  jwtSecret: string;
  /** True when no OKAERI_JWT_SECRET was given: the server then hands out demo tokens. */
  demoMode: boolean;
}

type Environment = Record<string, string | undefined>;

export function loadConfig(env: Environment = process.env): ServerConfig {
  const dbPath = resolveDbPath(env);
  const { secret, persisted } = resolveJwtSecret(env, dbPath);
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '127.0.0.1',
    dbPath,
    corsOrigins: parseOrigins(env.OKAERI_CORS_ORIGINS),
    jwtSecret: secret,
    demoMode: persisted,
  };
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
