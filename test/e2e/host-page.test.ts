// A customer's page on a second origin, built from the README's "Loading" snippet verbatim: the
// library from the page's own /okaeri/cdn/, <okaeri-config base-url> pointing at the API's origin,
// then a module script that sets getToken and paths. The API is the reference server behind a
// small gateway (a third origin) that mounts three endpoints under the page's overridden paths and
// records every request it sees. Asserted: no request without the token, none to the default path
// of an overridden endpoint, no okaeri-auth-required, each widget shows the server's data, and the
// same page under a strict Content-Security-Policy reports zero violations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { RETURNERS } from '../../server/seed/returners.js';
import { freePort, launchBrowser, startServer, watchConsole, type DemoSuite } from './harness.js';

const repo = join(import.meta.dirname, '..', '..');
const README_API = 'https://alumni-api.example.co.jp';
/** The returner whose own checklist the page shows: 田中 翔太, returning in ten days. */
const SHOTA = RETURNERS[1]!;

/** The README's host-page snippet: the html block right after its marker comment. */
function readmeSnippet(): { markup: string; script: string } {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const block = readme.split('<!-- test/e2e/host-page.test.ts serves this snippet verbatim on a second origin -->')[1]?.match(/```html\n([\s\S]*?)```/);
  assert.ok(block, 'README.md has the host-page snippet');
  const script = block[1].match(/<script type="module">\n([\s\S]*?)<\/script>/);
  assert.ok(script, 'the snippet configures the widgets from a module script');
  return { markup: block[1], script: script[1] };
}

const listen = (server: Server, port = 0) =>
  new Promise<string>((resolve) =>
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );

const body = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });

interface Seen {
  method: string;
  path: string;
  authorization?: string;
}

