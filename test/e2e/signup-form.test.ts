import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemo, watchConsole } from './harness.js';

describe('a leaver joins the network on the career site', () => {
  const demo = useDemo();

  it('fills in the form, sees the thank-you state, and HR finds the new member through the API', async () => {
    const page = await demo.browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${demo.server.url}/careers.html`);
    await page.selectOption('#lang', 'en');
    const form = page.locator('okaeri-signup-form');
    const familyName = `Okaeri${Date.now().toString(36).replace(/\d/g, '')}`;

    await form.getByRole('textbox', { name: /^Family name/ }).fill(familyName);
    await form.getByRole('textbox', { name: /^Given name/ }).fill('Haruka');
    await form.getByLabel('Personal email').fill(`${familyName.toLowerCase()}@example.org`);
    await form.getByLabel('Department when you left').selectOption({ label: 'Sales' });
    await form.locator('#joined-year').selectOption('2016');
    await form.locator('#joined-month').selectOption('04');
    await form.locator('#left-year').selectOption('2022');
    await form.locator('#left-month').selectOption('09');
    await form.getByLabel('Current company').fill('Kamome Logistics');
    await form.locator('input[name=interests]').first().check();
    await form.getByLabel('List me in the alumni directory').check();
    await form.getByLabel(/I agree to the privacy policy/).check();

    const succeeded = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('okaeri-signup-success', (event) => resolve((event as CustomEvent).detail.id), { once: true }),
        ),
    );
    await form.getByRole('button', { name: 'Join the network' }).click();
    const id = await succeeded;
    await form.getByRole('heading', { name: 'Welcome to the alumni network' }).waitFor();
    assert.deepEqual(problems, []);

    const { hr } = await (await fetch(`${demo.server.url}/demo/tokens.json`)).json();
    const response = await fetch(`${demo.server.url}/api/v1/alumni/${id}`, { headers: { Authorization: `Bearer ${hr}` } });
    assert.equal(response.status, 200);
    const member = await response.json();
    assert.equal(member.familyName, familyName);
    assert.equal(member.currentCompany, 'Kamome Logistics');
    await page.close();
  });
});
