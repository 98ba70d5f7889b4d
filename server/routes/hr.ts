/*
 * The HR console's routes (issue 11), HR only: the overview, segments of members over every field
 * they gave the program, one member's full record (audited), the segment as CSV (streamed,
 * audited), and the checklist template.
 */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import { cursorParam, encodeCursor } from '../data/cursor.js';
import type { Store } from '../data/store.js';
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
import {
  ChecklistTemplateSchema,
  HrExportQuerySchema,
  HrMemberDetailSchema,
  HrMemberListSchema,
  HrMemberQuerySchema,
  HrOverviewSchema,
} from '../schemas/hr.js';
import { MemberIdParamSchema } from '../schemas/directory.js';
import { problemResponses } from '../schemas/problem.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

// Personal data of many people: never cached by anything between HR and the server.
const CACHE_CONTROL = 'private, no-store';
/** Rows read per store call while exporting: memory stays flat whatever the segment's size. */
export const EXPORT_BATCH = 1000;
const SIGNUP_MONTHS = 12;

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
    hiddenFromDirectory: Object.entries(levels)
      .filter(([, level]) => level === 'hidden')
      .map(([field]) => field as keyof typeof levels),
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

const getTemplateRoute = createRoute({
  method: 'get',
  path: '/api/v1/hr/checklist-template',
  tags: ['hr'],
  operationId: 'getChecklistTemplate',
  summary: 'The re-onboarding checklist template (HR)',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  responses: {
    200: { description: 'The template, in order.', content: { 'application/json': { schema: ChecklistTemplateSchema } } },
    ...problemResponses(401, 403),
  },
});

const putTemplateRoute = createRoute({
  method: 'put',
  path: '/api/v1/hr/checklist-template',
  tags: ['hr'],
  operationId: 'putChecklistTemplate',
  summary: 'Replace the checklist template (HR, audited)',
  description: 'Applies to checklists generated afterwards; checklists of returners already registered keep their items.',
  security: REQUIRED_BEARER,
  middleware: hrOnly,
  request: { body: { required: true, content: { 'application/json': { schema: ChecklistTemplateSchema } } } },
  responses: {
    200: { description: 'The template as stored.', content: { 'application/json': { schema: ChecklistTemplateSchema } } },
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

export function hrRoutes({ store }: { store: Store }) {
  return createRouter()
    .openapi(overviewRoute, async (c) => {
      const months = lastMonths(new Date(), SIGNUP_MONTHS);
      const data = await store.hr.overview({ since: months[0]!, month: currentMonth() });
      const counts = new Map(data.signupsByMonth.map((entry) => [entry.month, entry.count]));
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json({ ...data, signupsByMonth: months.map((month) => ({ month, count: counts.get(month) ?? 0 })) }, 200);
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
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            if (!started) {
              started = true;
              controller.enqueue(encoder.encode(BOM + csvHeader(query.lang)));
              return;
            }
            const page = await store.hr.list({ ...segment, sort: 'name', order: query.lang, after, limit: EXPORT_BATCH });
            if (page.items.length) {
              rows += page.items.length;
              controller.enqueue(encoder.encode(page.items.map((row) => csvMemberLine(row, context)).join('')));
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
      const trail = await store.audit.list({ subject: id });
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(
        {
          member: { ...memberJson(found.member), updatedAt: found.member.updatedAt },
          visibility: visibilityLevels(found.member.visibility),
          consents: found.consents,
          audit: trail.map((row) => ({ at: row.at, actorRole: row.actorRole, actorSub: row.actorSub, action: row.action })),
        },
        200,
      );
    })
    .openapi(getTemplateRoute, async (c) => {
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json({ items: await store.checklistTemplate.list() }, 200);
    })
    .openapi(putTemplateRoute, async (c) => {
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
      await store.checklistTemplate.replace(items, c.var.viewer);
      return c.json({ items: await store.checklistTemplate.list() }, 200);
    });
}
