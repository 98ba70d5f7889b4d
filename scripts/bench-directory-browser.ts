/**
 * <okaeri-directory> in Chromium against the reference server with 100,000 seeded alumni:
 * - the time from the last keystroke of a query (typed a key at a time, as a person types, ~90 ms
 *   apart) to rendered results (median and p95 of ~13 queries: kanji, kana, romaji, companies),
 *   both in total (including the widget's debounce) and from the server's answer to the painted list;
 * - the DOM size of the widget's shadow root after scrolling through 5,000 results.
 * Builds the library (skip with --no-build), seeds a temporary database, serves the demo page
 * from it, and removes everything afterwards.
 *
 * `--debounce 250` sets the widget's debounce (the default is the widget's own), to compare.
 *
 *   npx tsx scripts/bench-directory-browser.ts [--members 100000] [--scroll 5000] [--no-build] [--debounce ms] [--db seeded.db]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    scroll: { type: 'string', default: '5000' },
    'no-build': { type: 'boolean', default: false },
    debounce: { type: 'string' },
    db: { type: 'string' },
    'key-interval': { type: 'string', default: '90' },
  },
});

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

if (!args['no-build']) {
  console.log('Building the library…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

// `--db PATH`: a database seeded before (kept afterwards), to compare settings without seeding again.
const dir = mkdtempSync(join(tmpdir(), 'okaeri-bench-browser-'));
const db = args.db ?? join(dir, 'okaeri.db');
if (!args.db) {
  console.log(`Seeding ${args.members} alumni…`);
  execFileSync(tsx, ['server/seed-cli.ts', '--alumni', args.members, '--db', db, '--seed', '1'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const port = await freePort();
const server = spawn(tsx, ['server/main.ts'], {
  cwd: root,
  env: { ...process.env, OKAERI_DB: db, PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${output}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/running at (http:\/\/\S+?)\/?\s/);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => fail(new Error(`the server exited with ${code}:\n${output}`)));
  });

  // Queries a person would type: family names, readings and companies of listed members.
  const { employee } = (await (await fetch(`${url}/demo/tokens.json`)).json()) as Record<string, string>;
  const sampled = await fetch(`${url}/api/v1/alumni?limit=100`, { headers: { Authorization: `Bearer ${employee}` } });
  const sample = (await sampled.json()) as { items: { familyName: string; familyNameKana?: string; currentCompany?: string }[] };
  if (!sampled.ok) throw new Error(`the sample query failed: ${sampled.status} ${JSON.stringify(sample)}`);
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];
  const queries = [
    '鈴木',
    'さとう',
    '高橋',
    'たなか',
    '山本',
    'わたなべ',
    'sato',
    'suzuki',
    'takahashi',
    ...unique(sample.items.map((m) => m.familyName)).slice(0, 1),
    ...unique(sample.items.map((m) => m.currentCompany?.slice(0, 4))).slice(0, 3),
  ];

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // tsx names the functions it compiles with a `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/`);
  await page.selectOption('#role', 'employee');
  await page.locator('okaeri-directory .name').first().waitFor({ timeout: 30_000 });
  await page.locator('okaeri-directory').scrollIntoViewIfNeeded();
  if (args.debounce !== undefined) await page.evaluate((ms) => document.querySelector('okaeri-directory')!.setAttribute('debounce', ms), args.debounce);
  const debounce = await page.evaluate(() => (document.querySelector('okaeri-directory') as unknown as { debounce: number }).debounce);
  const keyInterval = Number(args['key-interval']);

  const timings: { q: string; total: number; render: number; results: string }[] = [];
  for (const q of queries) {
    const timing = await page.evaluate(async ({ query, keyInterval }) => {
      const element = document.querySelector('okaeri-directory')!;
      const shadow = element.shadowRoot!;
      const input = shadow.querySelector<HTMLInputElement>('#q')!;
      const original = window.fetch;
      let answered = 0;
      window.fetch = async (...call: Parameters<typeof fetch>) => {
        const response = await original(...call);
        const sent = new URL(String(call[0]), location.href);
        if (sent.pathname === '/api/v1/alumni' && sent.searchParams.get('q') === query && !sent.searchParams.has('cursor')) answered = performance.now();
        return response;
      };
      // A key at a time; the clock starts at the last keystroke.
      const keys = Array.from(query);
      let started = 0;
      for (let length = 1; length <= keys.length; length++) {
        if (length > 1) await new Promise((done) => setTimeout(done, keyInterval));
        started = performance.now();
        input.value = keys.slice(0, length).join('');
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      // Noticed as soon as the widget's DOM holds the results (not at the next frame), then the
      // frame that paints them: its requestAnimationFrame runs just before the paint, a task
      // queued there runs just after it.
      await new Promise<void>((done) => {
        const rendered = () => answered && (shadow.querySelector('.window[aria-busy="false"] [data-index="0"]') || shadow.querySelector('.empty'));
        if (rendered()) return done();
        const observer = new MutationObserver(() => {
          if (!rendered()) return;
          observer.disconnect();
          done();
        });
        observer.observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      const ended = performance.now();
      window.fetch = original;
      return { total: ended - started, render: ended - answered, results: shadow.querySelector('.status')?.textContent?.trim() ?? 'none' };
    }, { query: q, keyInterval });
    timings.push({ q, ...timing });
  }

  // Scroll through the whole directory until `scroll` results are loaded.
  const target = Number(args.scroll);
  await page.evaluate(() => {
    const shadow = document.querySelector('okaeri-directory')!.shadowRoot!;
    shadow.querySelector<HTMLButtonElement>('.clear button')!.click();
  });
  await page.waitForFunction(() => (document.querySelector('okaeri-directory') as unknown as { items: unknown[] }).items.length > 0);
  const scrolled = await page.evaluate(async (goal) => {
    const element = document.querySelector('okaeri-directory') as unknown as HTMLElement & { items: unknown[]; nextCursor: string | null };
    const shadow = element.shadowRoot!;
    const started = performance.now();
    let frames = 0;
    let longest = 0;
    let last = performance.now();
    while (element.items.length < goal && element.nextCursor) {
      const list = shadow.querySelector<HTMLElement>('.results')!;
      list.scrollTop += 2000;
      await new Promise((done) => requestAnimationFrame(done));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      frames++;
    }
    const list = shadow.querySelector<HTMLElement>('.results')!;
    list.scrollTop = list.scrollHeight;
    await new Promise((done) => setTimeout(done, 300));
    let nodes = 0;
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) nodes++;
    return {
      loaded: element.items.length,
      seconds: (performance.now() - started) / 1000,
      frames,
      longestFrame: longest,
      elements: shadow.querySelectorAll('*').length,
      nodes,
      items: shadow.querySelectorAll('[role=listitem]').length,
    };
  }, target);

  console.log(`\n<okaeri-directory> in Chromium, ${Number(args.members).toLocaleString('en')} seeded alumni (+ demo data), employee role\n`);
  console.log(`last keystroke → rendered results (keys ${keyInterval} ms apart; total includes the ${debounce} ms debounce; render = server answer → painted list)`);
  for (const t of timings) console.log(`  ${t.q.padEnd(12)} total ${ms(t.total).padStart(7)}  render ${ms(t.render).padStart(6)}  (${t.results})`);
  const totals = timings.map((t) => t.total);
  const renders = timings.map((t) => t.render);
  console.log(`  median total ${ms(percentile(totals, 50))}, p95 ${ms(percentile(totals, 95))}; median render ${ms(percentile(renders, 50))}, p95 ${ms(percentile(renders, 95))}`);
  console.log(`\nafter scrolling through ${scrolled.loaded.toLocaleString('en')} results (${scrolled.seconds.toFixed(1)} s, ${scrolled.frames} scroll steps, longest frame ${ms(scrolled.longestFrame)}):`);
  console.log(`  shadow root: ${scrolled.elements} elements, ${scrolled.nodes} nodes; ${scrolled.items} result items rendered`);
  if (errors.length) console.log(`\npage errors:\n  ${errors.join('\n  ')}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((done) => server.once('exit', done));
  rmSync(dir, { recursive: true, force: true });
}
