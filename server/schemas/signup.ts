import { z } from '@hono/zod-openapi';
import { INTEREST_IDS } from '../domain/interests.js';
import {
  VISIBILITY_FIELDS,
  VISIBILITY_LEVELS,
  type VisibilityField,
} from '../domain/visibility.js';
import { LEAVER_LIMITS, normalizeEmployeeNumber } from '../domain/hr-leavers.js';
import { HTTP_URL_PATTERN, SINGLE_LINE } from './common.js';
import { InterestIdSchema } from './meta.js';

/** Longest accepted value per field, in UTF-16 code units; the form uses the same numbers. */
export const SIGNUP_LIMITS = {
  name: 50,
  kana: 50,
  email: 254,
  department: 100,
  departmentOther: 100,
  text: 100,
  profileUrl: 500,
  privacyPolicyVersion: 40,
  website: 500,
  /** As HR's leaver list holds it (LEAVER_LIMITS.employeeNumber): a signup's number must fit to match. */
  employeeNumber: LEAVER_LIMITS.employeeNumber,
} as const;

/** The earliest month a tenure may start in. */
export const EARLIEST_MONTH = '1900-01';

const MONTH_FORMAT = /^\d{4}-(0[1-9]|1[0-2])$/;
// Hiragana, katakana (with ヴ, small kana, iteration marks and the middle dot of foreign names),
// the long-vowel mark, and ASCII or ideographic spaces.
const KANA_FORMAT = /^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fb\u30fc-\u30fe\u3000 ]*$/;
// What a client may send: the same, plus half-width katakana (U+FF65–U+FF9F, with its voiced
// marks and middle dot), which NFKC turns into the full-width kana the stored pattern checks.
const KANA_INPUT_PATTERN = '^[\\u3041-\\u3096\\u309d\\u309e\\u30a1-\\u30fa\\u30fb\\u30fc-\\u30fe\\u3000\\uff65-\\uff9f ]*$';

/**
 * The latest month anyone on Earth can be in right now: the month at UTC+14, so that someone in
 * Tokyo on the 1st is not refused their own month while it is still the 31st in London.
 */
export function latestMonth(now: number = Date.now()): string {
  return new Date(now + 14 * 60 * 60 * 1000).toISOString().slice(0, 7);
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_FORMAT.test(value);
}

const requiredText = (max: number) =>
  z.string().trim().min(1).max(max).regex(SINGLE_LINE, { error: 'invalid' });

/** Optional text: absent, or an empty string, means not given. */
const optionalText = (max: number) =>
  z.string().trim().max(max).regex(SINGLE_LINE, { error: 'invalid' }).optional();

const kana = () =>
  z
    .string()
    .trim()
    // Half-width katakana (ｽｽﾞｷ, common on older PCs) becomes full width (スズキ) before the check.
    .overwrite((text) => text.normalize('NFKC'))
    .max(SIGNUP_LIMITS.kana)
    .regex(KANA_FORMAT, { error: 'invalid' })
    .optional()
    .openapi({
      description: 'Furigana: hiragana or katakana (and spaces) only; half-width katakana is stored as full width.',
      example: 'やまだ',
      pattern: KANA_INPUT_PATTERN,
    });

const month = (description: string, example: string) =>
  z
    .string()
    .regex(MONTH_FORMAT, { error: 'invalid_date' })
    .refine((value) => !isMonth(value) || (value >= EARLIEST_MONTH && value <= latestMonth()), {
      error: 'out_of_range',
    })
    .openapi({ description, example, pattern: MONTH_FORMAT.source });

function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const VisibilityLevelSchema = z.enum(VISIBILITY_LEVELS).openapi('VisibilityLevel', {
  description: '`alumni`: alumni, employees and HR; `hr`: the alumni-program team only; `hidden`: nobody.',
});

export const VisibilityChoicesSchema = z
  .strictObject(
    Object.fromEntries(VISIBILITY_FIELDS.map((field) => [field, VisibilityLevelSchema.optional()])) as {
      [Field in VisibilityField]: z.ZodOptional<typeof VisibilityLevelSchema>;
    },
  )
  .openapi('VisibilityChoices', {
    description: 'Who may see each optional field in the directory. A field left out is stored as `hidden`.',
    example: { email: 'hr', currentCompany: 'alumni', location: 'hidden' },
  });

/**
 * The department rule as JSON Schema 2020-12: with a non-blank `department`, `departmentOther` is
 * blank or absent; without one, `departmentOther` is non-blank. if/then/else rather than oneOf,
 * because generated types ignore it instead of turning the request into a union. (The metadata
 * type is OpenAPI 3.0's, which lacks these keywords; the 3.1 document carries them.)
 */
const EXACTLY_ONE_DEPARTMENT = {
  if: { required: ['department'], properties: { department: { pattern: '\\S' } } },
  then: { properties: { departmentOther: { pattern: '^\\s*$' } } },
  else: { required: ['departmentOther'], properties: { departmentOther: { pattern: '\\S' } } },
};

