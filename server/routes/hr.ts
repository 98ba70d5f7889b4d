/*
 * The HR console's routes (issue 11), HR only: the overview, segments of members over every field
 * they gave the program, one member's full record (audited), the segment as CSV (streamed,
 * audited), approving or declining signups (when the `approval` setting is on), importing the
 * leaver list, and the checklist template.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { type Viewer, requireRole } from '../auth.js';
import { cursorParam, encodeCursor } from '../data/cursor.js';
import { importLeavers } from '../data/leavers.js';
import type { HrDecision, HrMemberRecord, Store } from '../data/store.js';
import { LEAVER_LIMITS, LeaverFileError, readLeaverFile } from '../domain/hr-leavers.js';
import { templateTag } from '../domain/checklist-template.js';
import { landingUrl } from '../domain/membership.js';
import type { MembershipMail } from '../mail/links.js';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotency } from '../middleware/idempotency.js';
import { limitBodySize } from '../middleware/request-body.js';
import { BOM, type ExportContext, csvHeader, csvMemberLine } from '../domain/hr-export.js';
import {
  HR_SORTS,
  type HrMemberQuery,
  type HrMemberRow,
  type HrPosition,
  type HrSegment,
  type HrSort,
  visibilityLevels,
} from '../domain/hr-members.js';
import { queryWords } from '../domain/search-text.js';
import { ProblemError } from '../problem.js';
import { IdempotencyKeyHeaderSchema, responseHeaders } from '../schemas/common.js';
import {
  ChecklistTemplateConflictSchema,
  ChecklistTemplateSchema,
  HrDeclineSchema,
  HrExportQuerySchema,
  HrMemberDetailSchema,
  HrMemberListSchema,
  HrMemberQuerySchema,
  HrOverviewSchema,
  LeaverImportResultSchema,
} from '../schemas/hr.js';
import { MemberIdParamSchema } from '../schemas/directory.js';
import { EmployeeListSchema, EmployeeSearchQuerySchema } from '../schemas/employees.js';
import { problemResponse, problemResponses } from '../schemas/problem.js';
import { ifMatchTags } from '../validation.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

// Personal data of many people: never cached by anything between HR and the server.
const CACHE_CONTROL = 'private, no-store';
/** Rows read per store call while exporting: memory stays flat whatever the segment's size. */
export const EXPORT_BATCH = 1000;
const SIGNUP_MONTHS = 12;
/** The leaver import takes CSV, larger than any JSON body: app.ts leaves its body to the route. */
export const LEAVERS_PATH = '/api/v1/hr/leavers';

type SegmentInput = {
  q?: string | undefined;
  department: string[];
  interest: HrSegment['interests'][number][];
  leftFrom?: number | undefined;
  leftTo?: number | undefined;
  contactable?: boolean | undefined;
  listed?: boolean | undefined;
  status: HrSegment['statuses'][number][];
  intent: HrSegment['intents'][number][];
};

/** The current month in UTC, which intent windows are relative to. */
function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

function segmentOf(query: SegmentInput): HrSegment {
  return {
    words: query.q === undefined ? [] : queryWords(query.q),
    departments: query.department,
    interests: query.interest,
    leftFrom: query.leftFrom ?? null,
    leftTo: query.leftTo ?? null,
    contactable: query.contactable ?? null,
    listed: query.listed ?? null,
    statuses: query.status,
    intents: query.intent,
    month: currentMonth(),
  };
}

/** The segment as the audit log records it: the filters that were given. */
function segmentRecord(query: SegmentInput) {
  return Object.fromEntries(
    Object.entries({
      q: query.q,
      department: query.department.length ? query.department : undefined,
      interest: query.interest.length ? query.interest : undefined,
      leftFrom: query.leftFrom,
      leftTo: query.leftTo,
      contactable: query.contactable,
      listed: query.listed,
      status: query.status.length ? query.status : undefined,
      intent: query.intent.length ? query.intent : undefined,
    }).filter(([, value]) => value !== undefined),
  );
}

