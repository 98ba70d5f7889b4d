import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemo, watchConsole } from './harness.js';

describe('the demo, served by `npm start` on a fresh database', () => {
  const demo = useDemo({ npmStart: true });

  it('prints the URL and demo tokens for each role', () => {
    assert.match(demo.server.output(), /running at http:\/\/127\.0\.0\.1:\d+/);
    for (const role of ['alumni', 'employee', 'hr']) assert.match(demo.server.output(), new RegExp(`${role}\\b.*ey`));
  });

  for (const path of ['/', '/careers.html']) {
    it(`${path} loads the built library and the program meta with no console errors`, async () => {
      const page = await demo.browser.newPage();
      const problems = watchConsole(page);
      await page.goto(demo.server.url + path);
      await page.waitForFunction(() => customElements.get('okaeri-config') !== undefined);
      const program = page.locator('[data-program] dl');
      await program.waitFor();
      assert.match(await program.innerText(), /営業/, 'departments are listed in Japanese');

      await page.selectOption('#lang', 'en');
      await page.waitForFunction(() => document.querySelector('okaeri-config')?.getAttribute('lang') === 'en');
      assert.match(await program.innerText(), /Sales/, 'switching the language re-renders in English');
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('hands the intranet page a token for the chosen role', async () => {
    const page = await demo.browser.newPage();
    await page.goto(demo.server.url + '/');
    await page.selectOption('#role', 'hr');
    const token = await page.locator('okaeri-config').getAttribute('token');
    assert.ok(token, 'the provider carries the HR demo token');
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    assert.equal(payload.role, 'hr');
    await page.close();
  });
});
