import { OkaeriApiError } from '../api/errors.js';
import type { FieldErrorCode } from '../api/types.js';
import { en, type MessageKey } from '../i18n/en.js';

/** The message a person should read for a failed call: what happened and what they can do. */
export function errorMessageKey(error: unknown): MessageKey {
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
