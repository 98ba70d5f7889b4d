import { AdapterMethodMissingError } from '../api/adapter.js';
import { OkaeriApiError } from '../api/errors.js';
import type { FieldErrorCode } from '../api/types.js';
import { en } from '../i18n/en.js';
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

/**
 * The message for a server field-error code. The type makes tsc demand a catalog entry for every
 * contract code; the runtime check covers a newer server sending a code this build doesn't know.
 */
export function fieldErrorKey(code: FieldErrorCode): MessageKey {
  const key: MessageKey = `validation.${code}`;
  return key in en ? key : 'validation.invalid';
}

/** Whether trying the same thing again could work: not for a missing adapter method or a 403. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof AdapterMethodMissingError) return false;
  return !(error instanceof OkaeriApiError && error.kind === 'http' && (error.status === 403 || error.status === 404 || error.status === 422 || error.status === 400));
}
