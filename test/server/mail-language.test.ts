/*
 * Every membership mail is written in the member's language (issue 10: "bilingual templates, the
 * member's language"): the language stored with the member (the signup form's, changed in the
 * profile), whatever language the page asking for the mail is in. Only someone who is not a
 * member yet is written to in the request's language. Sent through nodemailer to a real SMTP
 * server in-process and read back parsed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type MembershipServer, signupBody, startMembershipServer } from './harness.js';
import type { MailMessage } from '../../server/data/store.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

/** Each template's subject, by language: a mail is in a language when its subject is that language's. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('mail in the member’s language', () => {
  let sink: SmtpSink;
  let server: MembershipServer;

  before(async () => {
    sink = await startSmtpSink();
    server = await startMembershipServer({ landingPath: '/alumni', mailsPerAddress: 100, sink });
  });
  after(async () => {
    await server.close();
    await sink.close();
  });

  /** The language a mail is written in, from its subject, its text and the HTML's `lang`. */
  function languageOf(message: MailMessage): 'ja' | 'en' {
    const subject = message.subject;
    const lang = /<html lang="(ja|en)">/.exec(message.html)?.[1];
    const ja = JAPANESE.test(subject);
    assert.equal(JAPANESE.test(message.text), ja, `subject and text agree: ${subject}`);
    assert.equal(lang, ja ? 'ja' : 'en', `the HTML says its language: ${subject}`);
    return ja ? 'ja' : 'en';
  }

  /** Signs up in `lang` (as the signup form sends it: Accept-Language) and opens the verification link. */
  async function member(lang: 'ja' | 'en') {
    const body = signupBody();
    const { authorization, verification } = await server.signUpAndVerify(body, { 'Accept-Language': lang });
    assert.equal(languageOf(verification), lang, 'the verification mail is in the signup’s language');
    return { email: body.email, authorization };
  }

  for (const [lang, other] of [['ja', 'en'], ['en', 'ja']] as const) {
    it(`a ${lang} member gets ${lang} mail, whatever language the page asking is in`, async () => {
      const { email, authorization } = await member(lang);

      // A sign-in link asked for by a page in the other language, with that Accept-Language too.
      assert.equal((await server.json('POST', '/api/v1/auth/email-link', { email, lang: other }, { 'Accept-Language': other })).status, 202);
      const signIn = await server.newestMailTo(email);
      assert.ok(server.tokenOf(signIn));
      assert.equal(languageOf(signIn), lang, 'sign-in link');

      // Someone joins again with the address, in the other language: the owner is written to in theirs.
      const before = (await server.mailsTo(email)).length;
      assert.equal((await server.json('POST', '/api/v1/alumni', { ...signupBody(), email }, { 'Accept-Language': other })).status, 201);
      const already = await server.newestMailTo(email);
      assert.equal((await server.mailsTo(email)).length, before + 1);
      assert.equal(languageOf(already), lang, 'already a member');

      // An address change: the confirmation to the new address, and the notice to the old one.
      const newAddress = `new.${email}`;
      assert.equal((await server.json('PUT', '/api/v1/me/email', { email: newAddress }, { Authorization: authorization, 'Accept-Language': other })).status, 202);
      const confirm = await server.newestMailTo(newAddress);
      assert.equal(languageOf(confirm), lang, 'email change');
      assert.equal((await server.json('POST', '/api/v1/auth/token', { token: server.tokenOf(confirm) }, { 'Accept-Language': other })).status, 200);
      const notice = await server.newestMailTo(email);
      assert.match(notice.subject, lang === 'ja' ? /変更されました/ : /was changed/);
      assert.equal(languageOf(notice), lang, 'the old address is told in the member’s language');
    });
  }

  it('follows the member’s language when they change it in their profile', async () => {
    const { email, authorization } = await member('ja');
    const changed = await server.json('PATCH', '/api/v1/me', { lang: 'en' }, { Authorization: authorization, 'If-Match': '*' });
    assert.equal(changed.status, 200);
    assert.equal((await server.json('POST', '/api/v1/auth/email-link', { email, lang: 'ja' }, { 'Accept-Language': 'ja' })).status, 202);
    assert.equal(languageOf(await server.newestMailTo(email)), 'en');
  });

  it('writes to someone not yet verified in the language they signed up in, and a new signup in the request’s', async () => {
    const body = signupBody();
    assert.equal((await server.json('POST', '/api/v1/alumni', body, { 'Accept-Language': 'en-US,en;q=0.9,ja;q=0.8' })).status, 201);
    assert.equal(languageOf(await server.newestMailTo(body.email)), 'en', 'Accept-Language of the signup');
    // Asking again for a link before verifying: a new verification link, still in English.
    assert.equal((await server.json('POST', '/api/v1/auth/email-link', { email: body.email, lang: 'ja' })).status, 202);
    const again = await server.newestMailTo(body.email);
    assert.match(again.subject, /Confirm your address/);
    assert.equal(languageOf(again), 'en');
    const japanese = signupBody();
    assert.equal((await server.json('POST', '/api/v1/alumni', japanese, { 'Accept-Language': 'ja-JP' })).status, 201);
    assert.equal(languageOf(await server.newestMailTo(japanese.email)), 'ja');
  });
});
