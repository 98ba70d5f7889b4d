import type { Meta, SignupReceipt, SignupRequest } from './types.js';

export interface CallOptions {
  /** Aborts the call; pass @lit/task's signal so superseded requests are cancelled. */
  signal?: AbortSignal;
}

export interface WriteOptions extends CallOptions {
  /** Makes the write safe to retry: the server applies one key once and replays its answer. */
  idempotencyKey?: string;
  /** Extra request headers, e.g. a captcha token from a host's `beforeSubmit` hook. */
  headers?: Record<string, string>;
}

/**
 * What the widgets need from a backend. `OkaeriClient` implements it against the Okaeri REST
 * contract; a host whose backend differs implements it itself and passes it as `adapter`.
 * Methods reject with `OkaeriApiError` for failures and with the signal's AbortError on abort.
 */
export interface OkaeriAdapter {
  getMeta(options?: CallOptions): Promise<Meta>;
  /**
   * `POST /api/v1/alumni`: a leaver joins the network (used by `<okaeri-signup-form>`). Optional so
   * an adapter for a backend without signup need not implement it.
   */
  createAlumnus?(body: SignupRequest, options?: WriteOptions): Promise<SignupReceipt>;
}
