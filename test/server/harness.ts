import assert from 'node:assert/strict';
import { type AppOptions, createApp } from '../../server/app.js';
import { type TokenRole, mintToken } from '../../server/auth.js';
import type { MailMessage, Store } from '../../server/data/store.js';
import { TOKEN_PARAMETER } from '../../server/domain/membership.js';
import { MembershipMail } from '../../server/mail/links.js';
import { outboxMailer, smtpMailer } from '../../server/mail/mailer.js';
import { seedIfEmpty } from '../../server/seed/demo.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { type TestDatabase, type TestSql, freshDatabase } from './backend.js';
import { type SmtpSink, recipients } from './smtp-sink.js';

export const TEST_SECRET = 'a-secret-only-the-tests-know-0123456789';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  /** The app's store: what tests read results through. */
  store: Store;
  /** Direct SQL on the same database, for rows the interface does not expose. */
  sql: TestSql;
  database: TestDatabase;
  /** A bearer header value for `role` (its demo persona unless `sub` is given). */
  bearer(role: TokenRole, options?: { sub?: string; ttl?: string; secret?: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh database on the test backend (OKAERI_TEST_BACKEND), seeded with the demo data unless
 * told otherwise, and its app.
 */
export async function startTestServer(
  options: Partial<Omit<AppOptions, 'store' | 'mail'>> & { seed?: boolean; mail?: (store: Store) => MembershipMail } = {},
): Promise<TestServer> {
  const database = await freshDatabase();
  const { store } = database;
  if (options.seed !== false) await seedIfEmpty(store);
  const app = createApp({ jwtSecret: TEST_SECRET, corsOrigins: [], ...options, store, mail: options.mail?.(store) });
  return {
    app,
    store,
    sql: database.sql,
    database,
    async bearer(role, { sub = DEMO_PERSONAS[role], ttl = '5m', secret = TEST_SECRET } = {}) {
      return `Bearer ${await mintToken(secret, { role, sub, ttl })}`;
    },
    close: () => database.close(),
  };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where the membership mails' links point in the tests that read them. */
const PUBLIC_URL = 'https://alumni.example.com';
/** The privacy policy version a fresh database asks signups to agree to (its migrations' setting). */
export const POLICY_VERSION = '2025-04-01';

let signups = 0;
/** A signup as the form sends it, from an address no other call gives; `overrides` replace fields. */
export function signupBody(overrides: Record<string, unknown> = {}) {
  signups += 1;
  return {
    familyName: '真島',
    givenName: `結衣${signups}`,
    familyNameKana: 'まじま',
    givenNameKana: 'ゆい',
    email: `yui.majima.${signups}@example.net`,
    department: 'engineering',
    joined: '2016-04',
    left: '2023-03',
    interests: ['rehire'],
    directory: { listed: true, visibility: { currentCompany: 'alumni', email: 'hr' } },
    consent: { privacyPolicyVersion: POLICY_VERSION, contact: false },
    ...overrides,
  };
}

export interface MembershipServerOptions {
  /** The page the mails' links land on, a path on https://alumni.example.com. */
  landingPath: string;
  /** How many mails one address may be sent in an hour. */
  mailsPerAddress: number;
  /** Mail goes to this SMTP server through nodemailer; without one, into the outbox table. */
  sink?: SmtpSink;
}

export interface MembershipServer extends TestServer {
  mail: MembershipMail;
  /** A JSON request, as the widgets send one; credentials only in `headers`. */
  json(method: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Every mail to `address` so far, oldest first, once every mail in flight was sent. */
  mailsTo(address: string): Promise<MailMessage[]>;
  /** The newest of `mailsTo(address)`; there must be one. */
  newestMailTo(address: string): Promise<MailMessage>;
  /** The token of the landing-page link in a mail's text. */
  tokenOf(mail: { text?: string }): string;
  /** Signs up through the API (with `headers` as the form sends them, e.g. Accept-Language): the member's id. */
  signUp(body: { email: string }, headers?: Record<string, string>): Promise<{ id: string }>;
  /** Opens the link in the newest mail to `address` (the verification after a signup): the session's bearer, and that mail. */
  verify(address: string): Promise<{ authorization: string; verification: MailMessage }>;
  /** `signUp`, then `verify` the address. */
  signUpAndVerify(body: { email: string }, headers?: Record<string, string>): Promise<{ id: string; authorization: string; verification: MailMessage }>;
}

/**
 * A test server for the membership flows: its app sends the membership mail (verification,
 * sign-in links, notices) with links to `landingPath`, limits no test reaches but the mails per
 * address, and the signup and verification steps as a member takes them. `close` waits for the
 * mail in flight; a sink is the caller's to close.
 */
export async function startMembershipServer({ landingPath, mailsPerAddress, sink }: MembershipServerOptions): Promise<MembershipServer> {
  let mail!: MembershipMail;
  const unlimited = { limit: 10_000, windowMs: 60_000 };
  const server = await startTestServer({
    rateLimit: { signup: unlimited, emailLink: unlimited, token: unlimited },
    mail: (store) =>
      (mail = new MembershipMail({
        store,
        mailer: sink ? smtpMailer(sink.url, 'Okaeri test <alumni@example.com>') : outboxMailer(store),
        options: { publicUrl: PUBLIC_URL, landingPath, pendingDays: 14, confirmMonths: 12 },
        perAddress: { limit: mailsPerAddress, windowMs: 60 * 60 * 1000 },
      })),
  });
  const json = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    server.app.request(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
  async function mailsTo(address: string): Promise<MailMessage[]> {
    await mail.idle();
    const to = address.toLowerCase();
    if (!sink) return (await server.store.mailOutbox.list(1000)).filter((message) => message.to.toLowerCase() === to).reverse();
    return sink.inbox
      .filter((message) => recipients(message).includes(to))
      .map((message) => ({ to, subject: message.subject ?? '', text: message.text ?? '', html: message.html || '' }));
  }
  async function newestMailTo(address: string): Promise<MailMessage> {
    const newest = (await mailsTo(address)).at(-1);
    assert.ok(newest, `a mail to ${address}`);
    return newest;
  }
  const tokenOf = (message: { text?: string }) => {
    const found = new RegExp(`https://\\S+[?&]${TOKEN_PARAMETER}=[A-Za-z0-9._-]+`).exec(message.text ?? '');
    assert.ok(found, `a link with a token in: ${message.text}`);
    const link = new URL(found[0]);
    assert.equal(link.origin + link.pathname, PUBLIC_URL + landingPath, 'the link lands on the landing page');
    return link.searchParams.get(TOKEN_PARAMETER)!;
  };
  async function signUp(body: { email: string }, headers: Record<string, string> = {}) {
    assert.equal((await json('POST', '/api/v1/alumni', body, headers)).status, 201);
    return { id: (await server.sql.value<string>('SELECT id FROM alumni WHERE email = ?', body.email))! };
  }
  async function verify(address: string) {
    const verification = await newestMailTo(address);
    const response = await json('POST', '/api/v1/auth/token', { token: tokenOf(verification) });
    assert.equal(response.status, 200);
    const { token } = (await response.json()) as { token: string };
    return { authorization: `Bearer ${token}`, verification };
  }
  return {
    ...server,
    mail,
    json,
    mailsTo,
    newestMailTo,
    tokenOf,
    signUp,
    verify,
    signUpAndVerify: async (body, headers) => ({ ...(await signUp(body, headers)), ...(await verify(body.email)) }),
    async close() {
      await mail.idle();
      await server.close();
    },
  };
}
