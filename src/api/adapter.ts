import type { Meta } from './types.js';

export interface CallOptions {
  /** Aborts the call; pass @lit/task's signal so superseded requests are cancelled. */
  signal?: AbortSignal;
}

/**
 * What the widgets need from a backend. `OkaeriClient` implements it against the Okaeri REST
 * contract; a host whose backend differs implements it itself and passes it as `adapter`.
 * Methods reject with `OkaeriApiError` for failures and with the signal's AbortError on abort.
 */
export interface OkaeriAdapter {
  getMeta(options?: CallOptions): Promise<Meta>;
}
