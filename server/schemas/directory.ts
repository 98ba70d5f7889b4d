import { z } from '@hono/zod-openapi';
import { MAX_QUERY_WORDS, MAX_QUERY_WORD_LENGTH, searchWords } from '../domain/search-text.js';
import { RETURN_INTENTS } from '../domain/membership.js';
import { DIRECTORY_INTENT_WINDOWS } from '../domain/hr-members.js';
import { InterestIdSchema } from './meta.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** At most this many values per list filter, after splitting commas; each at most FILTER_VALUE_MAX characters. */
export const MAX_FILTER_VALUES = 20;
export const FILTER_VALUE_MAX = 64;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const shown = (what: string) =>
  `${what} Present only if the member made it visible to the viewer's role and it has a value.`;

export const MemberSchema = z
  .object({
    id: z.string().openapi({ example: 'al_8nccqqt1k9skzn93' }),
    familyName: z.string().openapi({ example: '伊藤' }),
    givenName: z.string().openapi({ example: '健太' }),
    familyNameKana: z.string().optional().openapi({ description: shown('Reading in hiragana.'), example: 'いとう' }),
    givenNameKana: z.string().optional().openapi({ description: shown('Reading in hiragana.'), example: 'けんた' }),
    email: z.string().optional().openapi({ description: shown('E-mail address.') }),
    department: z
      .string()
      .optional()
      .openapi({ description: shown('Former department id (see `/api/v1/meta`).'), example: 'sales' }),
    departmentOther: z
      .string()
      .optional()
      .openapi({ description: shown('Former department, when not one of the listed ones.') }),
    roleAtLeaving: z.string().optional().openapi({ description: shown('Role when leaving.') }),
    joined: z.string().regex(MONTH).optional().openapi({ description: shown('YYYY-MM.'), example: '2014-04' }),
    left: z.string().regex(MONTH).optional().openapi({ description: shown('YYYY-MM.'), example: '2019-03' }),
    currentCompany: z.string().optional().openapi({ description: shown('Where the member works now.') }),
    currentRole: z.string().optional().openapi({ description: shown('What the member does now.') }),
    location: z.string().optional().openapi({ description: shown('Where the member lives or works.') }),
    profileUrl: z.string().optional().openapi({ description: shown('A public profile page.') }),
    photoUrl: z
      .string()
      .optional()
      .openapi({ description: 'Shown with the name to every role allowed into the directory, when set.' }),
    interests: z.array(InterestIdSchema).optional().openapi({ description: shown('Why the member joined.') }),
    returnIntent: z
      .object({
        intent: z.enum(RETURN_INTENTS).optional().openapi({ description: '`open-now`, `open-from` (from the month `from`) or `not-now`; absent: not said.' }),
        from: z.string().regex(MONTH).optional().openapi({ description: 'YYYY-MM, with `open-from` only.', example: '2027-04' }),
        contractWork: z.boolean().openapi({ description: 'Open to contract or project work (業務委託).' }),
        referrals: z.boolean().openapi({ description: 'Open to referrals.' }),
      })
      .optional()
      .openapi({
        description:
          'Whether the member would consider returning. Present only if the member made it visible to the viewer’s role (its own level, `hr` by default) and said anything.',
      }),
    contactable: z.boolean().openapi({
      description:
        'The member agreed to be contacted through the program; the host delivers the message, never revealing a hidden address.',
    }),
  })
  .openapi('Member', {
    description:
      'A directory entry as the viewer may see it: fields the member hid from the viewer are absent, not null.',
  });

export const MemberListSchema = z
  .object({
    items: z.array(MemberSchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('MemberList');

/** A repeated parameter (`?department=a&department=b`), a comma list (`?department=a,b`), or both. */
export function listParameter<T extends z.ZodType<string>>(item: T) {
  return z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value])
        .flatMap((part) => String(part).split(','))
        .map((part) => part.trim())
        .filter(Boolean),
    z.array(item).max(MAX_FILTER_VALUES),
  );
}

