/**
 * The public entry. Importing it also registers <okaeri-config>; each widget registers itself
 * from its own module.
 */
import '../components/config/config.js';

export { OkaeriClient } from './api/client.js';
export type { ApiResponse, HttpMethod, OkaeriClientOptions, RequestOptions } from './api/client.js';
export { OkaeriApiError } from './api/errors.js';
export type { ApiErrorKind, FieldErrors } from './api/errors.js';
export type { CallOptions, OkaeriAdapter } from './api/adapter.js';
export { endpoints } from './api/endpoints.js';
export type { EndpointName } from './api/endpoints.js';
export type {
  Department,
  FieldErrorCode,
  Health,
  InterestId,
  InterestOption,
  LocalizedText,
  Locale,
  Meta,
  PrivacyPolicy,
  Problem,
} from './api/types.js';
export { configure } from './config/global.js';
export { configContext } from './config/context.js';
export type { OkaeriConfig, Theme } from './config/types.js';
export { OkaeriConfigElement } from '../components/config/config.component.js';
export { formatPersonName } from './i18n/names.js';
export type { PersonName } from './i18n/names.js';
export type { Lang } from './i18n/catalogs.js';
export type { MessageKey, Messages } from './i18n/en.js';
export { OkaeriEvent } from './events/okaeri-event.js';
