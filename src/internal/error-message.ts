import { AdapterMethodMissingError } from '../api/adapter.js';
import { OkaeriApiError } from '../api/errors.js';
import type { FieldErrorCode } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';

/** The message a person should read for a failed call: what happened and what they can do. */
export function errorMessageKey(error: unknown): MessageKey {
  if (error instanceof AdapterMethodMissingError) return 'error.unsupported';
  if (!(error instanceof OkaeriApiError)) return 'error.generic';
  if (error.kind === 'network') return 'error.network';
  if (error.kind === 'timeout') return 'error.timeout';
  switch (error.status) {
    case 401:
      return 'error.unauthorized';
    case 403:
      return 'error.forbidden';
    case 404:
      return 'error.notFound';
  }
  return (error.status ?? 0) >= 500 ? 'error.server' : 'error.generic';
}

// Every contract code (tsc demands each one here, and a catalog entry for its message).
const knownCodes: Record<FieldErrorCode, true> = {
  required: true,
  too_long: true,
  too_short: true,
  invalid: true,
  invalid_email: true,
  invalid_url: true,
  invalid_choice: true,
  invalid_date: true,
  out_of_range: true,
  unknown_field: true,
};

/**
 * The message for a server field-error code; a newer server's code this build doesn't know reads
 * as `validation.invalid`.
 */
export function fieldErrorKey(code: FieldErrorCode): MessageKey {
  const key: MessageKey = `validation.${code}`;
  return Object.hasOwn(knownCodes, code) ? key : 'validation.invalid';
}

/** Whether trying the same thing again could work: not for a missing adapter method or a 403. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof AdapterMethodMissingError) return false;
  return !(error instanceof OkaeriApiError && error.kind === 'http' && (error.status === 403 || error.status === 404 || error.status === 422 || error.status === 400));
}
