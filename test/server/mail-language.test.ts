/*
 * Every membership mail is written in the member's language (issue 10: "bilingual templates, the
 * member's language"): the language stored with the member (the signup form's, changed in the
 * profile), whatever language the page asking for the mail is in. Only someone who is not a
 * member yet is written to in the request's language. Sent through nodemailer to a real SMTP
 * server in-process and read back parsed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { createApp } from '../../server/app.js';
import { TOKEN_PARAMETER } from '../../server/domain/membership.js';
import { MembershipMail } from '../../server/mail/links.js';
import { smtpMailer } from '../../server/mail/mailer.js';
import { seedIfEmpty } from '../../server/seed/demo.js';
import { type TestDatabase, freshDatabase } from './backend.js';
import { TEST_SECRET } from './harness.js';
import { type SmtpSink, recipients, startSmtpSink } from './smtp-sink.js';

const POLICY_VERSION = '2025-04-01';
/** Each template's subject, by language: a mail is in a language when its subject is that language's. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let sequence = 0;
function signup() {
  sequence += 1;
  return {
    familyName: '真島',
    givenName: '結衣',
    email: `lang.${sequence}.${Date.now()}@example.net`,
    department: 'engineering',
    joined: '2016-04',
    left: '2023-03',
    interests: ['rehire'],
    directory: { listed: true, visibility: {} },
    consent: { privacyPolicyVersion: POLICY_VERSION, contact: false },
  };
}

describe('mail in the member’s language', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let mail: MembershipMail;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    sink = await startSmtpSink();
    database = await freshDatabase();
    await seedIfEmpty(database.store);
    mail = new MembershipMail({
      store: database.store,
      mailer: smtpMailer(sink.url, 'Okaeri test <alumni@example.com>'),
      options: { publicUrl: 'https://alumni.example.com', landingPath: '/alumni', pendingDays: 14, confirmMonths: 12 },
      perAddress: { limit: 100, windowMs: 60 * 60 * 1000 },
    });
    app = createApp({
      store: database.store,
      jwtSecret: TEST_SECRET,
      corsOrigins: [],
      mail,
      rateLimit: { signup: { limit: 10_000, windowMs: 60_000 }, emailLink: { limit: 10_000, windowMs: 60_000 }, token: { limit: 10_000, windowMs: 60_000 } },
    });
  });
  after(async () => {
    await mail.idle();
    await sink.close();
    await database.close();
  });

  const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

  /** Every mail to `address` so far, oldest first (after everything in flight was sent). */
  async function mailsTo(address: string): Promise<ParsedMail[]> {
    await mail.idle();
    return sink.inbox.filter((m) => recipients(m).includes(address.toLowerCase()));
  }
  async function lastMailTo(address: string): Promise<ParsedMail> {
    const found = (await mailsTo(address)).at(-1);
    assert.ok(found, `a mail to ${address}`);
    return found;
  }
  /** The language a mail is written in, from its subject, its text and the HTML's `lang`. */
  function languageOf(message: ParsedMail): 'ja' | 'en' {
    const subject = message.subject ?? '';
    const lang = /<html lang="(ja|en)">/.exec(String(message.html))?.[1];
    const ja = JAPANESE.test(subject);
    assert.equal(JAPANESE.test(message.text ?? ''), ja, `subject and text agree: ${subject}`);
    assert.equal(lang, ja ? 'ja' : 'en', `the HTML says its language: ${subject}`);
    return ja ? 'ja' : 'en';
  }
  const tokenOf = (message: ParsedMail) => {
    const link = /https:\/\/alumni\.example\.com\/alumni\?okaeri-token=[A-Za-z0-9._-]+/.exec(message.text ?? '');
    assert.ok(link, `a landing link in: ${message.text}`);
    return new URL(link[0]).searchParams.get(TOKEN_PARAMETER)!;
  };

  /** Signs up in `lang` (as the signup form sends it: Accept-Language) and opens the verification link. */
  async function member(lang: 'ja' | 'en') {
    const body = signup();
    assert.equal((await json('POST', '/api/v1/alumni', body, { 'Accept-Language': lang })).status, 201);
    const verification = await lastMailTo(body.email);
    assert.equal(languageOf(verification), lang, 'the verification mail is in the signup’s language');
    const response = await json('POST', '/api/v1/auth/token', { token: tokenOf(verification) });
    assert.equal(response.status, 200);
    const { token } = (await response.json()) as { token: string };
    return { email: body.email, authorization: `Bearer ${token}` };
  }

  for (const [lang, other] of [['ja', 'en'], ['en', 'ja']] as const) {
    it(`a ${lang} member gets ${lang} mail, whatever language the page asking is in`, async () => {
      const { email, authorization } = await member(lang);

      // A sign-in link asked for by a page in the other language, with that Accept-Language too.
      assert.equal((await json('POST', '/api/v1/auth/email-link', { email, lang: other }, { 'Accept-Language': other })).status, 202);
      const signIn = await lastMailTo(email);
      assert.ok(tokenOf(signIn));
      assert.equal(languageOf(signIn), lang, 'sign-in link');

      // Someone joins again with the address, in the other language: the owner is written to in theirs.
      const before = (await mailsTo(email)).length;
      assert.equal((await json('POST', '/api/v1/alumni', { ...signup(), email }, { 'Accept-Language': other })).status, 201);
      const already = await lastMailTo(email);
      assert.equal((await mailsTo(email)).length, before + 1);
      assert.equal(languageOf(already), lang, 'already a member');

      // An address change: the confirmation to the new address, and the notice to the old one.
      const newAddress = `new.${email}`;
      assert.equal((await json('PUT', '/api/v1/me/email', { email: newAddress }, { Authorization: authorization, 'Accept-Language': other })).status, 202);
      const confirm = await lastMailTo(newAddress);
      assert.equal(languageOf(confirm), lang, 'email change');
      assert.equal((await json('POST', '/api/v1/auth/token', { token: tokenOf(confirm) }, { 'Accept-Language': other })).status, 200);
      const notice = await lastMailTo(email);
      assert.match(notice.subject ?? '', lang === 'ja' ? /変更されました/ : /was changed/);
      assert.equal(languageOf(notice), lang, 'the old address is told in the member’s language');
    });
  }

  it('follows the member’s language when they change it in their profile', async () => {
    const { email, authorization } = await member('ja');
    const changed = await json('PATCH', '/api/v1/me', { lang: 'en' }, { Authorization: authorization, 'If-Match': '*' });
    assert.equal(changed.status, 200);
    assert.equal((await json('POST', '/api/v1/auth/email-link', { email, lang: 'ja' }, { 'Accept-Language': 'ja' })).status, 202);
    assert.equal(languageOf(await lastMailTo(email)), 'en');
  });

  it('writes to someone not yet verified in the language they signed up in, and a new signup in the request’s', async () => {
    const body = signup();
    assert.equal((await json('POST', '/api/v1/alumni', body, { 'Accept-Language': 'en-US,en;q=0.9,ja;q=0.8' })).status, 201);
    assert.equal(languageOf(await lastMailTo(body.email)), 'en', 'Accept-Language of the signup');
    // Asking again for a link before verifying: a new verification link, still in English.
    assert.equal((await json('POST', '/api/v1/auth/email-link', { email: body.email, lang: 'ja' })).status, 202);
    const again = await lastMailTo(body.email);
    assert.match(again.subject ?? '', /Confirm your address/);
    assert.equal(languageOf(again), 'en');
    const japanese = signup();
    assert.equal((await json('POST', '/api/v1/alumni', japanese, { 'Accept-Language': 'ja-JP' })).status, 201);
    assert.equal(languageOf(await lastMailTo(japanese.email)), 'ja');
  });
});
