/*
 * Membership (issue 10) over real HTTP handling and a real SMTP server in-process (smtp-server):
 * every mail is sent by nodemailer and read back parsed (mailparser); nothing is mocked at the
 * transport. Rows are checked in the database itself, not only through the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { createApp } from '../../server/app.js';
import { mintToken } from '../../server/auth.js';
import { matchExpression } from '../../server/data/directory.js';
import type { MembershipMail } from '../../server/mail/links.js';
import { DEMO_PERSONAS } from '../../server/seed/personas.js';
import { TEST_BACKEND, type TestDatabase, freshDatabase } from './backend.js';
import { type MembershipServer, POLICY_VERSION, PROBLEM_CONTENT_TYPE, TEST_SECRET, signupBody, startMembershipServer } from './harness.js';
import { type SmtpSink as Sink, recipients, startSmtpSink } from './smtp-sink.js';

const signup = (overrides: Record<string, unknown> = {}) => signupBody({ currentCompany: 'Majima Consulting', ...overrides });

describe('membership: verification, sign-in links, /api/v1/me', () => {
  let sink: Sink;
  let server: MembershipServer;
  let database: TestDatabase;
  let mail: MembershipMail;
  let app: MembershipServer['app'];

  before(async () => {
    sink = await startSmtpSink();
    server = await startMembershipServer({ landingPath: '/portal/alumni', mailsPerAddress: 3, sink });
    ({ database, mail, app } = server);
  });
  after(async () => {
    await server.close();
    await sink.close();
  });

  const bearer = async (role: 'alumni' | 'employee' | 'hr', sub = DEMO_PERSONAS[role]) =>
    `Bearer ${await mintToken(TEST_SECRET, { role, sub, ttl: '5m' })}`;
  const get = (path: string, authorization?: string) =>
    app.request(path, { headers: authorization ? { Authorization: authorization } : {} });

  /** The newest mail to `address` (after everything in flight was sent), optionally of a subject. */
  async function mailTo(address: string, subject?: RegExp): Promise<ParsedMail> {
    await mail.idle();
    const found = sink.inbox.filter((m) => recipients(m).includes(address) && (!subject || subject.test(m.subject ?? ''))).at(-1);
    assert.ok(found, `a mail to ${address}${subject ? ` matching ${subject}` : ''}`);
    return found;
  }
  const mailCount = async (address: string) => {
    await mail.idle();
    return sink.inbox.filter((m) => recipients(m).includes(address)).length;
  };
  const exchange = (token: string) => server.json('POST', '/api/v1/auth/token', { token });
  async function signUpAndVerify(overrides: Record<string, unknown> = {}) {
    const body = signup(overrides);
    const { id, authorization } = await server.signUpAndVerify(body);
    return { body, id, authorization };
  }
  const listedIds = async (role: 'employee' | 'hr', q: string) => {
    const response = await get(`/api/v1/alumni?q=${encodeURIComponent(q)}&limit=100`, await bearer(role));
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
  };

  it('stores a signup as pending, listed for nobody but HR, and mails a bilingual verification link', async () => {
    const body = signup();
    const response = await server.json('POST', '/api/v1/alumni', body, { 'Accept-Language': 'en-GB,en;q=0.8' });
    assert.equal(response.status, 201);
    const { id } = (await response.json()) as { id: string };
    assert.equal(await database.sql.value('SELECT status FROM alumni WHERE id = ?', id), 'pending');

    assert.ok(!(await listedIds('employee', body.givenName)).includes(id), 'an employee does not find a pending member');
    assert.equal((await get(`/api/v1/alumni/${id}`, await bearer('employee'))).status, 404);
    assert.equal((await get(`/api/v1/alumni/${id}`, await bearer('alumni'))).status, 404);
    assert.ok((await listedIds('hr', body.givenName)).includes(id), 'HR finds the pending member');

    const message = await mailTo(body.email);
    assert.match(message.subject ?? '', /Confirm your address/);
    assert.ok(message.html, 'an HTML part');
    assert.match(message.text ?? '', /72 hours/);
    assert.doesNotMatch(String(message.html), /<img/i, 'no tracking pixel');
    const token = server.tokenOf(message);
    assert.match(String(message.html), new RegExp(token.replace(/[.]/g, '\\.')), 'the HTML carries the same link');
    assert.equal((message.from?.value[0]?.address ?? ''), 'alumni@example.com');
    // Only the hash of the secret is stored, never the token.
    const stored = await database.sql.rows<{ id: string; secret_hash: string }>('SELECT id, secret_hash FROM link_tokens WHERE alumni_id = ?', id);
    assert.equal(stored.length, 1);
    assert.ok(!token.includes(stored[0]!.secret_hash) && token.startsWith(`${stored[0]!.id}.`));

    const exchanged = await exchange(token);
    assert.equal(exchanged.status, 200);
    const session = (await exchanged.json()) as { token: string; expiresAt: string; purpose: string };
    assert.equal(session.purpose, 'verify');
    assert.ok(Date.parse(session.expiresAt) > Date.now());
    assert.equal(await database.sql.value('SELECT status FROM alumni WHERE id = ?', id), 'active');
    assert.ok((await listedIds('employee', body.givenName)).includes(id), 'listed once verified');
    const me = await get('/api/v1/me', `Bearer ${session.token}`);
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { id: string }).id, id, 'the token names the member');

    const again = await exchange(token);
    assert.equal(again.status, 400);
    assert.equal(again.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    assert.equal(((await again.json()) as { code: string }).code, 'token_used');
  });

  it('of concurrent redemptions of one link exactly one succeeds', async () => {
    const body = signup();
    await server.json('POST', '/api/v1/alumni', body);
    const token = server.tokenOf(await mailTo(body.email));
    const answers = await Promise.all([exchange(token), exchange(token), exchange(token)]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 400, 400]);
  });

  it('an address change to an address someone registered meanwhile is refused with email_taken', async () => {
    const member = await signUpAndVerify();
    const wanted = `wanted.${member.body.email}`;
    await server.json('PUT', '/api/v1/me/email', { email: wanted }, { Authorization: member.authorization });
    const link = server.tokenOf(await mailTo(wanted));
    await signUpAndVerify({ email: wanted });
    const refused = await exchange(link);
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { code: string }).code, 'email_taken');
    assert.equal(await database.sql.value('SELECT email FROM alumni WHERE id = ?', member.id), member.body.email);
  });

  it('mails Japanese unless English is asked for', async () => {
    const body = signup();
    await server.json('POST', '/api/v1/alumni', body);
    assert.match((await mailTo(body.email)).subject ?? '', /メールアドレスの確認/);
  });

  it('refuses tampered, malformed and expired tokens with a code the widget explains', async () => {
    const body = signup();
    await server.json('POST', '/api/v1/alumni', body);
    const token = server.tokenOf(await mailTo(body.email));
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    for (const bad of [token.slice(0, -1) + last, `${token}x`, 'not-a-token', `${'A'.repeat(16)}.${token.split('.')[1]}`]) {
      const response = await exchange(bad);
      assert.equal(response.status, 400, bad);
      assert.equal(((await response.json()) as { code: string }).code, 'token_invalid', bad);
    }
    // The tampered attempts did not use the token up; an expired one is refused as expired.
    await database.sql.run('UPDATE link_tokens SET expires_at = ? WHERE id = ?', new Date(Date.now() - 1000).toISOString(), token.split('.')[0]);
    const expired = await exchange(token);
    assert.equal(expired.status, 400);
    assert.equal(((await expired.json()) as { code: string }).code, 'token_expired');
    assert.equal(await database.sql.value('SELECT status FROM alumni WHERE email = ?', body.email), 'pending');
  });

  it('sign-in links expire after 20 minutes and verification links after 72 hours', async () => {
    const member = await signUpAndVerify();
    assert.equal((await server.json('POST', '/api/v1/auth/email-link', { email: member.body.email })).status, 202);
    const token = server.tokenOf(await mailTo(member.body.email, /sign-in|サインイン/i));
    const row = (await database.sql.rows<{ created_at: string; expires_at: string; purpose: string }>(
      'SELECT created_at, expires_at, purpose FROM link_tokens WHERE id = ?',
      token.split('.')[0],
    ))[0]!;
    assert.equal(row.purpose, 'sign-in');
    assert.equal(Date.parse(row.expires_at) - Date.parse(row.created_at), 20 * 60 * 1000);
    const verify = (await database.sql.rows<{ created_at: string; expires_at: string }>(
      "SELECT created_at, expires_at FROM link_tokens WHERE alumni_id = ? AND purpose = 'verify'",
      member.id,
    ))[0]!;
    assert.equal(Date.parse(verify.expires_at) - Date.parse(verify.created_at), 72 * 60 * 60 * 1000);
    const signedIn = await exchange(token);
    assert.equal(signedIn.status, 200);
    assert.equal(((await signedIn.json()) as { purpose: string }).purpose, 'sign-in');
  });

  it('a signup with a member’s address creates nothing, answers alike and mails the owner a sign-in link', async () => {
    const member = await signUpAndVerify();
    const before = Number(await database.sql.value('SELECT COUNT(*) FROM alumni'));
    const mailsBefore = await mailCount(member.body.email);
    const impostor = await server.json('POST', '/api/v1/alumni', { ...signup(), email: member.body.email, familyName: '偽者' });
    assert.equal(impostor.status, 201);
    const receipt = (await impostor.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(receipt).sort(), ['id', 'receivedAt']);
    assert.notEqual(receipt.id, member.id);
    assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM alumni')), before);
    assert.equal(await database.sql.value('SELECT family_name FROM alumni WHERE id = ?', member.id), '真島');
    assert.equal(await mailCount(member.body.email), mailsBefore + 1);
    const message = await mailTo(member.body.email);
    assert.match(message.subject ?? '', /すでにご登録済み|already a member/);
    assert.doesNotMatch(message.text ?? '', /偽者/, 'nothing the stranger typed reaches the mail');
    const session = await exchange(server.tokenOf(message));
    assert.equal(session.status, 200);
    const me = await get('/api/v1/me', `Bearer ${((await session.json()) as { token: string }).token}`);
    assert.equal(((await me.json()) as { id: string }).id, member.id);
  });

  it('a pending address locks nobody out: the next signup replaces it', async () => {
    const first = signup({ familyName: '他人' });
    await server.json('POST', '/api/v1/alumni', first);
    const owner = { ...signup(), email: first.email };
    await server.json('POST', '/api/v1/alumni', owner);
    const rows = await database.sql.rows<{ family_name: string; status: string }>('SELECT family_name, status FROM alumni WHERE email = ?', first.email);
    assert.deepEqual(rows, [{ family_name: '真島', status: 'pending' }]);
    const verified = await exchange(server.tokenOf(await mailTo(first.email)));
    assert.equal(verified.status, 200);
  });

  it('email-link always answers 202: a member gets a link, a stranger nothing, and mail per address is limited', async () => {
    const member = await signUpAndVerify();
    const stranger = `nobody.${Date.now()}@example.org`;
    const strangerAnswer = await server.json('POST', '/api/v1/auth/email-link', { email: stranger });
    const memberAnswer = await server.json('POST', '/api/v1/auth/email-link', { email: member.body.email.toUpperCase() });
    assert.equal(strangerAnswer.status, 202);
    assert.equal(memberAnswer.status, 202);
    assert.equal(await strangerAnswer.text(), await memberAnswer.text());
    assert.equal(await mailCount(stranger), 0);
    // The verification mail and this link so far; the per-address limit (3 per hour here) stops the rest.
    for (let i = 0; i < 4; i++) assert.equal((await server.json('POST', '/api/v1/auth/email-link', { email: member.body.email })).status, 202);
    assert.equal(await mailCount(member.body.email), 3);
  });

  it('email-link is limited per client', async (t) => {
    // A store of its own: the limiter's counts live in the store, and this client is nobody else's.
    const own = await freshDatabase();
    t.after(() => own.close());
    const limited = createApp({
      store: own.store,
      jwtSecret: TEST_SECRET,
      corsOrigins: [],
      mail,
      rateLimit: { emailLink: { limit: 2, windowMs: 60_000 } },
    });
    let floods = 0;
    const send = () =>
      limited.request('/api/v1/auth/email-link', {
        method: 'POST',
        body: JSON.stringify({ email: `flood.${floods++}@example.org` }),
        headers: { 'Content-Type': 'application/json' },
      });
    assert.equal((await send()).status, 202);
    assert.equal((await send()).status, 202);
    const refused = await send();
    assert.equal(refused.status, 429);
    assert.ok(refused.headers.get('retry-after'));
  });

  it('purges unverified signups older than OKAERI_PENDING_DAYS, with their index rows', async () => {
    const body = signup();
    await server.json('POST', '/api/v1/alumni', body);
    const id = (await database.sql.value<string>('SELECT id FROM alumni WHERE email = ?', body.email))!;
    const verified = await signUpAndVerify();
    await database.sql.run('UPDATE alumni SET created_at = ? WHERE id IN (?, ?)', '2020-01-01T00:00:00.000Z', id, verified.id);
    const purged = await database.store.membership.purgePending(new Date(Date.now() - 14 * 24 * 3600 * 1000).toISOString());
    assert.ok(purged >= 1);
    assert.equal(await database.sql.value('SELECT COUNT(*) FROM alumni WHERE id = ?', id), 0);
    assert.equal(await database.sql.value('SELECT COUNT(*) FROM directory_entries WHERE alumni_id = ?', id), 0);
    assert.equal(await database.sql.value('SELECT COUNT(*) FROM alumni WHERE id = ?', verified.id), 1, 'active members stay');
    assert.ok(!(await listedIds('hr', body.givenName)).includes(id));
  });

  describe('/api/v1/me', () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/me'],
      ['PATCH', '/api/v1/me', {}],
      ['DELETE', '/api/v1/me'],
      ['GET', '/api/v1/me/export'],
      ['PUT', '/api/v1/me/email', { email: 'x@example.org' }],
      ['PUT', '/api/v1/me/consent', { contact: true, privacyPolicyVersion: POLICY_VERSION }],
    ];

    it('every route: 401 without a token, 403 for employees and HR', async () => {
      for (const [method, path, body] of routes) {
        const init = (authorization?: string) => ({
          method,
          ...(body !== undefined && { body: JSON.stringify(body) }),
          headers: { 'Content-Type': 'application/json', 'If-Match': '*', ...(authorization && { Authorization: authorization }) },
        });
        const anonymous = await app.request(path, init());
        assert.equal(anonymous.status, 401, `${method} ${path} public`);
        assert.equal(anonymous.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
        for (const role of ['employee', 'hr'] as const) {
          const response = await app.request(path, init(await bearer(role)));
          assert.equal(response.status, 403, `${method} ${path} ${role}`);
        }
      }
      // The demo alumni persona is seeded, so its token reaches every route.
      const alumni = await bearer('alumni');
      assert.equal((await get('/api/v1/me', alumni)).status, 200);
      assert.equal((await get('/api/v1/me/export', alumni)).status, 200);
    });

    it('PATCH needs If-Match, refuses a stale one with 412 and the current profile, and updates the directory', async () => {
      const member = await signUpAndVerify();
      const read = await get('/api/v1/me', member.authorization);
      const etag = read.headers.get('etag')!;
      assert.match(etag, /^"\d+"$/);
      const patch = (body: unknown, ifMatch?: string) =>
        server.json('PATCH', '/api/v1/me', body, { Authorization: member.authorization, ...(ifMatch && { 'If-Match': ifMatch }) });

      assert.equal((await patch({ currentCompany: 'A' })).status, 428);
      const first = await patch({ currentCompany: 'Okaeri Labs', returnIntent: { intent: 'open-from', from: '2027-04', contractWork: true, visibility: 'alumni' } }, etag);
      assert.equal(first.status, 200);
      const updated = (await first.json()) as { currentCompany: string; returnIntent: Record<string, unknown> };
      assert.equal(updated.currentCompany, 'Okaeri Labs');
      assert.deepEqual(updated.returnIntent, { intent: 'open-from', from: '2027-04', contractWork: true, referrals: false, visibility: 'alumni' });
      assert.notEqual(first.headers.get('etag'), etag);

      const stale = await patch({ currentCompany: 'Other device' }, etag);
      assert.equal(stale.status, 412);
      const problem = (await stale.json()) as { current: { currentCompany: string } };
      assert.equal(problem.current.currentCompany, 'Okaeri Labs');
      assert.equal(stale.headers.get('etag'), first.headers.get('etag'));

      const invalid = await patch({ returnIntent: { intent: 'open-from', from: null } }, first.headers.get('etag')!);
      assert.equal(invalid.status, 400);
      assert.deepEqual(((await invalid.json()) as { errors: unknown }).errors, { 'returnIntent.from': 'required' });
      assert.equal((await patch({ left: '2010-01' }, '*')).status, 400, 'left before joined');
      assert.equal((await patch({ department: 'no-such-department' }, '*')).status, 400);

      assert.ok((await listedIds('employee', 'Okaeri Labs')).includes(member.id), 'the directory searches the new company');
      const openToReturning = async (intent: string) => {
        const response = await get(`/api/v1/alumni?q=${encodeURIComponent('Okaeri Labs')}&intent=${intent}`, await bearer('employee'));
        assert.equal(response.status, 200);
        return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      };
      assert.deepEqual(await openToReturning('open-now,within-6-months,later'), [member.id], "the directory's filter finds the new intent");
      assert.equal((await patch({ returnIntent: { visibility: 'hidden' } }, '*')).status, 200);
      assert.deepEqual(await openToReturning('open-now,within-6-months,later'), [], 'and not once it is hidden');
      const row = await database.sql.rows<{ current_company: string; return_intent: string }>('SELECT current_company, return_intent FROM alumni WHERE id = ?', member.id);
      assert.deepEqual(row, [{ current_company: 'Okaeri Labs', return_intent: 'open-from' }]);
      const audit = await database.store.audit.list({ subject: member.id, action: 'alumni.profile.update' });
      assert.ok(audit.length >= 1);
      assert.doesNotMatch(JSON.stringify(audit), /Okaeri Labs/, 'the audit names fields, not values');
    });

    it('PATCH sets the employee number as the signup does (normalized, audited by name, 400 field errors), never in the directory', async () => {
      const member = await signUpAndVerify({ currentCompany: 'Empno Patch KK' });
      const patch = (body: unknown) => server.json('PATCH', '/api/v1/me', body, { Authorization: member.authorization, 'If-Match': '*' });
      const stored = () => database.sql.value<string | null>('SELECT employee_number FROM alumni WHERE id = ?', member.id);

      const set = await patch({ employeeNumber: '  ｅ－７７０４２１ ' });
      assert.equal(set.status, 200);
      assert.equal(((await set.json()) as { employeeNumber: string | null }).employeeNumber, 'E-770421', 'width-normalized, trimmed, upper case');
      assert.equal(await stored(), 'E-770421');
      assert.equal(((await (await get('/api/v1/me', member.authorization)).json()) as { employeeNumber: string }).employeeNumber, 'E-770421');
      const audit = await database.store.audit.list({ subject: member.id, action: 'alumni.profile.update' });
      assert.ok(audit.some((entry) => JSON.stringify(entry.detail).includes('employeeNumber')), JSON.stringify(audit));
      assert.doesNotMatch(JSON.stringify(audit), /770421/, 'the audit names the field, not the number');

      for (const [employeeNumber, code] of [
        ['E'.repeat(41), 'too_long'],
        ['E-1\nE-2', 'invalid'],
      ] as const) {
        const refused = await patch({ employeeNumber });
        assert.equal(refused.status, 400, employeeNumber);
        assert.equal(refused.headers.get('content-type'), 'application/problem+json');
        assert.deepEqual(((await refused.json()) as { errors: unknown }).errors, { employeeNumber: code });
      }
      assert.equal(await stored(), 'E-770421', 'a refused PATCH changes nothing');

      // Alumni, employees and HR alike: the directory neither returns nor searches it.
      for (const role of ['alumni', 'employee', 'hr'] as const) {
        const authorization = await bearer(role);
        const bodies = `${await (await get('/api/v1/alumni?q=Empno%20Patch', authorization)).text()} ${await (await get(`/api/v1/alumni/${member.id}`, authorization)).text()}`;
        assert.ok(bodies.includes(member.id), `${role} finds the member`);
        assert.ok(!bodies.includes('770421') && !bodies.includes('employeeNumber'), `${role}: ${bodies}`);
        assert.deepEqual((await listedIds(role === 'alumni' ? 'employee' : role, 'E-770421')), [], 'not searchable');
      }

      assert.equal((await patch({ employeeNumber: '   ' })).status, 200);
      assert.equal(await stored(), null, 'blank clears it');
      assert.equal((await patch({ employeeNumber: 'A-1' })).status, 200);
      assert.equal((await patch({ employeeNumber: null })).status, 200);
      assert.equal(await stored(), null, 'null clears it');
    });

    it('an empty PATCH only confirms the profile; confirmationDue after OKAERI_CONFIRM_MONTHS', async () => {
      const member = await signUpAndVerify();
      await database.sql.run('UPDATE alumni SET confirmed_at = ? WHERE id = ?', '2020-01-01T00:00:00.000Z', member.id);
      const stale = (await (await get('/api/v1/me', member.authorization)).json()) as { confirmationDue: boolean; currentCompany: string };
      assert.equal(stale.confirmationDue, true);
      const confirmed = await server.json('PATCH', '/api/v1/me', {}, { Authorization: member.authorization, 'If-Match': '*' });
      const after = (await confirmed.json()) as { confirmationDue: boolean; currentCompany: string; confirmedAt: string };
      assert.equal(after.confirmationDue, false);
      assert.equal(after.currentCompany, stale.currentCompany);
      assert.ok(Date.now() - Date.parse(after.confirmedAt) < 60_000);
    });

    it('changing the address: verified at the new one, then the old one is told', async () => {
      const member = await signUpAndVerify({ lang: undefined });
      const newAddress = `new.${member.body.email}`;
      const requested = await server.json('PUT', '/api/v1/me/email', { email: newAddress }, { Authorization: member.authorization });
      assert.equal(requested.status, 202);
      assert.equal(await database.sql.value('SELECT email FROM alumni WHERE id = ?', member.id), member.body.email, 'not before verification');
      const changed = await exchange(server.tokenOf(await mailTo(newAddress)));
      assert.equal(changed.status, 200);
      assert.equal(await database.sql.value('SELECT email FROM alumni WHERE id = ?', member.id), newAddress);
      const notice = await mailTo(member.body.email, /変更されました|was changed/);
      assert.doesNotMatch(notice.text ?? '', /okaeri-token/, 'the notice carries no link');
    });

    it('consent: withdrawn and given in one request each, with the history kept', async () => {
      const member = await signUpAndVerify();
      const put = (contact: boolean, version = POLICY_VERSION) =>
        server.json('PUT', '/api/v1/me/consent', { contact, privacyPolicyVersion: version }, { Authorization: member.authorization });
      // The directory follows at once, though its answer for the same query was just cached.
      const contactable = async () => {
        const response = await get(`/api/v1/alumni?q=${encodeURIComponent(member.body.givenName)}&limit=100`, await bearer('employee'));
        const items = ((await response.json()) as { items: { id: string; contactable: boolean }[] }).items;
        return items.find((item) => item.id === member.id)?.contactable;
      };
      assert.equal(await contactable(), false);
      assert.equal(((await (await put(true)).json()) as { consent: { contact: boolean } }).consent.contact, true);
      assert.equal(await contactable(), true, 'the directory offers contact once consent is given');
      assert.equal(((await (await put(false)).json()) as { consent: { contact: boolean } }).consent.contact, false);
      assert.equal(await contactable(), false, 'the directory stops offering contact once consent is withdrawn');
      assert.equal((await put(true, '1999-01-01')).status, 400);
      const history = await database.sql.rows<{ contact: number }>('SELECT contact FROM consents WHERE alumni_id = ? ORDER BY consented_at', member.id);
      assert.deepEqual(history.map((h) => Number(h.contact)), [0, 1, 0]);
    });

    it('export holds exactly the member’s data and nobody else’s', async () => {
      const member = await signUpAndVerify();
      const other = await signUpAndVerify();
      await server.json('PUT', '/api/v1/me/consent', { contact: true, privacyPolicyVersion: POLICY_VERSION }, { Authorization: member.authorization });
      const response = await get('/api/v1/me/export', member.authorization);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
      const data = (await response.json()) as {
        profile: { id: string; email: string };
        consents: { contact: boolean; privacyPolicyVersion: string; at: string }[];
        audit: { action: string }[];
      };
      assert.equal(data.profile.id, member.id);
      assert.equal(data.profile.email, member.body.email);
      assert.deepEqual(data.consents.map((c) => [c.contact, c.privacyPolicyVersion]), [[false, POLICY_VERSION], [true, POLICY_VERSION]]);
      assert.ok(data.audit.some((a) => a.action === 'alumni.verify') && data.audit.some((a) => a.action === 'alumni.consent'));
      const text = JSON.stringify(data);
      assert.ok(!text.includes(other.id) && !text.includes(other.body.email) && !text.includes(other.body.givenName));
    });

    it('DELETE erases rows, index and search at once, is idempotent, and leaves a tombstone without personal data', async () => {
      const member = await signUpAndVerify({ familyName: 'Zyxwvut', currentCompany: 'Qwertzuiop GmbH' });
      await server.json('PUT', '/api/v1/me/consent', { contact: true, privacyPolicyVersion: POLICY_VERSION }, { Authorization: member.authorization });
      assert.ok((await listedIds('hr', 'Qwertzuiop')).includes(member.id));
      // The index's own query for the words, on both columns (HR's reach).
      const ftsMatches = async () =>
        Number(await database.sql.value('SELECT COUNT(*) FROM directory_search WHERE directory_search MATCH ?', `(${matchExpression('hr', ['qwertzuiop'])}) OR (${matchExpression('hr', ['zyxwvut'])})`));
      if (TEST_BACKEND === 'sqlite') assert.ok((await ftsMatches()) >= 1, 'the FTS query finds the member before');

      const erased = await app.request('/api/v1/me', { method: 'DELETE', headers: { Authorization: member.authorization } });
      assert.equal(erased.status, 204);
      for (const [table, column] of [['alumni', 'id'], ['consents', 'alumni_id'], ['link_tokens', 'alumni_id'], ['directory_entries', 'alumni_id']]) {
        assert.equal(Number(await database.sql.value(`SELECT COUNT(*) FROM ${table} WHERE ${column} = ?`, member.id)), 0, table);
      }
      assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM mail_outbox WHERE to_address = ?', member.body.email)), 0);
      if (TEST_BACKEND === 'sqlite') {
        // The FTS table itself: no row matches the erased member's words any more.
        assert.equal(await ftsMatches(), 0, 'nothing left in the FTS index');
      }
      assert.deepEqual(await listedIds('hr', 'Qwertzuiop'), []);
      assert.deepEqual(await listedIds('hr', 'Zyxwvut'), []);
      assert.equal((await get('/api/v1/me', member.authorization)).status, 404);

      const again = await app.request('/api/v1/me', { method: 'DELETE', headers: { Authorization: member.authorization } });
      assert.equal(again.status, 204, 'idempotent');
      const tombstones = await database.store.audit.list({ subject: member.id, action: 'alumni.erase' });
      assert.equal(tombstones.length, 1);
      const everything = JSON.stringify(await database.store.audit.list({ subject: member.id }));
      for (const personal of [member.body.email, 'Zyxwvut', 'Qwertzuiop', member.body.givenName]) {
        assert.ok(!everything.includes(personal), `the audit keeps no ${personal}`);
      }
    });
      it('DELETE for a registered returner keeps only what HR’s records need: name, former department, joined and left months', async () => {
      const member = await signUpAndVerify({ familyName: 'Returnerova', givenName: 'Mila', currentCompany: 'Plmoknij KK', location: 'Sapporo' });
      await server.json('PUT', '/api/v1/me/consent', { contact: true, privacyPolicyVersion: POLICY_VERSION }, { Authorization: member.authorization });
      const hr = { Authorization: await bearer('hr') };
      const created = await server.json('POST', '/api/v1/returners', { alumniId: member.id, returnDate: '2027-04-01', newRole: 'Staff engineer' }, hr);
      assert.equal(created.status, 201);
      const returner = (await created.json()) as { id: string };
      const drafted = await server.json('POST', '/api/v1/announcements', {
        kind: 'welcome-back', returnerId: returner.id, message: 'Welcome back!', whileAway: 'Built Plmoknij’s data team', askMeAbout: ['Sapporo startups'],
      }, hr);
      assert.equal(drafted.status, 201);
      const announcement = (await drafted.json()) as { id: string };
      const before = await database.sql.value<number>('SELECT COUNT(*) FROM checklist_items WHERE returner_id = ?', returner.id);
      assert.ok(Number(before) > 0, 'the returner has a checklist');
      assert.ok((await listedIds('hr', 'Plmoknij')).includes(member.id), 'HR finds the company before');
      await database.sql.run('UPDATE alumni SET employee_number = ? WHERE id = ?', 'E-4711', member.id);
      const overview = async () => {
        const response = await get('/api/v1/hr/overview', hr.Authorization);
        assert.equal(response.status, 200);
        return (await response.json()) as {
          members: Record<string, number>;
          returnIntent: Record<string, number>;
          signupsByMonth: { month: string; count: number }[];
          returnersInProgress: { alumniId: string }[];
        };
      };
      const hrSegment = async (query: string) => {
        const response = await get(`/api/v1/hr/members?${query}&limit=100`, hr.Authorization);
        assert.equal(response.status, 200);
        return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      };
      const figuresBefore = await overview();
      assert.ok((await hrSegment('q=Returnerova')).includes(member.id), 'HR’s segments have the member before');

      const erased = await app.request('/api/v1/me', { method: 'DELETE', headers: { Authorization: member.authorization } });
      assert.equal(erased.status, 204);
      const [row] = await database.sql.rows<Record<string, unknown>>('SELECT * FROM alumni WHERE id = ?', member.id);
      assert.ok(row, 'the row stays for the returner records');
      assert.equal(row.family_name, 'Returnerova');
      assert.equal(row.given_name, 'Mila');
      assert.equal(row.joined_month, member.body.joined);
      assert.equal(row.left_month, member.body.left);
      assert.equal(row.department_id, member.body.department);
      assert.equal(row.email, `erased+${member.id}@erased.invalid`);
      for (const column of ['family_name_kana', 'given_name_kana', 'role_at_leaving', 'current_company', 'current_position', 'location', 'profile_url', 'photo_url', 'return_intent', 'return_from']) {
        assert.equal(row[column], null, column);
      }
      assert.equal(JSON.stringify(row).includes(member.body.email), false, 'no address');
      assert.equal(JSON.parse(String(row.interests)).length, 0);
      assert.deepEqual(typeof row.visibility === 'string' ? JSON.parse(row.visibility) : row.visibility, {});
      assert.equal(Boolean(row.listed), false);
      assert.equal(Boolean(row.contact_consent), false);
      for (const [table, column] of [['consents', 'alumni_id'], ['link_tokens', 'alumni_id']]) {
        assert.equal(Number(await database.sql.value(`SELECT COUNT(*) FROM ${table} WHERE ${column} = ?`, member.id)), 0, table);
      }
      assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM mail_outbox WHERE to_address = ?', member.body.email)), 0);
      // HR's records of the rehire: the returner, their checklist, the announcement without what the returner wrote about themself.
      assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM returners WHERE id = ?', returner.id)), 1);
      assert.equal(await database.sql.value<number>('SELECT COUNT(*) FROM checklist_items WHERE returner_id = ?', returner.id), before);
      const [kept] = await database.sql.rows<{ message: string; while_away: string | null; ask_me_about: unknown }>(
        'SELECT message, while_away, ask_me_about FROM announcements WHERE id = ?', announcement.id,
      );
      assert.deepEqual([kept!.message, kept!.while_away, typeof kept!.ask_me_about === 'string' ? JSON.parse(kept!.ask_me_about) : kept!.ask_me_about], ['Welcome back!', null, []]);
      // Nobody finds the erased fields: not the directory (unlisted), not HR's search for them.
      assert.ok(!(await listedIds('employee', 'Returnerova')).includes(member.id));
      assert.deepEqual(await listedIds('hr', 'Plmoknij'), []);
      if (TEST_BACKEND === 'sqlite') {
        const matches = Number(await database.sql.value('SELECT COUNT(*) FROM directory_search WHERE directory_search MATCH ?', matchExpression('hr', ['plmoknij'])));
        assert.equal(matches, 0, 'the FTS table holds no erased word');
      }
      // No longer a member anywhere HR counts or looks for members; the returner records keep the name.
      const figuresAfter = await overview();
      const month = new Date().toISOString().slice(0, 7);
      const minusOne = (figures: Record<string, number>, keys: string[]) =>
        Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, keys.includes(key) ? value - 1 : value]));
      assert.deepEqual(figuresAfter.members, minusOne(figuresBefore.members, ['total', 'active', 'listed', 'contactable']));
      assert.deepEqual(figuresAfter.returnIntent, minusOne(figuresBefore.returnIntent, ['not-said']));
      assert.deepEqual(
        figuresAfter.signupsByMonth,
        figuresBefore.signupsByMonth.map((entry) => (entry.month === month ? { ...entry, count: entry.count - 1 } : entry)).filter((entry) => entry.count > 0),
      );
      assert.deepEqual(figuresAfter.returnersInProgress, figuresBefore.returnersInProgress, 'the returner’s checklist progress is HR’s record');
      assert.ok(figuresAfter.returnersInProgress.some((returnerRow) => returnerRow.alumniId === member.id));
      for (const query of ['q=Returnerova', 'status=active', 'intent=not-said', 'department=' + member.body.department]) {
        assert.ok(!(await hrSegment(query)).includes(member.id), `not in HR's segment ${query}`);
      }
      assert.ok(!(await listedIds('hr', 'Returnerova')).includes(member.id), 'not in the directory, not even for HR');
      assert.equal((await get(`/api/v1/alumni/${member.id}`, hr.Authorization)).status, 404);
      assert.equal(await database.sql.value('SELECT employee_number FROM alumni WHERE id = ?', member.id), null, 'no employee number');
      assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM hr_member_index WHERE alumni_id = ?', member.id)), 0);
      assert.equal(Number(await database.sql.value('SELECT COUNT(*) FROM directory_entries WHERE alumni_id = ?', member.id)), 0);
      // The session finds no member any more; a stale tab cannot write the data back.
      assert.equal((await get('/api/v1/me', member.authorization)).status, 404);
      const rewrite = await server.json('PATCH', '/api/v1/me', { currentCompany: 'Back again' }, { Authorization: member.authorization, 'If-Match': '*' });
      assert.equal(rewrite.status, 404);
      assert.equal((await server.json('PUT', '/api/v1/me/consent', { contact: true, privacyPolicyVersion: POLICY_VERSION }, { Authorization: member.authorization })).status, 404);
      const again = await app.request('/api/v1/me', { method: 'DELETE', headers: { Authorization: member.authorization } });
      assert.equal(again.status, 204, 'idempotent');
      const tombstones = await database.store.audit.list({ subject: member.id, action: 'alumni.erase' });
      assert.equal(tombstones.length, 1);
      const everything = JSON.stringify(await database.store.audit.list({ subject: member.id }));
      for (const personal of [member.body.email, 'Plmoknij']) assert.ok(!everything.includes(personal), `the audit keeps no ${personal}`);
    });
  });
});