/** A cursor continues only the sort and order it was issued for: base64url of [sort, order, key, id]. */
function decodePosition(cursor: string | undefined, sort: HrSort, order: 'ja' | 'en'): HrPosition | null {
  const position = cursorParam(cursor, 4);
  if (!position) return null;
  const [issuedSort, issuedOrder, key, id] = position as [string, string, string, string];
  if (issuedSort !== sort || issuedOrder !== order || !(HR_SORTS as readonly string[]).includes(issuedSort)) {
    throw new ProblemError('validation', 'The cursor is not one this server issued.', { errors: { cursor: 'invalid' } });
  }
  return { key, id };
}

function memberJson(member: HrMemberRow) {
  const levels = visibilityLevels(member.visibility);
  return {
    id: member.id,
    familyName: member.familyName,
    givenName: member.givenName,
    familyNameKana: member.familyNameKana,
    givenNameKana: member.givenNameKana,
    email: member.email,
    department: member.departmentId,
    departmentOther: member.departmentOther,
    roleAtLeaving: member.roleAtLeaving,
    joined: member.joined,
    left: member.left,
    currentCompany: member.currentCompany,
    currentRole: member.currentRole,
    location: member.location,
    profileUrl: member.profileUrl,
    photoUrl: member.photoUrl,
    interests: member.interests,
    contactable: member.contactConsent,
    listed: member.listed,
    signedUpAt: member.signedUpAt,
    status: member.status,
    returnIntent: {
      intent: member.returnIntent,
      from: member.returnIntent === 'open-from' ? member.returnFrom : null,
      contractWork: member.contractWork,
      referrals: member.referrals,
    },
    confirmedAt: member.confirmedAt,
    employeeNumber: member.employeeNumber,
    hiddenFromDirectory: Object.entries(levels)
      .filter(([, level]) => level === 'hidden')
      .map(([field]) => field as keyof typeof levels),
  };
}

/** A member's whole record as the detail view, approve and decline answer it. */
async function detailJson(store: Store, id: string, found: HrMemberRecord) {
  const trail = await store.audit.list({ subject: id });
  return {
    member: { ...memberJson(found.member), updatedAt: found.member.updatedAt, decidedAt: found.member.decidedAt, declineReason: found.member.declineReason },
    visibility: visibilityLevels(found.member.visibility),
    consents: found.consents,
    audit: trail.map((row) => ({ at: row.at, actorRole: row.actorRole, actorSub: row.actorSub, action: row.action })),
  };
}

