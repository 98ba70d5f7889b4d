import { z } from '@hono/zod-openapi';
import { EXPORT_PURPOSES } from '../domain/hr-export.js';
import { HR_SORTS, INTENT_WINDOWS } from '../domain/hr-members.js';
import { LEAVER_REVIEW_REASONS } from '../domain/hr-leavers.js';
import { MEMBER_STATUSES, RETURN_INTENTS } from '../domain/membership.js';
import { MAX_QUERY_WORDS, MAX_QUERY_WORD_LENGTH, searchWords } from '../domain/search-text.js';
import { VISIBILITY_FIELDS, VISIBILITY_LEVELS } from '../domain/visibility.js';
import { CHECKLIST_LIMITS, ChecklistOwnerSchema } from './checklist.js';
import { FILTER_VALUE_MAX, MAX_FILTER_VALUES, MAX_PAGE_SIZE, listParameter, yearParameter } from './directory.js';
import { InterestIdSchema } from './meta.js';
import { ProblemSchema } from './problem.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const HR_DEFAULT_PAGE_SIZE = 50;
export const DECLINE_REASON_MAX = 500;

const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .openapi({ description, param: { schema: { type: 'string', enum: ['true', 'false'] } } });

/** The filters that make a segment: the members list and the export take the same ones. */
const segmentFields = {
  q: z
    .string()
    .max(200)
    .refine((q) => new Set(searchWords(q)).size <= MAX_QUERY_WORDS, { error: 'too_long' })
    .optional()
    .openapi({
      description: `Words that must all appear (as substrings) in some field the member gave the program — names (written, reading, romaji), e-mail, former department, role at leaving, current company and role, location, profile URL — including fields hidden from the directory. The directory's normalization: width, case and katakana/hiragana are ignored. At most ${MAX_QUERY_WORDS} distinct words; only the first ${MAX_QUERY_WORD_LENGTH} characters of a word are compared.`,
      example: 'さとう',
    }),
  department: listParameter(z.string().min(1).max(FILTER_VALUE_MAX)).openapi({
    description: `Former department ids (any of them); repeat the parameter or separate with commas. At most ${MAX_FILTER_VALUES}.`,
    param: { style: 'form', explode: true },
    type: 'array',
    maxItems: MAX_FILTER_VALUES,
    items: { type: 'string', minLength: 1, maxLength: FILTER_VALUE_MAX },
  }),
  interest: listParameter(InterestIdSchema).openapi({
    description: 'Interests (any of them); repeat the parameter or separate with commas.',
    param: { style: 'form', explode: true },
    type: 'array',
    maxItems: MAX_FILTER_VALUES,
    items: { $ref: '#/components/schemas/InterestId' },
  }),
  leftFrom: yearParameter('Left in this year or later (inclusive).'),
  leftTo: yearParameter('Left in this year or earlier (inclusive).'),
  contactable: flag('`true`: only members who agreed to be contacted; `false`: only those who did not.'),
  listed: flag('`true`: only members listed in the directory; `false`: only those who are not.'),
  status: listParameter(z.enum(MEMBER_STATUSES)).openapi({
    description:
      '`pending` (address not verified yet), `awaiting-approval` (verified, waiting for HR when the `approval` setting is on), `active`, `declined`; any of them, repeat or separate with commas.',
    param: { style: 'form', explode: true },
    type: 'array',
    items: { type: 'string', enum: [...MEMBER_STATUSES] },
  }),
  intent: listParameter(z.enum(INTENT_WINDOWS)).openapi({
    description:
      'Return intent windows (any of them), relative to the current month: `open-now` (or open from a month that has come), `within-6-months`, `later`, `not-now`, `not-said`.',
    param: { style: 'form', explode: true },
    type: 'array',
    items: { type: 'string', enum: [...INTENT_WINDOWS] },
  }),
};

const leftRange = <T extends { leftFrom?: number | undefined; leftTo?: number | undefined }>(query: T) =>
  query.leftFrom === undefined || query.leftTo === undefined || query.leftFrom <= query.leftTo;

