// The built Storybook (`npm test` builds it just before this step): every story must show its
// widget upgraded and throw nothing. A build that succeeds while its stories render bare,
// undefined tags is exactly the rot this guards against (tree-shaking once dropped the define calls).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './harness.js';

// OKAERI_STORYBOOK_DIR: a build elsewhere (a developer checking stories without touching storybook-static/).
const root = process.env.OKAERI_STORYBOOK_DIR ?? join(import.meta.dirname, '..', '..', 'storybook-static');
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
}

/**
 * The state a story is named for, as selectors inside its widget's shadow root: `shows` must
 * appear (waited for), `never` must not. An error banner is allowed only in the stories about a
 * failure; every other story must show its data (a story once showed only "お探しの情報が見つかり
 * ませんでした" because the mock missed its path prefix, and the upgrade check passed anyway).
 */
export function expectedState(story: Pick<IndexEntry, 'title' | 'name'>): { widget: string; shows: string; never: string[] } | null {
  // The HR console's three sections share one stories file: each story's name starts with its section.
  const section = story.title === 'HR console/Sections' ? /^(Returners|Announcements|Template)(.*)$/.exec(story.name.replace(/\s+/g, '')) : null;
  const widget = section
    ? `okaeri-hr-${section[1]!.toLowerCase()}`
    : { 'Widgets/Directory': 'okaeri-directory', 'Widgets/Signup form': 'okaeri-signup-form', 'Widgets/Re-onboarding checklist': 'okaeri-reonboarding-checklist', 'Widgets/Welcome card': 'okaeri-welcome-card', 'Widgets/HR console': 'okaeri-hr-console', 'Widgets/My profile': 'okaeri-my-profile' }[story.title];
  if (!widget) return null;
  const name = section ? section[2]! : story.name.replace(/\s+/g, '');
  const failure = /Error|Offline|Fail/.test(name) && !/FieldErrors/.test(name);
  const never = failure ? [] : ['[part~=error-banner]'];
  const data = {
    'okaeri-directory': '[part~=item] [part~=name]',
    'okaeri-signup-form': '[part~=heading], select[name=department] option[value=engineering]',
    'okaeri-reonboarding-checklist': '[part~=item] [part~=item-title]',
    'okaeri-welcome-card': '[part~=card] [part~=heading]',
    'okaeri-my-profile': '[part~=form] #family-name, [part~=inbox], [part~=left]',
    'okaeri-hr-console': '[part~=panel] :is([part~=figure-link], [part~=row], [part~=queue-item], [part~=empty])',
    'okaeri-hr-returners': '[part~=table] [part~=open]',
    'okaeri-hr-announcements': '[part~=compose-form] select option + option',
    'okaeri-hr-template': '[part~=item] input',
  }[widget]!;
  if (/^(Loading|Submitting)$/.test(name)) return { widget, shows: '[part~=spinner], [part~=skeleton], [part~=button-spinner]', never };
  if (/^AuthRequired/.test(name)) return { widget, shows: 'slot[name=auth-required]', never: [...never, data] };
  if (/^Forbidden/.test(name)) return { widget, shows: '[part~=forbidden]', never: [...never, data] };
  if (/^(LoadError|Offline|NetworkFailure|NotFoundError)/.test(name)) return { widget, shows: '[part~=error-banner]', never: [] };
  if (/^(Empty|NobodyListed)/.test(name) && widget === 'okaeri-directory') return { widget, shows: '[part~=empty]', never: [...never, '[part~=item]'] };
  if (/^Empty/.test(name) && section) return { widget, shows: '[part~=empty]', never: [...never, data] };
  // Nothing to wait for: the test's pause after upgrade lets the (instant) mock answer first.
  if (/^EmptyRendersNothing$/.test(name)) return { widget, shows: '', never: [...never, '[part~=card]'] };
  if (/^EmptyWithSlot$/.test(name)) return { widget, shows: 'slot[name=empty]', never: [...never, '[part~=card]'] };
  if (/^(Invalid|ServerFieldErrors)/.test(name)) return { widget, shows: '[aria-invalid=true]', never };
  if (/^Success/.test(name)) return { widget, shows: '[part~=success]', never: [...never, '[part~=form]'] };
  return { widget, shows: data, never };
}