/** The months of the signup chart: the last `count`, this one included, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    months.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

const hrOnly = requireRole('hr');

const overviewRoute = createRoute({
  method: 'get',
  path: '/api/v1/hr/overview',
  tags: ['hr'],
  operationId: 'getHrOverview',
  summary: 'The program at a glance (HR)',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  responses: {
    200: { description: 'Counts, each matching a segment of `/api/v1/hr/members`.', content: { 'application/json': { schema: HrOverviewSchema } } },
    ...problemResponses(401, 403),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/hr/members',
  tags: ['hr'],
  operationId: 'listHrMembers',
  summary: 'A segment of members, every field (HR)',
  description:
    'Every member, listed or not, with every field they gave the program; fields hidden from the directory are marked in `hiddenFromDirectory`. Filters combine with AND, values inside one filter with OR.',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  request: { query: HrMemberQuerySchema },
  responses: {
    200: { description: 'One page of the segment.', content: { 'application/json': { schema: HrMemberListSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/hr/members/export.csv',
  tags: ['hr'],
  operationId: 'exportHrMembers',
  summary: 'The segment as CSV (HR)',
  description:
    'Streamed, UTF-8 with a byte order mark, CRLF line ends, a header row in `lang`. Every cell is quoted; a value starting with = + - @, a tab or a carriage return gets a leading apostrophe so spreadsheets do not run it as a formula. `purpose=outreach` contains only members who agreed to be contacted. Every export is audited (who, when, segment, purpose, row count).',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  request: { query: HrExportQuerySchema },
  responses: {
    200: {
      description: 'The CSV file.',
      content: { 'text/csv': { schema: { type: 'string' } } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/api/v1/hr/members/{id}',
  tags: ['hr'],
  operationId: 'getHrMember',
  summary: 'Everything stored about one member (HR, audited)',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  request: { params: MemberIdParamSchema },
  responses: {
    200: { description: 'The record, its consents and its audit trail.', content: { 'application/json': { schema: HrMemberDetailSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const employeesRoute = createRoute({
  method: 'get',
  path: '/api/v1/hr/employees',
  tags: ['hr'],
  operationId: 'searchEmployees',
  summary: 'Find employees by name, reading or id (HR)',
  description: 'For choosing a returner’s manager (`managerId` of `POST /api/v1/returners`): current employees whose name or reading matches every word of `q`, or whose id starts with it.',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  request: { query: EmployeeSearchQuerySchema },
  responses: {
    200: { description: 'The employees found, at most `limit`.', content: { 'application/json': { schema: EmployeeListSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

const TEMPLATE_ETAG = responseHeaders.etag('The template’s entity tag, for `If-Match`.');
const TemplateIfMatchSchema = z.object({
  'if-match': z
    .string()
    .max(500)
    .optional()
    .openapi({ description: 'The `ETag` of `GET /api/v1/hr/checklist-template` as last read, or `*` to replace whatever is stored (428 without it).' }),
});

const getTemplateRoute = createRoute({
  method: 'get',
  path: '/api/v1/hr/checklist-template',
  tags: ['hr'],
  operationId: 'getChecklistTemplate',
  summary: 'The re-onboarding checklist template (HR)',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  responses: {
    200: {
      description: 'The template, in order; `ETag` identifies it.',
      headers: TEMPLATE_ETAG,
      content: { 'application/json': { schema: ChecklistTemplateSchema } },
    },
    ...problemResponses(401, 403),
  },
});

const putTemplateRoute = createRoute({
  method: 'put',
  path: '/api/v1/hr/checklist-template',
  tags: ['hr'],
  operationId: 'putChecklistTemplate',
  summary: 'Replace the checklist template (HR, audited)',
  description:
    'Applies to checklists generated afterwards; checklists of returners already registered keep their items. Needs `If-Match` with the `ETag` of `GET /api/v1/hr/checklist-template` (or `*`): 428 without, 412 with the stored template (`current`, and its `ETag`) when someone saved another one since. Of concurrent saves with the same tag, one is applied and the others are 412.',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  request: { headers: TemplateIfMatchSchema, body: { required: true, content: { 'application/json': { schema: ChecklistTemplateSchema } } } },
  responses: {
    200: { description: 'The template as stored.', headers: TEMPLATE_ETAG, content: { 'application/json': { schema: ChecklistTemplateSchema } } },
    412: {
      description: 'Someone saved the template since the version sent; `current` is the template now.',
      headers: responseHeaders.etag('The tag of `current`, to send next.'),
      content: { 'application/problem+json': { schema: ChecklistTemplateConflictSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 428),
  },
});

const memberIdempotency = `Send an \`${IDEMPOTENCY_KEY_HEADER}\` to make a retry safe (a replay carries \`${IDEMPOTENT_REPLAYED_HEADER}: true\`).`;
const notAwaiting409 = {
  ...problemResponse(409),
  description:
    '`code: "not_awaiting_approval"`: the member is pending verification or (approving) declined or (declining) active; or a request with the same `Idempotency-Key` is still being processed.',
};

/** What approve and decline share but their bodies. */
const decisionRoute = (kind: 'approve' | 'decline', store: Store) => ({
  method: 'post' as const,
  path: `/api/v1/hr/members/{id}/${kind}`,
  tags: ['hr'],
  operationId: kind === 'approve' ? 'approveMember' : 'declineMember',
  summary: kind === 'approve' ? 'Approve a signup awaiting approval (HR, audited)' : 'Decline a signup awaiting approval (HR, audited)',
  description:
    kind === 'approve'
      ? `The member becomes \`active\` (listed from now on, if they chose so) and is mailed a welcome in their language. Approving an active member changes nothing and answers it. ${memberIdempotency}`
      : `The member becomes \`declined\`: never listed, mailed a neutral notice in their language (not the reason), and their data is purged after OKAERI_PENDING_DAYS, like an unverified signup. Declining a declined member changes nothing and answers it. ${memberIdempotency}`,
  security: REQUIRED_BEARER,
  middleware: [hrOnly, idempotency(store)],
  responses: {
    200: {
      description: 'The member’s record, as `GET /api/v1/hr/members/{id}` answers it.',
      headers: responseHeaders.replayed,
      content: { 'application/json': { schema: HrMemberDetailSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
    409: notAwaiting409,
  },
});

const approveRoute = (store: Store) =>
  createRoute({ ...decisionRoute('approve', store), request: { params: MemberIdParamSchema, headers: IdempotencyKeyHeaderSchema } });

const declineRoute = (store: Store) =>
  createRoute({
    ...decisionRoute('decline', store),
    request: {
      params: MemberIdParamSchema,
      headers: IdempotencyKeyHeaderSchema,
      body: { required: false, content: { 'application/json': { schema: HrDeclineSchema } } },
    },
  });

const leaversRoute = (store: Store) =>
  createRoute({
    method: 'post',
    path: LEAVERS_PATH,
    tags: ['hr'],
    operationId: 'importLeavers',
    summary: 'Import the leaver list: approve matching signups, list the rest for review (HR, audited)',
    description: [
      'The body is CSV (`text/csv`, UTF-8, a byte order mark allowed; RFC 4180: quoted fields may hold commas, line breaks and doubled quotes).',
      'The header row names the columns `name,email,employeeNumber,department,leftOn` (any order; `name` and at least one of `email`, `employeeNumber` present); each row needs an `email` or an `employeeNumber`; `leftOn` is `YYYY-MM`.',
      'A row whose personal e-mail address (width and case ignored) or employee number is exactly one member awaiting approval approves them (they are mailed a welcome); a name alone never approves.',
      'The usable rows are stored (a stored row with the same address or number is replaced), so a signup that verifies later with them is approved at verification.',
      `At most ${LEAVER_LIMITS.rows} rows and ${LEAVER_LIMITS.bytes / 1024 / 1024} MiB (413). A file that is not such a list is 400 with \`code: "invalid_csv"\` and the \`row\`.`,
      memberIdempotency,
    ].join(' '),
    security: REQUIRED_BEARER,
    middleware: [hrOnly, limitBodySize(LEAVER_LIMITS.bytes), idempotency(store)] as const,
    request: {
      headers: IdempotencyKeyHeaderSchema,
      body: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
    },
    responses: {
      200: { description: 'What each row did.', headers: responseHeaders.replayed, content: { 'application/json': { schema: LeaverImportResultSchema } } },
      ...problemResponses(400, 401, 403, 409, 413, 415, 422),
    },
  });

export function hrRoutes({ store, mail }: { store: Store; mail: MembershipMail }) {
  const welcomeLink = () => landingUrl(mail.options).toString();
  const decide = async (id: string, decision: HrDecision, viewer: Viewer) => {
    const outcome = await store.hr.decide(id, decision, viewer, new Date().toISOString());
    if (outcome.outcome === 'missing') throw new ProblemError('not-found', 'No such member.');
    if (outcome.outcome === 'not_awaiting_approval') {
      throw new ProblemError('conflict', `The member is ${outcome.status}, not awaiting approval.`, {
        // `status` is the HTTP status in a problem: the member's is `memberStatus`.
        extensions: { code: 'not_awaiting_approval', memberStatus: outcome.status },
      });
    }
    if (outcome.outcome === 'changed') {
      if (decision.kind === 'approve') mail.deliver('approved', outcome.mail.email, outcome.mail.lang, welcomeLink());
      else mail.deliver('declined', outcome.mail.email, outcome.mail.lang);
    }
    const found = await store.hr.record(id);
    if (!found) throw new ProblemError('not-found', 'No such member.');
    return detailJson(store, id, found);
  };
  return createRouter()
    .openapi(overviewRoute, async (c) => {
      const months = lastMonths(new Date(), SIGNUP_MONTHS);
      const [data, settings] = await Promise.all([store.hr.overview({ since: months[0]!, month: currentMonth() }), store.settings.read()]);
      const counts = new Map(data.signupsByMonth.map((entry) => [entry.month, entry.count]));
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(
        { ...data, approval: settings.approval, signupsByMonth: months.map((month) => ({ month, count: counts.get(month) ?? 0 })) },
        200,
      );
    })
    .openapi(listRoute, async (c) => {
      const query = c.req.valid('query');
      const memberQuery: HrMemberQuery = {
        ...segmentOf(query),
        sort: query.sort,
        order: query.lang,
        after: decodePosition(query.cursor, query.sort, query.lang),
        limit: query.limit,
      };
      const page = await store.hr.list(memberQuery);
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(
        {
          items: page.items.map(memberJson),
          nextCursor: page.next && encodeCursor([query.sort, query.lang, page.next.key, page.next.id]),
        },
        200,
      );
    })
    .openapi(exportRoute, async (c) => {
      const query = c.req.valid('query');
      const viewer = c.var.viewer;
      const segment = segmentOf(query);
      // Outreach means contacting people: only those who agreed to it, whatever the filter said.
      if (query.purpose === 'outreach') segment.contactable = true;
      const departments = new Map((await store.departments.list()).map((d) => [d.id, d.name]));
      const context: ExportContext = { language: query.lang, departments };
      const encoder = new TextEncoder();
      let after: HrPosition | null = null;
      let started = false;
      let finished = false;
      let rows = 0;
      const audit = (complete: boolean) =>
        store.audit.record({
          viewer,
          action: 'hr.members.export',
          detail: { purpose: query.purpose, lang: query.lang, segment: segmentRecord(query), rows, complete },
        });
      // Pulled one batch at a time: the next batch is read when the socket took the last one
      // (node-server waits for 'drain'), so memory holds about one batch whatever the segment.
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            if (!started) {
              started = true;
              controller.enqueue(encoder.encode(BOM + csvHeader(query.lang)));
              return;
            }
            const page = await store.hr.exportPage({ ...segment, sort: 'name', order: query.lang, after, limit: EXPORT_BATCH });
            if (page.items.length) {
              rows += page.items.length;
              let chunk = '';
              for (const row of page.items) chunk += csvMemberLine(row, context);
              controller.enqueue(encoder.encode(chunk));
            }
            after = page.next;
            if (!after) {
              finished = true;
              await audit(true);
              controller.close();
            }
          } catch (error) {
            console.error('HR export failed:', error);
            controller.error(error);
          }
        },
        async cancel() {
          // The download was abandoned: what left the server is still recorded.
          if (!finished) await audit(false);
        },
      });
      const day = new Date().toISOString().slice(0, 10);
      return c.body(body, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="okaeri-members-${query.purpose}-${day}.csv"`,
        'Cache-Control': CACHE_CONTROL,
      });
    })
    .openapi(detailRoute, async (c) => {
      const id = c.req.valid('param').id;
      const found = await store.hr.record(id);
      if (!found) throw new ProblemError('not-found', 'No such member.');
      // Looking at someone's whole record is itself recorded, before the trail is read.
      await store.audit.record({ viewer: c.var.viewer, action: 'hr.member.view', subject: id });
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(await detailJson(store, id, found), 200);
    })
    .openapi(approveRoute(store), async (c) => {
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(await decide(c.req.valid('param').id, { kind: 'approve' }, c.var.viewer), 200);
    })
    .openapi(declineRoute(store), async (c) => {
      const body = c.req.valid('json');
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(await decide(c.req.valid('param').id, { kind: 'decline', reason: body.reason || null }, c.var.viewer), 200);
    })
    .openapi(leaversRoute(store), async (c) => {
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (mediaType !== 'text/csv') {
        throw new ProblemError('unsupported-media-type', `Send the leaver list as text/csv${mediaType ? `, not ${mediaType}` : ''}.`);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
      } catch {
        // Excel in Japan saves "CSV" as Shift_JIS unless told otherwise.
        throw new ProblemError('bad-request', 'The file is not UTF-8: save it as "CSV UTF-8".', { extensions: { code: 'invalid_csv', row: null } });
      }
      let file: ReturnType<typeof readLeaverFile>;
      try {
        file = readLeaverFile(text);
      } catch (error) {
        if (!(error instanceof LeaverFileError)) throw error;
        throw new ProblemError('bad-request', error.message, { extensions: { code: 'invalid_csv', row: error.row } });
      }
      const result = await importLeavers(store, file, c.var.viewer, new Date().toISOString());
      for (const member of result.mail) mail.deliver('approved', member.email, member.lang, welcomeLink());
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json({ rows: result.rows, approved: result.approved, review: result.review }, 200);
    })
    .openapi(employeesRoute, async (c) => {
      const { q, limit } = c.req.valid('query');
      const rows = await store.employees.search(q ?? '', limit);
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(
        {
          items: rows.map((row) => ({
            id: row.id,
            familyName: row.familyName,
            givenName: row.givenName,
            ...(row.familyNameKana && { familyNameKana: row.familyNameKana }),
            ...(row.givenNameKana && { givenNameKana: row.givenNameKana }),
            ...(row.departmentId && { department: row.departmentId }),
            ...(row.title && { title: row.title }),
          })),
        },
        200,
      );
    })
    .openapi(getTemplateRoute, async (c) => {
      const items = await store.checklistTemplate.list();
      c.header('Cache-Control', CACHE_CONTROL);
      c.header('ETag', templateTag(items));
      return c.json({ items }, 200);
    })
    .openapi(putTemplateRoute, async (c) => {
      const ifMatch = c.req.header('if-match');
      if (ifMatch === undefined) {
        throw new ProblemError('precondition-required', 'Send If-Match with the ETag of GET /api/v1/hr/checklist-template (or *).');
      }
      const { items } = c.req.valid('json');
      const unknown = [...new Set(items.map((item) => item.category))];
      const missing: string[] = [];
      for (const category of unknown) if (!(await store.checklists.categoryExists(category))) missing.push(category);
      if (missing.length) {
        throw new ProblemError('validation', `Unknown checklist categories: ${missing.join(', ')}.`, {
          errors: Object.fromEntries(
            items.flatMap((item, index) => (missing.includes(item.category) ? [[`items.${index}.category`, 'invalid_choice']] : [])),
          ),
        });
      }
      const outcome = await store.checklistTemplate.replace(items, c.var.viewer, ifMatchTags(ifMatch));
      const etag = templateTag(outcome.items);
      if (outcome.outcome === 'stale') {
        throw new ProblemError('precondition-failed', `The template is at ${etag}, not ${ifMatch}: someone saved it since.`, {
          extensions: { current: { items: outcome.items } },
          headers: { ETag: etag },
        });
      }
      c.header('Cache-Control', CACHE_CONTROL);
      c.header('ETag', etag);
      return c.json({ items: outcome.items }, 200);
    });
}
