import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { verifyToken } from '../../server/auth.js';
import { loadConfig } from '../../server/config.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { TEST_SECRET } from './harness.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));

function token(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'server/token.ts', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, ...env },
  });
}

describe('npm run token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-token-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('mints a token for the role\'s demo persona with OKAERI_JWT_SECRET', async () => {
    const { stdout } = await token(['employee', '--ttl', '2h'], { OKAERI_JWT_SECRET: TEST_SECRET });
    const minted = stdout.trim();
    assert.deepEqual(await verifyToken(TEST_SECRET, minted), {
      role: 'employee',
      sub: DEMO_PERSONAS.employee,
    });
    const { iat, exp } = decodeJwt(minted);
    assert.equal(exp! - iat!, 2 * 3600);
  });

  it('uses the secret file next to OKAERI_DB, the one the server will use, for a given sub', async () => {
    const dbPath = join(dir, 'data', 'okaeri.db');
    const { stdout } = await token(['hr', 'em_someone'], { OKAERI_DB: dbPath });
    const secretFile = join(dir, 'data', 'jwt-secret');
    assert.equal(statSync(secretFile).mode & 0o777, 0o600);
    const config = loadConfig({ OKAERI_DB: dbPath });
    assert.equal(config.jwtSecret, readFileSync(secretFile, 'utf8'));
    assert.equal(config.demoMode, true);
    assert.deepEqual(await verifyToken(config.jwtSecret!, stdout.trim()), { role: 'hr', sub: 'em_someone' });
  });

  it('refuses an unknown role with usage and exit code 2', async () => {
    const unknownRole = token(['admin'], { OKAERI_JWT_SECRET: TEST_SECRET });
    await assert.rejects(unknownRole, (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /Usage: npm run token/);
      return true;
    });
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has the documented defaults', () => {
    const config = loadConfig({ OKAERI_DB: join(dir, 'a', 'okaeri.db'), OKAERI_JWT_SECRET: 's' });
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.deepEqual(config.corsOrigins, []);
    assert.equal(config.demoMode, false);
    assert.equal(config.jwtSecret, 's');
  });

  it('reads the origin allow-list and the port', () => {
    const config = loadConfig({
      OKAERI_DB: join(dir, 'b', 'okaeri.db'),
      OKAERI_CORS_ORIGINS: ' https://a.example.com, https://b.example.com/ ,',
      PORT: '9000',
      HOST: '0.0.0.0',
    });
    assert.deepEqual(config.corsOrigins, ['https://a.example.com', 'https://b.example.com']);
    assert.equal(config.port, 9000);
    assert.equal(config.host, '0.0.0.0');
  });

  it('keeps the generated secret across restarts', () => {
    const env = { OKAERI_DB: join(dir, 'c', 'okaeri.db') };
    const first = loadConfig(env);
    assert.equal(Buffer.from(first.jwtSecret!, 'base64url').length, 32);
    assert.equal(loadConfig(env).jwtSecret, first.jwtSecret);
  });

  it('refuses a port that is not one', () => {
    assert.throws(() => loadConfig({ OKAERI_DB: join(dir, 'd', 'okaeri.db'), PORT: 'eighty' }), /PORT/);
  });
});
