import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { useDemo, watchConsole } from './harness.js';

interface Member {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string;
}

/** The names on the directory's rendered cards, once every one of them passes `test`. */
async function cardsMatching(page: Page, pattern: string): Promise<string[]> {
  await page.waitForFunction(
    (source) => {
      const root = document.querySelector('okaeri-directory')?.shadowRoot;
      const names = [...(root?.querySelectorAll('.name') ?? [])].map((node) => node.textContent ?? '');
      return names.length > 0 && names.every((name) => new RegExp(source).test(name));
    },
    pattern,
    { timeout: 10_000 },
  );
  return page.locator('okaeri-directory .name').allInnerTexts();
}

describe('<okaeri-directory> on the intranet demo, against the seeded server', () => {
  const demo = useDemo();

  it('an employee finds alumni by a two-character kanji name and by its kana reading, with no console errors', async () => {
    const { employee } = (await (await fetch(`${demo.server.url}/demo/tokens.json`)).json()) as Record<string, string>;
    // A seeded family name that the employee may see, with its reading.
    let found: { q: string; kana: string } | undefined;
    for (const [q, kana] of [['鈴木', 'すずき'], ['佐藤', 'さとう'], ['田中', 'たなか'], ['高橋', 'たかはし']] as const) {
      const response = await fetch(`${demo.server.url}/api/v1/alumni?q=${encodeURIComponent(q)}`, { headers: { Authorization: `Bearer ${employee}` } });
      assert.equal(response.status, 200);
      const { items } = (await response.json()) as { items: Member[] };
      if (items.some((member) => member.familyName === q)) {
        found = { q, kana };
        break;
      }
    }
    assert.ok(found, 'the seed lists at least one of the common family names');

    const page = await demo.browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${demo.server.url}/`);
    await page.selectOption('#role', 'employee');
    const directory = page.locator('okaeri-directory');
    await directory.locator('.name').first().waitFor();

    const search = directory.getByRole('searchbox');
    await search.fill(found.q);
    const kanjiNames = await cardsMatching(page, found.q);
    assert.ok(kanjiNames.length > 0);
    assert.ok(kanjiNames.every((name) => name.startsWith(found!.q)), `family name first: ${kanjiNames.join(', ')}`);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('okaeri-q') === q, found.q);

    // The reading in hiragana finds the same people (the server matches kana readings).
    await search.fill(found.kana);
    const kanaNames = await cardsMatching(page, found.q);
    assert.ok(kanaNames.length > 0, `"${found.kana}" finds ${found.q}`);

    // Selecting a person hands the member to the page.
    const selected = page.evaluate(
      () => new Promise<string>((resolve) => document.addEventListener('okaeri-directory-select', (event) => resolve((event as CustomEvent).detail.familyName), { once: true })),
    );
    await directory.locator('.name').first().click();
    assert.equal(await selected, found.q);

    // The result count is announced in the widget's live region.
    assert.match(await directory.locator('[part=live-region]').innerText(), /件/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("the demo page answers a selected person with a profile dialog and contact with a contact dialog", async () => {
    const page = await demo.browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${demo.server.url}/`);
    await page.selectOption('#role', 'employee');
    const directory = page.locator('okaeri-directory');
    await directory.locator('.name').first().waitFor();

    const selected = page.evaluate(
      () => new Promise<{ familyName: string; currentCompany?: string }>((resolve) =>
        document.addEventListener('okaeri-directory-select', (event) => resolve((event as CustomEvent).detail), { once: true }),
      ),
    );
    await directory.locator('.name').first().click();
    const member = await selected;
    const profile = page.locator('#member-dialog');
    await profile.waitFor({ state: 'visible' });
    assert.match(await profile.locator('h2').innerText(), new RegExp(member.familyName));
    if (member.currentCompany) assert.match(await profile.locator('dl').innerText(), new RegExp(member.currentCompany));
    await profile.getByRole('button', { name: '閉じる' }).click();
    await profile.waitFor({ state: 'hidden' });

    const card = directory.locator('[part=card]', { has: page.locator('[part=contact]') }).first();
    const name = await card.locator('.name').innerText();
    await card.locator('[part=contact]').click();
    const contact = page.locator('#contact-dialog');
    await contact.waitFor({ state: 'visible' });
    assert.match(await contact.locator('h2').innerText(), /さんに連絡する$/);
    assert.ok((await contact.locator('h2').innerText()).startsWith(name.split(/\s/)[0]), `the dialog names ${name}`);
    await contact.locator('textarea').fill('お久しぶりです。');
    await contact.getByRole('button', { name: '送る' }).click();
    await page.waitForFunction(() => /送りました/.test(document.querySelector('#contact-dialog [data-status]')?.textContent ?? ''));
    await contact.getByRole('button', { name: '閉じる' }).click();
    await contact.waitFor({ state: 'hidden' });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the public role sees the sign-in message and no error', async () => {
    const page = await demo.browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${demo.server.url}/`);
    await page.selectOption('#role', 'public');
    await page.locator('okaeri-directory .auth-required').waitFor();
    assert.match(await page.locator('okaeri-directory .auth-required').innerText(), /サインイン/);
    // Other panels on the page may ask the server and be refused; the directory sends nothing.
    assert.deepEqual(problems.filter((problem) => problem.includes('/api/v1/alumni') || problem.startsWith('uncaught')), []);
    await page.close();
  });
});
