import type { Api } from '../api/adapter.js';
import { OkaeriTransport } from '../api/transport.js';
import type { OkaeriConfig } from './types.js';

// Widgets ask for their adapter on every render; equal options must yield the same transport so
// @lit/task sees unchanged args and does not refetch. Bounded because tokens rotate.
const clients = new Map<string, OkaeriTransport>();
const maxClients = 16;

const functionIds = new WeakMap<object, number>();
let lastFunctionId = 0;

function identity(fn: object | undefined): number {
  if (!fn) return 0;
  let id = functionIds.get(fn);
  if (id === undefined) functionIds.set(fn, (id = ++lastFunctionId));
  return id;
}

function entries(record: Record<string, string | undefined> | undefined): [string, string | undefined][] {
  return Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The host's adapter when it gave one, else the shared transport for these options (widgets call
 * operations on it through `adapterMethod`, so no widget ships the whole `OkaeriClient`).
 */
export function adapterFor(config: OkaeriConfig): Api {
  if (config.adapter) return config.adapter;
  const { baseUrl, token, getToken, headers, credentials, timeout, paths, fetch } = config;
  const key = JSON.stringify([
    baseUrl,
    token,
    credentials,
    timeout,
    entries(headers),
    entries(paths),
    identity(getToken),
    identity(fetch),
  ]);
  let client = clients.get(key);
  if (!client) {
    client = new OkaeriTransport({ baseUrl, token, getToken, headers, credentials, timeout, paths, fetch });
    clients.set(key, client);
    if (clients.size > maxClients) clients.delete(clients.keys().next().value!);
  }
  return client;
}
