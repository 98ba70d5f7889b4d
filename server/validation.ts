import { z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './context.js';
import { ProblemError } from './problem.js';
import { FIELD_ERROR_CODES, type FieldErrorCode } from './schemas/problem.js';

const KNOWN_CODES: ReadonlySet<string> = new Set(FIELD_ERROR_CODES);
const DATE_FORMATS: ReadonlySet<string> = new Set(['date', 'datetime', 'time', 'duration']);
const LENGTH_ORIGINS: ReadonlySet<string> = new Set(['string', 'array', 'set', 'file']);

/**
 * zod reports a missing field and a wrongly typed one with the same issue code; only an error map
 * sees the raw input that tells them apart. So the codes are produced as zod's messages, for the
 * whole process. A schema can still name its code itself (`{ error: 'invalid_date' }`), which zod
 * prefers over this map.
 */
export function useFieldErrorCodesAsZodMessages(): void {
  z.config({ customError: fieldErrorCode });
}

function fieldErrorCode(issue: z.core.$ZodRawIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    case 'too_small':
      if (!LENGTH_ORIGINS.has(issue.origin)) return 'out_of_range';
      return isEmpty(issue.input) ? 'required' : 'too_short';
    case 'too_big':
      return LENGTH_ORIGINS.has(issue.origin) ? 'too_long' : 'out_of_range';
    case 'invalid_format':
      if (issue.format === 'email') return 'invalid_email';
      if (issue.format === 'url') return 'invalid_url';
      return DATE_FORMATS.has(issue.format) ? 'invalid_date' : 'invalid';
    case 'invalid_value':
      return 'invalid_choice';
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return 'invalid';
  }
}

// An empty string or list where at least one character or item is needed reads to a person as a
// field left blank.
function isEmpty(input: unknown): boolean {
  return input === '' || (Array.isArray(input) && input.length === 0);
}

/**
 * Field path (dotted) → code, first problem per field. Problems with the body as a whole (not an
 * object at all) have no field to point at and are left to the problem's `detail`.
 */
export function fieldErrors(error: z.ZodError): Record<string, FieldErrorCode> {
  const errors: Record<string, FieldErrorCode> = {};
  const add = (path: readonly PropertyKey[], code: FieldErrorCode) => {
    const field = path.map(String).join('.');
    if (field && !(field in errors)) errors[field] = code;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'unknown_field');
    } else {
      add(issue.path, KNOWN_CODES.has(issue.message) ? (issue.message as FieldErrorCode) : 'invalid');
    }
  }
  return errors;
}

const TARGET_NAMES: Record<string, string> = {
  json: 'request body',
  query: 'query string',
  param: 'path',
  header: 'headers',
  cookie: 'cookies',
  form: 'form',
};

/** Every OpenAPIHono router's `defaultHook`: a failed validation becomes a 400 problem. */
export const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) return;
  const errors = fieldErrors(result.error);
  const fields = Object.keys(errors);
  const where = TARGET_NAMES[result.target] ?? result.target;
  const detail = fields.length
    ? `The ${where} has invalid fields: ${fields.join(', ')}.`
    : `The ${where} does not have the expected shape.`;
  throw new ProblemError('validation', detail, { errors });
};

// entity-tag = [ weak ] opaque-tag; opaque-tag = DQUOTE *etagc DQUOTE (RFC 9110 §8.8.3).
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/**
 * The entity tags an `If-Match` header (RFC 9110 §13.1.1) may match: `'*'` (any current
 * representation), or the strong tags it lists. If-Match uses the strong comparison, so a weak tag
 * (`W/"3"`) can never match and is left out; a header that is not a list of entity tags matches
 * nothing (an empty list), which the route answers with 412 like any stale version.
 */
export function ifMatchTags(header: string): '*' | string[] {
  const trimmed = header.trim();
  if (trimmed === '*') return '*';
  const tags = trimmed.split(',').map((part) => part.trim()).filter(Boolean);
  if (tags.length === 0 || !tags.every((tag) => ENTITY_TAG.test(tag))) return [];
  return tags.filter((tag) => !tag.startsWith('W/'));
}