describe('a host page on a second origin, configured as the README says', () => {
  const demo = {} as DemoSuite;
  let pageServer: Server;
  let gateway: Server;
  let pageOrigin: string;
  let gatewayOrigin: string;
  let token: string;
  const seen: Seen[] = [];
  /** Paths the page asked its own origin for that it does not have. */
  const notFound: string[] = [];
  // The gateway's public paths for the endpoints the snippet overrides.
  const mounts: Record<string, string> = {
    '/alumni/meta': '/api/v1/meta',
    '/alumni/members': '/api/v1/alumni',
    '/alumni/welcome': '/api/v1/announcements',
  };

  before(async () => {
    // The page's origin must be known before the server starts, to be its one allowed CORS origin.
    const pagePort = await freePort();
    demo.server = await startServer({ env: { OKAERI_CORS_ORIGINS: `http://127.0.0.1:${pagePort}` } });
    demo.browser = await launchBrowser();
    gateway = createServer(async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      seen.push({ method: request.method ?? '', path: url.pathname, authorization: request.headers.authorization });
      const target = mounts[url.pathname] ?? url.pathname;
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)),
      ) as Record<string, string>;
      const upstream = await fetch(`${demo.server.url}${target}${url.search}`, {
        method: request.method,
        headers,
        body: ['GET', 'HEAD'].includes(request.method ?? 'GET') ? undefined : new Uint8Array(await body(request)),
      });
      const passed: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) passed[name] = value;
      });
      response.writeHead(upstream.status, passed);
      response.end(Buffer.from(await upstream.arrayBuffer()));
    });
    gatewayOrigin = await listen(gateway);
    token = await demo.server.mintToken('employee', SHOTA.alumnus.id);

    const { markup, script } = readmeSnippet();
    const page = (csp: boolean) => {
      let html = markup.replaceAll(README_API, gatewayOrigin);
      // script-src 'self' blocks inline scripts: a CSP page keeps the same script in a file.
      if (csp) html = html.replace(`<script type="module">\n${script}</script>`, '<script type="module" src="/okaeri-setup.js"></script>');
      return `<!doctype html>\n<html lang="ja">\n<head><meta charset="utf-8"><title>Intranet</title></head>\n<body>\n${html}</body>\n</html>\n`;
    };
    const cdn = join(repo, 'dist', 'cdn');
    pageServer = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const csp = url.searchParams.has('csp');
      const policy = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${gatewayOrigin}`;
      const send = (type: string, content: string | Buffer) => {
        response.writeHead(200, { 'Content-Type': type, ...(csp || type !== 'text/html' ? { 'Content-Security-Policy': policy } : {}) });
        response.end(content);
      };
      if (url.pathname === '/') return send('text/html', page(csp));
      if (url.pathname === '/okaeri-setup.js') return send('text/javascript', script);
      // Chromium asks every origin for one; a host page has its own.
      if (url.pathname === '/favicon.ico') return response.writeHead(204).end();
      // The host's own session endpoint: the signed-in user's token for the API.
      if (url.pathname === '/session/okaeri-token') return send('text/plain', token);
      if (url.pathname.startsWith('/okaeri/cdn/')) {
        const file = normalize(join(cdn, url.pathname.slice('/okaeri/cdn/'.length)));
        if (file.startsWith(cdn + '/')) {
          try {
            return send(extname(file) === '.js' ? 'text/javascript' : 'application/json', readFileSync(file));
          } catch {
            // fall through to 404
          }
        }
      }
      notFound.push(url.pathname);
      response.writeHead(404).end();
    });
    pageOrigin = await listen(pageServer, pagePort);
  });

  after(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
    await new Promise((resolve) => gateway?.close(resolve));
    await new Promise((resolve) => pageServer?.close(resolve));
  });

  /** What the server itself returns for the viewer, to compare the widgets' text with. */
  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${demo.server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200, path);
    return (await response.json()) as T;
  }

  async function open(csp: boolean) {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const record = window as unknown as { authRequired: unknown[]; violations: string[] };
      record.authRequired = [];
      record.violations = [];
      document.addEventListener('okaeri-auth-required', (event) => record.authRequired.push((event as CustomEvent).detail), true);
      document.addEventListener('securitypolicyviolation', (event) =>
        record.violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`),
      );
    });
    const problems = watchConsole(page);
    seen.length = 0;
    await page.goto(`${pageOrigin}/${csp ? '?csp' : ''}`);
    return { page, context, problems };
  }

  /** The visible text of a widget's shadow root, once `ready` holds for it. */
  async function widgetText(page: Page, tag: string, ready: string): Promise<string> {
    await page.waitForFunction(
      ([tag, ready]) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return Boolean(root?.querySelector(ready));
      },
      [tag, ready] as const,
      { timeout: 15_000 },
    );
    // The text of the widget's shadow tree, nested shadow roots included.
    return page.evaluate((tag) => {
      // A loop, not a named helper: tsx would wrap a named function in a __name() the page lacks.
      const text: string[] = [];
      const stack: Node[] = [document.querySelector(tag)!.shadowRoot!];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === Node.TEXT_NODE) text.push(node.textContent ?? '');
        if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
        stack.push(...[...node.childNodes].reverse());
      }
      return text.join(' ').replace(/\s+/g, ' ');
    }, tag);
  }

  async function assertRealData(page: Page) {
    const members = await api<{ items: { familyName: string }[] }>('/api/v1/alumni');
    const announcements = await api<{ items: { returner: { familyName: string } }[] }>('/api/v1/announcements?kind=welcome-back');
    const checklist = await api<{ items: { title: string }[] }>('/api/v1/returners/me/checklist');
    const meta = await api<{ departments: { name: { ja: string } }[] }>('/api/v1/meta');

    const directory = await widgetText(page, 'okaeri-directory', '.name');
    assert.ok(directory.includes(members.items[0]!.familyName), `the directory lists ${members.items[0]!.familyName}:\n${directory}`);
    const welcome = await widgetText(page, 'okaeri-welcome-card', '.card');
    assert.ok(announcements.items.length > 0, 'the seed has published welcome-back announcements');
    assert.ok(welcome.includes(announcements.items[0]!.returner.familyName), `the welcome card shows ${announcements.items[0]!.returner.familyName}:\n${welcome}`);
    const items = await widgetText(page, 'okaeri-reonboarding-checklist', 'li');
    assert.ok(items.includes(checklist.items[0]!.title), `the checklist shows "${checklist.items[0]!.title}":\n${items}`);
    const signup = await widgetText(page, 'okaeri-signup-form', 'select[name=department] option:nth-child(2)');
    assert.ok(signup.includes(meta.departments[0]!.name.ja), `the signup form offers ${meta.departments[0]!.name.ja}`);
  }

  function assertRequests() {
    const requests = seen.filter((request) => request.method !== 'OPTIONS');
    assert.ok(requests.length >= 4, `the widgets asked the API: ${JSON.stringify(seen)}`);
    assert.deepEqual(requests.filter((request) => request.authorization !== `Bearer ${token}`), [], 'every request carries the token');
    assert.deepEqual(
      requests.filter((request) => Object.values(mounts).includes(request.path)),
      [],
      'no request goes to the default path of an endpoint the page moved',
    );
  }

  it('sends every request with the token to the configured paths, fires no auth-required, and shows real data', async () => {
    const { page, context, problems } = await open(false);
    await assertRealData(page);
    assertRequests();
    assert.deepEqual(await page.evaluate(() => (window as unknown as { authRequired: unknown[] }).authRequired), []);
    assert.deepEqual(notFound, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('under a strict CSP (script-src and style-src self) it works the same with zero violations', async () => {
    const { page, context, problems } = await open(true);
    await assertRealData(page);
    // Scroll the directory's list so the windowed list renders past its first window.
    await page.locator('okaeri-directory .name').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { authRequired: unknown[] }).authRequired), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
