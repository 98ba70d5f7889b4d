// Starts the reference server as a newcomer does (`npm start`, or the server half of it on the
// library npm test has just built), on a temporary database and a free port, and opens Debian's
// Chromium through Playwright. Shared by every e2e test file.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { mintToken, type TokenRole } from '../../server/auth.js';
import { resolveJwtSecret } from '../../server/config.js';

export interface RunningServer {
  url: string;
  output: () => string;
  /** A token signed with this demo server's secret, for people without a demo role (a returner). */
  mintToken: (role: TokenRole, sub: string) => Promise<string>;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The server's environment: the shell's, minus every OKAERI_* variable (a developer's
 * OKAERI_JWT_SECRET would turn off demo mode and its tokens, a stray OKAERI_CORS_ORIGINS or
 * OKAERI_WORKERS would change what the tests see), plus what the test asks for.
 */
export function serverEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('OKAERI_') && !['PORT', 'HOST'].includes(key)) env[key] = value;
  }
  return { ...env, ...overrides };
}

export interface ServerOptions {
  /** Extra environment for this server only, e.g. `{ OKAERI_CORS_ORIGINS: 'http://127.0.0.1:4321' }`. */
  env?: Record<string, string>;
  /**
   * Run `npm start` itself, build included (the demo test: the README's command works). Otherwise
   * the server it starts (`tsx server/main.ts`) on the dist/ that npm test's build step made, built
   * here only when missing: ten builds were a third of the end-to-end step.
   */
  npmStart?: boolean;
}

function serverCommand(npmStart: boolean | undefined): [string, string[]] {
  if (npmStart) return ['npm', ['start', '--silent']];
  if (!existsSync('dist/cdn/index.js')) execSync('npm run build --silent', { stdio: 'inherit' });
  return ['node_modules/.bin/tsx', ['server/main.ts']];
}

/** The server with its own database file; resolves once it prints its URL. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'okaeri-e2e-'));
  const port = await freePort();
  const [command, args] = serverCommand(options.npmStart);
  const child: ChildProcess = spawn(command, args, {
    env: serverEnvironment({ ...options.env, PORT: String(port), HOST: '127.0.0.1', OKAERI_DB: join(dir, 'okaeri.db') }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/running at (http:\/\/\S+?)\/?\s/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    // The demo keeps its generated secret next to the database.
    mintToken: (role, sub) =>
      mintToken(resolveJwtSecret({}, join(dir, 'okaeri.db')).secret, { role, sub, ttl: '1h' }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // npm and tsx run the server in a child of their own: signal the whole process group.
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface DemoSuite {
  server: RunningServer;
  browser: Browser;
}

/**
 * One `npm start` server and one Chromium for the enclosing describe(): started before its tests,
 * stopped after them. Read the fields inside tests and hooks (they are set by then).
 */
export function useDemo(options: ServerOptions = {}): DemoSuite {
  const suite = {} as DemoSuite;
  before(async () => {
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Collects what a developer would see in the console: errors and uncaught exceptions. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
