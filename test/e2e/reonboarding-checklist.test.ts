import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { RETURNERS } from '../../server/seed/returners.js';
import { useDemo, watchConsole } from './harness.js';

// 田中 翔太, returning in ten days: the checklist the demo page shows.
const SHOTA = RETURNERS[1]!;
const WIDGET = 'okaeri-reonboarding-checklist';

describe('<okaeri-reonboarding-checklist> on demo/index.html', () => {
  const demo = useDemo();
  let returnerToken: string;

  before(async () => {
    // The returner has no demo role: mint their token (employee, sub = their alumni id) with the demo secret.
    returnerToken = await demo.server.mintToken('employee', SHOTA.alumnus.id);
  });

  /** Waits until the checklist has rendered for the current token. */
  const rendered = (page: Page) => page.locator(`${WIDGET} h2`).waitFor();

  async function openAsHr(page: Page) {
    await page.goto(demo.server.url + '/');
    await page.waitForFunction(() => document.querySelector('okaeri-config')?.hasAttribute('token'));
    await page.selectOption('#role', 'hr');
    await rendered(page);
    await page.locator(`${WIDGET} button`, { hasText: '項目を追加' }).waitFor(); // HR's own controls
  }

  async function openAsReturner(page: Page) {
    await page.goto(demo.server.url + '/');
    await page.waitForFunction(() => document.querySelector('okaeri-config')?.hasAttribute('token'));
    await page.evaluate((token) => document.querySelector('okaeri-config')!.setAttribute('token', token), returnerToken);
    // The returner may toggle only their own items, so fewer checkboxes than items.
    await page.waitForFunction((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const boxes = root?.querySelectorAll('input[part=item-toggle]').length ?? 0;
      const items = root?.querySelectorAll('li').length ?? 0;
      return items > 0 && boxes > 0 && boxes < items;
    }, WIDGET);
  }

  /** The title of the first open item the viewer may toggle whose owner label matches. */
  const openItem = (page: Page, owner: RegExp) =>
    page.evaluate(
      ([tag, source]) => {
        const root = document.querySelector(tag)!.shadowRoot!;
        const item = [...root.querySelectorAll('li')].find(
          (li) => li.querySelector('input[part=item-toggle]:not(:checked)') && new RegExp(source).test(li.querySelector('[part=item-meta]')!.textContent!),
        );
        return item?.querySelector('[part=item-title]')?.textContent ?? null;
      },
      [WIDGET, owner.source] as const,
    );

  async function tick(page: Page, title: string) {
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.status() === 200);
    await page.getByRole('checkbox', { name: title }).check();
    await saved;
    await page.locator(`${WIDGET} [role=status]`, { hasText: `「${title}」を完了にしました。` }).waitFor();
  }

  it('a returner and HR each tick their items and see the other’s change after reload', async () => {
    const returnerContext = await demo.browser.newContext();
    const hrContext = await demo.browser.newContext();
    const returner = await returnerContext.newPage();
    const hr = await hrContext.newPage();
    const returnerProblems = watchConsole(returner);
    const hrProblems = watchConsole(hr);

    await openAsReturner(returner);
    await openAsHr(hr);
    assert.match(await returner.locator(`${WIDGET} h2`).innerText(), /田中 翔太さんの再オンボーディング/);

    const returnersItem = await openItem(returner, /担当：本人/);
    assert.ok(returnersItem, 'the returner has an open item of their own');
    const hrsItem = await openItem(hr, /担当：(人事|情報システム)/);
    assert.ok(hrsItem, 'HR has an open HR or IT item');

    await tick(returner, returnersItem);
    await tick(hr, hrsItem);

    // Each sees the other's change after reloading
    await openAsReturner(returner);
    const hrItemForReturner = returner.locator(`${WIDGET} li`, { hasText: hrsItem });
    assert.match(await hrItemForReturner.innerText(), /山口 恵さんが.+に完了/);
    assert.equal(await hrItemForReturner.locator('input').count(), 0, 'no control on an item that is not the returner’s');
    assert.equal(await returner.getByRole('checkbox', { name: returnersItem }).isChecked(), true);

    await openAsHr(hr);
    assert.equal(await hr.getByRole('checkbox', { name: returnersItem }).isChecked(), true);
    assert.match(await hr.locator(`${WIDGET} li`, { hasText: returnersItem }).innerText(), /田中 翔太さんが.+に完了/);
    assert.equal(await hr.getByRole('checkbox', { name: hrsItem }).isChecked(), true);

    assert.deepEqual(returnerProblems, []);
    assert.deepEqual(hrProblems, []);
    await returnerContext.close();
    await hrContext.close();
  });
});
