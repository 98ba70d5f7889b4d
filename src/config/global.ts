import { overlay } from './overlay.js';
import type { OkaeriConfig } from './types.js';

interface GlobalStore {
  config: OkaeriConfig;
  listeners: Set<() => void>;
}

// Kept on globalThis under a registered symbol so that two copies of the library on one page
// (micro-frontends, a CDN copy beside a bundled one) share one page-wide configuration.
const key = Symbol.for('okaeri-global-config');
const slot = globalThis as unknown as Record<symbol, GlobalStore | undefined>;
const store: GlobalStore = (slot[key] ??= { config: {}, listeners: new Set() });

/**
 * Sets page-wide configuration for every Okaeri widget, merged into what was set before.
 * A key given as `undefined` is removed (e.g. `configure({ token: undefined })` on sign-out).
 * Connected widgets update at once.
 */
export function configure(partial: OkaeriConfig): void {
  const next: Record<string, unknown> = { ...overlay(store.config, partial) };
  for (const [name, value] of Object.entries(partial)) {
    if (value === undefined) delete next[name];
  }
  store.config = next as OkaeriConfig;
  for (const listener of store.listeners) listener();
}

export function globalConfig(): OkaeriConfig {
  return store.config;
}

/** Calls `listener` after every `configure()`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}