/** Pages checking stories at once. */
const STORY_PAGES = 3;

/** Opens one story and returns what is wrong with it: an element not upgraded, the wrong state. */
async function checkStory(page: Page, origin: string, story: IndexEntry): Promise<string[]> {
  const failures: string[] = [];
  await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
  await page.waitForFunction(() => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0, null, { timeout: 10_000 });
  const bare = await page.evaluate(async () => {
    const widgets = [...document.querySelectorAll('#storybook-root *')].filter((element) => element.localName.startsWith('okaeri-'));
    // An element whose define module was dropped never gets defined: wait a bounded time.
    const defined = Promise.all(widgets.map((element) => customElements.whenDefined(element.localName)));
    await Promise.race([defined, new Promise((resolve) => setTimeout(resolve, 3000))]);
    return widgets.length === 0 ? ['(no okaeri element)'] : widgets.filter((element) => !element.shadowRoot && element.localName !== 'okaeri-config').map((element) => element.localName);
  });
  if (bare.length) failures.push(`${story.title} / ${story.name}: ${bare.join(', ')} not upgraded`);
  const state = expectedState(story);
  if (!state) return failures;
  const shown = !state.shows || await page
    .waitForFunction(
      ({ widget, shows }) => Boolean(document.querySelector(widget)?.shadowRoot?.querySelector(shows)),
      state,
      { timeout: 8000 },
    )
    .then(() => true, () => false);
  if (!state.shows) await page.waitForTimeout(500);
  if (!shown) failures.push(`${story.title} / ${story.name}: shows no ${state.shows}`);
  const wrong = await page.evaluate(
    ({ widget, never }) => never.filter((selector) => document.querySelector(widget)?.shadowRoot?.querySelector(selector)),
    state,
  );
  if (wrong.length) failures.push(`${story.title} / ${story.name}: shows ${wrong.join(', ')}`);
  return failures;
}

describe('the built Storybook', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const stories = existsSync(join(root, 'index.json'))
    ? Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries as Record<string, IndexEntry>).filter(
        (entry) => entry.type === 'story',
      )
    : [];

  before(async () => {
    server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(root) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('has a story for every widget, under one naming scheme', () => {
    assert.deepEqual([...new Set(stories.map((story) => story.title))].filter((title) => title.startsWith('Widgets/') && !expectedState({ title, name: 'Cards' })), []);
    const titles = new Set(stories.map((story) => story.title));
    for (const widget of ['signup-form', 'directory', 'reonboarding-checklist', 'welcome-card', 'my-profile']) {
      assert.ok([...titles].some((title) => title.toLowerCase().replace(/[^a-z]/g, '').includes(widget.replace(/-/g, ''))), `no story for ${widget}`);
    }
  });

  it('renders every story with its widgets defined and upgraded, and nothing thrown', async () => {
    const failures: string[] = [];
    const queue = stories.filter((story) => !process.env.OKAERI_STORY || story.id.includes(process.env.OKAERI_STORY));
    // A few pages take stories from one queue: a story mostly waits (its mock, its timers).
    const lane = async () => {
      const page = await browser.newPage();
      let errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      for (let story = queue.shift(); story; story = queue.shift()) {
        const started = Date.now();
        errors = [];
        failures.push(...(await checkStory(page, origin, story)));
        if (errors.length) failures.push(`${story.title} / ${story.name}: ${errors.join('; ')}`);
        if (process.env.OKAERI_STORY !== undefined) console.log(`${story.id} ${Date.now() - started} ms`);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: STORY_PAGES }, lane));
    assert.ok(stories.length > 0, 'storybook-static/index.json lists no stories: run `npm run build-storybook`');
    assert.deepEqual(failures, []);
  });
});
