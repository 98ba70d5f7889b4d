import { ProblemError } from '../problem.js';

/**
 * The one cursor codec of every paged list (directory, returners, announcements): a cursor is
 * the last item's position — a tuple of strings — as base64url of its JSON, opaque to clients.
 * The data layer works with positions; only routes see cursor text.
 */
export function encodeCursor(position: readonly string[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The position in `cursor` if it is one this server could have issued (`arity` strings), else
 * null. Strict on purpose: no padding, no characters outside base64url, nothing but a string
 * tuple, so a mangled cursor is reported instead of silently paging from somewhere else.
 */
export function decodeCursor(cursor: string, arity: number): string[] | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== arity || !value.every((part) => typeof part === 'string')) return null;
  return value as string[];
}

/** For routes: the decoded position, or the 400 problem every list answers for a bad cursor. */
export function cursorParam(cursor: string | undefined, arity: number): string[] | null {
  if (cursor === undefined) return null;
  const position = decodeCursor(cursor, arity);
  if (!position) {
    throw new ProblemError('validation', 'The cursor is not one this server issued.', { errors: { cursor: 'invalid' } });
  }
  return position;
}
