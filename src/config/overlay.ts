import type { OkaeriConfig } from './types.js';

/**
 * Lays `top` over `base`. Undefined keys in `top` let `base` show through (an unset attribute is
 * not a choice). Header, path and message maps merge key by key, so an inner provider can add one
 * header without repeating the outer ones.
 */
export function overlay(base: OkaeriConfig, top: OkaeriConfig): OkaeriConfig {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(top)) {
    if (value !== undefined) result[key] = value;
  }
  const merged = result as OkaeriConfig;
  if (base.headers && top.headers) merged.headers = { ...base.headers, ...top.headers };
  if (base.paths && top.paths) merged.paths = { ...base.paths, ...top.paths };
  if (base.messages && top.messages) {
    merged.messages = {
      en: { ...base.messages.en, ...top.messages.en },
      ja: { ...base.messages.ja, ...top.messages.ja },
    };
  }
  return merged;
}