export const HrMemberQuerySchema = z
  .object({
    ...segmentFields,
    sort: z.enum(HR_SORTS).default('name').openapi({
      description:
        '`name`: by name in the order of `lang` (reading included: HR sees it); `signedUp`: newest signup first; `left`: most recent leaving month first, members without one last.',
    }),
    lang: z.enum(['ja', 'en']).default('ja').openapi({ description: 'The name order for `sort=name` (あいう順 or Latin).' }),
    cursor: z.string().max(1000).optional().openapi({ description: 'The `nextCursor` of the previous page (same sort).' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .default(HR_DEFAULT_PAGE_SIZE)
      .transform((limit) => Math.min(limit, MAX_PAGE_SIZE))
      .openapi({
        description: `Page size; more than ${MAX_PAGE_SIZE} is answered with ${MAX_PAGE_SIZE}.`,
        param: { schema: { type: 'integer', minimum: 1, default: HR_DEFAULT_PAGE_SIZE } },
      }),
  })
  .refine(leftRange, { path: ['leftTo'], message: 'out_of_range' });

export const HrExportQuerySchema = z
  .object({
    ...segmentFields,
    purpose: z.enum(EXPORT_PURPOSES).openapi({
      description:
        '`outreach`: only members who agreed to be contacted (whatever `contactable` says); `records`: every member of the segment.',
    }),
    lang: z.enum(['ja', 'en']).default('ja').openapi({ description: 'The language of the header row and of labels in cells.' }),
  })
  .refine(leftRange, { path: ['leftTo'], message: 'out_of_range' });

const nullableText = z.string().nullable();

export const HrMemberSchema = z
  .object({
    id: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    familyNameKana: nullableText,
    givenNameKana: nullableText,
    email: z.string(),
    department: nullableText.openapi({ description: 'Former department id (see `/api/v1/meta`).' }),
    departmentOther: nullableText,
    roleAtLeaving: nullableText,
    joined: z.string().regex(MONTH),
    left: z.string().regex(MONTH).nullable(),
    currentCompany: nullableText,
    currentRole: nullableText,
    location: nullableText,
    profileUrl: nullableText,
    photoUrl: nullableText,
    interests: z.array(InterestIdSchema),
    contactable: z.boolean(),
    listed: z.boolean(),
    signedUpAt: z.string().openapi({ description: 'ISO 8601 UTC.' }),
    status: z.enum(MEMBER_STATUSES).openapi({
      description:
        '`pending` until the member verified their address; then `active`, or, when the program’s `approval` setting is on, `awaiting-approval` until HR approves (`active`) or declines (`declined`). Only `active` members are ever listed in the directory.',
    }),
    returnIntent: z
      .object({
        intent: z.enum(RETURN_INTENTS).nullable(),
        from: z.string().regex(MONTH).nullable(),
        contractWork: z.boolean(),
        referrals: z.boolean(),
      })
      .openapi({ description: 'What the member said about coming back (`intent` null: nothing said).' }),
    confirmedAt: z.string().nullable().openapi({ description: 'When the member last confirmed the profile (null: at signup).' }),
    employeeNumber: nullableText.openapi({
      description: 'The employee number (社員番号) the member gave at signup, as the leaver list matches it (width-normalized, upper case); HR’s only, never in the directory. Null: none given.',
    }),
    hiddenFromDirectory: z.array(z.enum(VISIBILITY_FIELDS)).openapi({
      description: 'Fields the member hid from the directory: HR sees them (it administers with them) and shows them so marked.',
    }),
  })
  .openapi('HrMember', { description: 'Every stored field of a member, as HR administers it.' });

export const HrMemberListSchema = z
  .object({
    items: z.array(HrMemberSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('HrMemberList');

export const HrMemberDetailSchema = z
  .object({
    member: HrMemberSchema.extend({
      updatedAt: z.string(),
      decidedAt: z.string().nullable().openapi({ description: 'When HR declined the member (null: never declined).' }),
      declineReason: z.string().nullable().openapi({ description: 'HR’s note when declining (never sent to the member).' }),
    }),
    visibility: z
      .record(z.enum(VISIBILITY_FIELDS), z.enum(VISIBILITY_LEVELS))
      .openapi({ description: 'The level the member chose for each field (an unset one counts as hidden).' }),
    consents: z
      .array(z.object({ policyVersion: z.string(), contact: z.boolean(), at: z.string() }))
      .openapi({ description: 'Every consent the member gave: privacy policy version, contact consent, when. Oldest first.' }),
    audit: z
      .array(
        z.object({
          at: z.string(),
          actorRole: z.string(),
          actorSub: z.string().nullable(),
          action: z.string(),
        }),
      )
      .openapi({ description: 'The audit trail of this record, oldest first (this view included).' }),
  })
  .openapi('HrMemberDetail');

const count = z.number().int().min(0);

export const HrOverviewSchema = z
  .object({
    members: z
      .object({ total: count, active: count, pending: count, awaitingApproval: count, declined: count, listed: count, contactable: count })
      .openapi({
        description:
          'Segments: `status=active`, `status=pending`, `status=awaiting-approval`, `status=declined`, `listed=true`, `contactable=true` on `/api/v1/hr/members`.',
      }),
    approval: z.boolean().openapi({ description: 'The program’s `approval` setting: verified signups wait for HR.' }),
    returnIntent: z
      .object(Object.fromEntries(INTENT_WINDOWS.map((window) => [window, count])) as Record<(typeof INTENT_WINDOWS)[number], typeof count>)
      .openapi({ description: 'Members per return-intent window this month; the segment is `intent=<window>`.' }),
    signupsByMonth: z
      .array(z.object({ month: z.string().regex(MONTH), count }))
      .openapi({ description: 'New members per month for the last 12 months (this one included), every month present, oldest first.' }),
    returnersInProgress: z.array(
      z.object({
        id: z.string(),
        alumniId: z.string(),
        familyName: z.string(),
        givenName: z.string(),
        returnDate: z.string(),
        done: count,
        total: count,
      }),
    ),
    announcementsAwaitingApproval: count.openapi({ description: 'Welcome announcements drafted and not yet approved by their returner.' }),
  })
  .openapi('HrOverview');

const templateText = (max: number) =>
  z.strictObject({ en: z.string().trim().min(1).max(max), ja: z.string().trim().min(1).max(max) });

export const ChecklistTemplateItemSchema = z
  .strictObject({
    category: z.string().trim().min(1).max(CHECKLIST_LIMITS.categoryId).openapi({ description: 'A checklist category id.' }),
    owner: ChecklistOwnerSchema,
    dueOffsetDays: z
      .number()
      .int()
      .min(-CHECKLIST_LIMITS.maxOffsetDays)
      .max(CHECKLIST_LIMITS.maxOffsetDays)
      .openapi({ description: 'Days from the return date; negative is before the first day back.' }),
    required: z.boolean(),
    title: templateText(CHECKLIST_LIMITS.title),
    description: templateText(CHECKLIST_LIMITS.description).nullable(),
  })
  .openapi('ChecklistTemplateItem');

export const MAX_TEMPLATE_ITEMS = 100;

export const ChecklistTemplateSchema = z
  .strictObject({
    items: z.array(ChecklistTemplateItemSchema).min(1).max(MAX_TEMPLATE_ITEMS).openapi({ description: 'In order.' }),
  })
  .openapi('ChecklistTemplate', {
    description: 'The company’s re-onboarding template. A change applies to checklists generated afterwards only.',
  });

export const ChecklistTemplateConflictSchema = ProblemSchema.extend({
  current: ChecklistTemplateSchema.openapi({ description: 'The template as stored now; show it instead of overwriting.' }),
}).openapi('ChecklistTemplateConflict', { description: 'A 412 problem: someone saved the template since the version sent in If-Match.' });

// ---------------------------------------------------------------------------------------------
// Approval and the leaver list

export const HrDeclineSchema = z
  .strictObject({
    reason: z.string().trim().max(DECLINE_REASON_MAX).optional().openapi({
      description: `HR’s note (at most ${DECLINE_REASON_MAX} characters), kept with the record until it is purged; the member is never sent it.`,
    }),
  })
  .openapi('HrDecline');

const rowNumber = z.number().int().min(2).openapi({ description: 'The record’s row in the file as a spreadsheet numbers it (the header is row 1).' });

export const LeaverImportResultSchema = z
  .object({
    rows: count.openapi({ description: 'Records in the file after the header.' }),
    approved: z
      .array(z.object({ row: rowNumber, memberId: z.string(), name: z.string().openapi({ description: 'The member’s name as they signed up.' }) }))
      .openapi({ description: 'Members awaiting approval whom a row matched: approved now.' }),
    review: z
      .array(
        z.object({
          row: rowNumber,
          memberId: z.string().nullable().openapi({ description: 'The member the row points at, if one (a name-only match is a suggestion).' }),
          reason: z.enum(LEAVER_REVIEW_REASONS).openapi({
            description:
              '`no_match`: no member has the address or employee number (kept: a later signup that verifies with them is approved); `ambiguous`: the row points at more than one member; `not_awaiting_approval`: the member is pending verification (approved when they verify), already active, or declined; `invalid_row`: the row cannot be used (`detail` says why).',
          }),
          detail: z.string().optional().openapi({ description: 'Which field is wrong, the member’s status, or that only the name matched.' }),
        }),
      )
      .openapi({ description: 'Rows for HR to look at, in file order.' }),
  })
  .openapi('LeaverImportResult');
