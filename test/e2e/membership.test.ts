import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type SmtpSink, recipients, startSmtpSink } from '../server/smtp-sink.js';
import { launchBrowser, startServer, watchConsole, type RunningServer } from './harness.js';

/*
 * Issue 10 end to end, as a newcomer runs it: `npm start` with real SMTP (OKAERI_SMTP_URL) to an
 * SMTP server in this process, which keeps what it receives. Nothing is mocked between the pages,
 * the server and the mail.
 */

describe('an alumnus joins, verifies, signs in by link, updates and leaves', () => {
  let sink: SmtpSink;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    sink = await startSmtpSink();
    server = await startServer({ env: { OKAERI_SMTP_URL: sink.url, OKAERI_MAIL_FROM: 'Okaeri demo <alumni@example.com>' } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
  });

  /** The link in the newest mail to `address` whose subject matches, waiting for it to arrive. */
  async function linkIn(address: string, subject: RegExp, count: number): Promise<string> {
    for (let i = 0; i < 200; i++) {
      const mails = sink.inbox.filter((mail) => recipients(mail).includes(address) && subject.test(mail.subject ?? ''));
      if (mails.length >= count) {
        const link = /https?:\/\/\S+okaeri-token=[A-Za-z0-9._-]+/.exec(mails.at(-1)!.text ?? '');
        assert.ok(link, `a link in: ${mails.at(-1)!.text}`);
        return link[0];
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no mail ${subject} to ${address}; received: ${sink.inbox.map((m) => m.subject).join(', ')}`);
  }

  async function englishPage(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.selectOption('#lang', 'en');
    return page;
  }

  /** What an employee's intranet directory shows for a search: the cards' text. */
  async function employeeSees(query: string): Promise<string[]> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/?okaeri-q=${encodeURIComponent(query)}`);
    const directory = page.locator('okaeri-directory');
    // The query comes from the URL (sync-url), so the first answer is this search's: cards, or "no one matches".
    await directory.locator('[part~=empty], [part~=item]').first().waitFor();
    const cards = await directory.locator('[part~=card]').allInnerTexts();
    await context.close();
    return cards;
  }

  it('from the careers page to gone from the directory and search', async () => {
    const family = `Okaeri${Date.now().toString(36).replace(/\d/g, '')}`;
    const email = `${family.toLowerCase()}@example.org`;

    // 1. Sign up on the career site.
    const visitor = await browser.newContext();
    const careers = await englishPage(visitor, '/careers.html');
    const problems = watchConsole(careers);
    const form = careers.locator('okaeri-signup-form');
    await form.getByRole('textbox', { name: /^Family name/ }).fill(family);
    await form.getByRole('textbox', { name: /^Given name/ }).fill('Haruka');
    await form.getByLabel('Personal email').fill(email);
    await form.getByLabel('Department when you left').selectOption({ label: 'Sales' });
    await form.locator('#joined-year').selectOption('2016');
    await form.locator('#joined-month').selectOption('04');
    await form.locator('#left-year').selectOption('2022');
    await form.locator('#left-month').selectOption('09');
    await form.getByLabel('Current company').fill('Kamome Logistics');
    await form.locator('input[name=interests]').first().check();
    await form.getByLabel('List me in the alumni directory').check();
    await form.getByLabel(/I agree to the privacy policy/).check();
    await form.getByRole('button', { name: 'Join the network' }).click();
    await form.getByRole('heading', { name: 'Welcome to the alumni network' }).waitFor();
    assert.deepEqual(problems, []);
    assert.ok(await careers.getByRole('link', { name: 'Already a member? Sign in' }).isVisible(), 'the careers page links the alumni page');
    assert.deepEqual(await employeeSees(family), [], 'pending: in nobody’s directory');

    // 2. Open the verification mail's link: it lands on alumni.html and signs the member in.
    const verifyLink = await linkIn(email, /Confirm|確認/, 1);
    assert.equal(new URL(verifyLink).pathname, '/alumni.html');
    await careers.goto(verifyLink);
    const profile = careers.locator('okaeri-my-profile');
    await profile.locator('#current-company').waitFor();
    assert.equal(new URL(careers.url()).searchParams.has('okaeri-token'), false, 'the token left the address bar');
    assert.equal(await profile.locator('#current-company').inputValue(), 'Kamome Logistics');
    await visitor.close();

    // 3. The member appears in an employee's directory.
    const listed = await employeeSees(family);
    assert.equal(listed.length, 1);
    assert.match(listed[0]!, /Kamome Logistics/);

    // 4. Later, in a new browser session: sign in by link on alumni.html.
    const member = await browser.newContext();
    const alumni = await englishPage(member, '/alumni.html');
    const widget = alumni.locator('okaeri-my-profile');
    await widget.getByLabel('Personal email').fill(email);
    await widget.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await widget.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    const signInLink = await linkIn(email, /sign-in|サインイン/i, 1);
    await alumni.goto(signInLink);
    await widget.locator('#current-company').waitFor();
    assert.equal(await alumni.evaluate(() => localStorage.length), 0, 'nothing kept in localStorage');
    assert.ok(await alumni.evaluate(() => Object.keys(sessionStorage).some((key) => key.startsWith('okaeri:member-session:'))));
    // The session reached the page's directory too (it loads as the member, not signed out).
    await alumni.locator('okaeri-directory').locator('[part~=item]').first().waitFor();

    // 5. Change company and return intent, visible to alumni and employees.
    await widget.locator('#current-company').fill('Umineko Foods');
    await widget.getByLabel('Yes, I’m open now').check();
    await widget.locator('#visibility-return-intent').selectOption('alumni');
    const saved = alumni.evaluate(
      () => new Promise<string[]>((resolve) => document.addEventListener('okaeri-profile-save', (event) => resolve((event as CustomEvent).detail.fields), { once: true })),
    );
    await widget.getByRole('button', { name: 'Save changes' }).click();
    assert.deepEqual((await saved).sort(), ['currentCompany', 'returnIntent']);

    // 6. The directory shows it.
    const updated = await employeeSees(family);
    assert.equal(updated.length, 1);
    assert.match(updated[0]!, /Umineko Foods/);
    // The intranet page is in Japanese (its default).
    assert.match(updated[0]!, /復職に関心あり/);

    // 7. Leave the network.
    await widget.getByRole('button', { name: 'Leave the network…' }).click();
    await widget.getByRole('button', { name: 'Yes, erase my data' }).click();
    await widget.getByRole('heading', { name: 'You have left the alumni network' }).waitFor();
    assert.equal(await alumni.evaluate(() => Object.keys(sessionStorage).some((key) => key.startsWith('okaeri:member-session:'))), false, 'signed out');
    await member.close();

    // 8. Gone from the directory and from search, for employees and HR alike.
    assert.deepEqual(await employeeSees(family), []);
    assert.deepEqual(await employeeSees('Umineko'), []);
    const { hr } = await (await fetch(`${server.url}/demo/tokens.json`)).json();
    const search = await fetch(`${server.url}/api/v1/alumni?q=${family}`, { headers: { Authorization: `Bearer ${hr}` } });
    assert.deepEqual((await search.json()).items, []);
  });
});
