import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { RETURNERS } from '../../server/seed/returners.js';
import { useDemo, watchConsole } from './harness.js';

const shota = RETURNERS.find((story) => story.alumnus.givenName === '翔太')!;
const message = `田中 翔太さんが戻ってきます。e2e ${Date.now()}`;

describe('<okaeri-welcome-card> on the intranet demo: HR drafts, the returner approves, a colleague reacts', () => {
  const demo = useDemo();
  let tokens: Record<'hr' | 'employee', string>;
  let returnerToken: string;
  let id: string;

  before(async () => {
    tokens = await (await fetch(`${demo.server.url}/demo/tokens.json`)).json();
    // The returner signs in as an employee whose subject is their alumni id.
    returnerToken = await demo.server.mintToken('employee', shota.alumnus.id);
  });

  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${demo.server.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
    });

  /** The carousel shows one card at a time: step through it until `text` is on the visible slide. */
  async function showSlideWith(page: Page, text: string) {
    const slide = page.locator('okaeri-welcome-card .slide');
    await slide.waitFor();
    // Hovering pauses the rotation, so the slide stays put while the test reads and clicks.
    await page.locator('okaeri-welcome-card .carousel').hover();
    for (let step = 0; step < 6; step++) {
      if ((await slide.innerText()).includes(text)) return slide;
      await page.locator('okaeri-welcome-card').getByRole('button', { name: '次へ' }).click();
    }
    throw new Error(`no slide shows "${text}"`);
  }

  it('HR creates a draft that colleagues cannot see yet', async () => {
    const response = await api('/api/v1/announcements', tokens.hr, {
      method: 'POST',
      body: JSON.stringify({ kind: 'welcome-back', returnerId: shota.id, message, askMeAbout: ['Kubernetes'] }),
      headers: { 'Idempotency-Key': `e2e-${Date.now()}` },
    });
    assert.equal(response.status, 201);
    const draft = await response.json();
    assert.equal(draft.status, 'draft');
    id = draft.id;
    assert.equal((await api(`/api/v1/announcements/${id}`, tokens.employee)).status, 404);
  });

  it('the returner approves it in the card', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(demo.server.url + '/');
    await page.locator('okaeri-welcome-card .card').first().waitFor();
    // Signed in as the returner: the page's provider carries their token.
    await page.evaluate((token) => document.getElementById('okaeri')!.setAttribute('token', token), returnerToken);
    const slide = await showSlideWith(page, message);
    assert.match(await slide.innerText(), /下書き/);
    await slide.getByRole('button', { name: '承認して公開する' }).click();
    await slide.locator('.reactions').waitFor();
    assert.equal(await slide.locator('.draft').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();

    const published = await (await api(`/api/v1/announcements/${id}`, tokens.employee)).json();
    assert.equal(published.status, 'published');
    assert.equal(published.message, message);
  });

  it('an employee sees it on demo/index.html and welcomes the returner back', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(demo.server.url + '/');
    await page.selectOption('#role', 'employee');
    const slide = await showSlideWith(page, message);
    assert.match(await slide.innerText(), /おかえりなさい、田中 翔太さん/);
    assert.match(await slide.innerText(), /前回の在籍：2012〜2018年（エンジニアリング）/);
    const react = slide.getByRole('button', { name: 'おかえりなさい', exact: true });
    assert.equal(await react.getAttribute('aria-pressed'), 'false');
    await react.click();
    await page.waitForFunction(
      () => document.querySelector('okaeri-welcome-card')?.shadowRoot?.querySelector('.react')?.getAttribute('aria-disabled') === null,
    );
    assert.equal(await react.getAttribute('aria-pressed'), 'true');
    assert.match(await slide.locator('.count').innerText(), /1件/);
    assert.deepEqual(problems, []);
    await context.close();

    const seen = await (await api(`/api/v1/announcements/${id}`, tokens.employee)).json();
    assert.deepEqual(seen.reactions, { count: 1, mine: true });
    const own = await (await api(`/api/v1/announcements/${id}`, returnerToken)).json();
    assert.deepEqual(own.reactions.reactors.map((person: { familyName: string }) => person.familyName), ['中村']);
  });
});