export const SignupSchema = z
  .strictObject({
    familyName: requiredText(SIGNUP_LIMITS.name).openapi({ example: '山田' }),
    givenName: requiredText(SIGNUP_LIMITS.name).openapi({ example: '花子' }),
    familyNameKana: kana(),
    givenNameKana: kana(),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(SIGNUP_LIMITS.email)
      .check(z.email())
      .openapi({
        format: 'email',
        description: 'A personal address (the company one expires). Stored in lower case.',
        example: 'hanako.yamada@example.com',
      }),
    department: optionalText(SIGNUP_LIMITS.department).openapi({
      description: 'A department id from `GET /api/v1/meta`. Exactly one of `department` and `departmentOther`.',
      example: 'engineering',
    }),
    departmentOther: optionalText(SIGNUP_LIMITS.departmentOther).openapi({
      description: 'The former department in free text, when it is not in the list.',
    }),
    roleAtLeaving: optionalText(SIGNUP_LIMITS.text),
    employeeNumber: z
      .string()
      .regex(SINGLE_LINE, { error: 'invalid' })
      // Full-width digits and letters (０１２３, ＡＢ) as half width, upper case: as the leaver list is matched.
      .overwrite(normalizeEmployeeNumber)
      .max(SIGNUP_LIMITS.employeeNumber)
      .optional()
      .openapi({
        description:
          'The employee number (社員番号) the person had, if they remember it. For the alumni-program team only: never in the directory, never shown to other alumni or employees. HR’s leaver list is matched on it (and on the address) when approval is on. Stored as the leaver list compares it: width-normalized (NFKC), trimmed, upper case; empty means not given.',
        example: 'E-102938',
      }),
    joined: month('The month the person joined (YYYY-MM, from 1900-01); not in the future.', '2015-04'),
    left: month('The month the person left (YYYY-MM); not before `joined`, not in the future.', '2022-03'),
    currentCompany: optionalText(SIGNUP_LIMITS.text),
    currentRole: optionalText(SIGNUP_LIMITS.text),
    location: optionalText(SIGNUP_LIMITS.text),
    profileUrl: z
      .string()
      .trim()
      .max(SIGNUP_LIMITS.profileUrl)
      .refine((value) => value === '' || isHttpUrl(value), { error: 'invalid_url' })
      .optional()
      .openapi({
        format: 'uri',
        pattern: `^$|${HTTP_URL_PATTERN}`,
        description: 'An http or https address with a host (other schemes are `invalid_url`); empty means none.',
        example: 'https://example.com/hanako',
      }),
    interests: z
      .array(InterestIdSchema)
      .min(1)
      .max(INTEREST_IDS.length)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'invalid' })
      .openapi({ description: 'Why the person joins; at least one, each at most once.' }),
    directory: z
      .strictObject({
        listed: z.boolean().openapi({ description: 'Whether the person appears in the directory at all.' }),
        visibility: VisibilityChoicesSchema,
      })
      .openapi('SignupDirectory'),
    consent: z
      .strictObject({
        privacyPolicyVersion: z.string().trim().min(1).max(SIGNUP_LIMITS.privacyPolicyVersion).openapi({
          description:
            'The version of the privacy policy the person accepted: must be the current one from `GET /api/v1/meta` (else `invalid_choice`, and the form asks again).',
          example: '2025-04-01',
        }),
        contact: z.boolean().openapi({ description: 'Separate, optional consent to be contacted about opportunities.' }),
      })
      .openapi('SignupConsent'),
    website: z.string().max(SIGNUP_LIMITS.website).optional().openapi({
      description: 'Honeypot: must be empty; bots fill it. A request with a value is answered like any other and stored nowhere.',
    }),
  })
  // Cross-field rules, run even when other fields failed so that one answer lists every problem.
  .superRefine(
    (value, context) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      const input = value as Record<string, unknown>;
      const given = (field: string) => typeof input[field] === 'string' && (input[field] as string).trim() !== '';
      if (!given('department') && !given('departmentOther')) {
        context.addIssue({ code: 'custom', path: ['department'], message: 'required' });
      } else if (given('department') && given('departmentOther')) {
        context.addIssue({ code: 'custom', path: ['departmentOther'], message: 'invalid' });
      }
      if (isMonth(input.joined) && isMonth(input.left) && input.left < input.joined) {
        context.addIssue({ code: 'custom', path: ['left'], message: 'out_of_range' });
      }
    },
    { when: () => true },
  )
  .openapi('SignupRequest', {
    description:
      'A former employee joins the alumni network. Strings are trimmed; an empty optional string counts as not given. Exactly one of `department` and `departmentOther` is given (neither: `department` is `required`; both: `departmentOther` is `invalid`).',
    ...EXACTLY_ONE_DEPARTMENT,
  });

export type SignupRequest = z.infer<typeof SignupSchema>;

export const SignupReceiptSchema = z
  .object({
    id: z.string().openapi({ example: 'al_7k2m9q4x8c1v5b3n' }),
    receivedAt: z.iso.datetime().openapi({ example: '2025-04-01T09:30:00.000Z' }),
  })
  .openapi('SignupReceipt', {
    description:
      'The same answer whether the address was new or already registered, so a stranger cannot learn who is a member.',
  });

export type SignupReceipt = z.infer<typeof SignupReceiptSchema>;