export function yearParameter(description: string) {
  return z.coerce
    .number()
    .int()
    .min(MIN_YEAR)
    .max(MAX_YEAR)
    .optional()
    .openapi({ description, example: 2019, param: { schema: { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR } } });
}

export const DirectoryQuerySchema = z
  .object({
    q: z
      .string()
      .max(200)
      // Every word must match, so a word the search would drop must be refused, not ignored.
      .refine((q) => new Set(searchWords(q)).size <= MAX_QUERY_WORDS, { error: 'too_long' })
      .optional()
      .openapi({
        description: `Words that must all appear (as substrings) in the name (written, reading or latin), current company, current role or former department (English or Japanese) — only in fields the viewer may see. Width, case and katakana/hiragana are ignored. At most ${MAX_QUERY_WORDS} distinct words (more: 400 with \`q: too_long\`); only the first ${MAX_QUERY_WORD_LENGTH} characters of a word are compared.`,
        example: 'さとう',
      }),
    department: listParameter(z.string().min(1).max(FILTER_VALUE_MAX)).openapi({
      description: `Former department ids; repeat the parameter or separate with commas. A member matches any of them, and only if the viewer may see their department. At most ${MAX_FILTER_VALUES} values of at most ${FILTER_VALUE_MAX} characters.`,
      param: { style: 'form', explode: true },
      type: 'array',
      maxItems: MAX_FILTER_VALUES,
      items: { type: 'string', minLength: 1, maxLength: FILTER_VALUE_MAX },
      example: ['engineering', 'sales'],
    }),
    interest: listParameter(InterestIdSchema).openapi({
      description: `Interests; repeat the parameter or separate with commas. A member matches if they have any of them (and the viewer may see their interests). At most ${MAX_FILTER_VALUES} values.`,
      param: { style: 'form', explode: true },
      type: 'array',
      maxItems: MAX_FILTER_VALUES,
      items: { $ref: '#/components/schemas/InterestId' },
    }),
    location: z.string().max(100).optional().openapi({
      description: 'Part of the location, ignoring width, case and kana; only where the viewer may see it.',
      example: '東京',
    }),
    leftFrom: yearParameter('Left in this year or later (inclusive); only where the viewer may see it.'),
    leftTo: yearParameter('Left in this year or earlier (inclusive); only where the viewer may see it.'),
    intent: listParameter(z.enum(DIRECTORY_INTENT_WINDOWS)).openapi({
      description:
        'Open to returning, in any of these windows relative to the current month (the HR console’s `intent` windows): `open-now` (open now, or from a month that has come), `within-6-months` (from one of the next 6 months), `later` (from a month after that). Repeat the parameter or separate with commas. Only where the member made the return intent visible to the viewer’s role: an intent hidden from the viewer never matches.',
      param: { style: 'form', explode: true },
      type: 'array',
      items: { type: 'string', enum: [...DIRECTORY_INTENT_WINDOWS] },
      example: ['open-now', 'within-6-months'],
    }),
    lang: z.enum(['ja', 'en']).default('ja').openapi({
      description:
        'The order of the list: `ja` by reading (あいう順, the furigana) with names in Latin letters after them; `en` by family name in Latin order, Japanese names by their romanized reading. A reading the viewer may not see is never used: such names sort by their written form. A cursor continues only the order it came from.',
      example: 'ja',
    }),
    cursor: z.string().max(1000).optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_PAGE_SIZE)
      .transform((limit) => Math.min(limit, MAX_PAGE_SIZE))
      .openapi({
        description: `Page size; more than ${MAX_PAGE_SIZE} is answered with ${MAX_PAGE_SIZE}.`,
        example: DEFAULT_PAGE_SIZE,
        param: { schema: { type: 'integer', minimum: 1, default: DEFAULT_PAGE_SIZE } },
      }),
  })
  .refine((query) => query.leftFrom === undefined || query.leftTo === undefined || query.leftFrom <= query.leftTo, {
    path: ['leftTo'],
    message: 'out_of_range',
  });

export const MemberIdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'al_8nccqqt1k9skzn93' }),
});

export type Member = z.infer<typeof MemberSchema>;
export type MemberList = z.infer<typeof MemberListSchema>;
