import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OkaeriApiError } from '../api/errors.js';
import type { LocalizeController } from '../i18n/localize.js';
import { errorMessageKey } from './error-message.js';

/** JSON with object keys sorted, so two equal bodies give the same text whatever their key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, each: unknown) =>
    each && typeof each === 'object' && !Array.isArray(each)
      ? Object.fromEntries(Object.entries(each as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : each,
  );
}

/**
 * Whether the server gave a final answer to this body, so the same body sent again is a new
 * request (and needs a new key). Lost answers (network, timeout), 5xx, 408, 409 (the first attempt
 * is still running) and 429 are not final: the retry must carry the same key, so a write that did
 * happen is replayed instead of applied twice.
 */
function isFinal(error: unknown): boolean {
  if (!(error instanceof OkaeriApiError) || error.kind !== 'http') return false;
  const status = error.status ?? 0;
  return status < 500 && ![408, 409, 425, 429].includes(status);
}

/**
 * Where the keys live: memory by default; a widget whose retries may span a reload (the signup
 * form's draft) keeps them in its own storage. `slot` names one body of one write.
 */
export interface KeyStore {
  get(slot: string): string | undefined;
  set(slot: string, key: string): void;
  delete(slot: string): void;
}

export interface MutationOptions<R> {
  /** What is being changed (an item id, `add`); in `pending` while the write is in flight. */
  id: string;
  /**
   * The request body, for a write that takes an `Idempotency-Key`: one key per distinct body
   * (and `id`), reused by every attempt until the server gives a final answer.
   */
  body?: unknown;
  /** The optimistic change, applied at once. */
  apply?: () => void;
  /** Undoes `apply` when the write fails (not when the widget was removed meanwhile). */
  rollback?: (error: unknown) => void;
  /** The write itself; pass both options to the adapter call. */
  send: (options: { signal: AbortSignal; idempotencyKey?: string }) => Promise<R>;
}

export type MutationResult<R> =
  | { ok: true; value: R }
  /** `reason`: the localized "what happened and what to do" for the failure. */
  | { ok: false; error: unknown; reason: string; aborted: boolean };

/**
 * The one way a widget writes: optimistic apply, an `AbortSignal` (aborted on disconnect), the
 * ids in flight (`pending`, for aria-busy and disabled controls), rollback with a localized reason,
 * and one Idempotency-Key per request body so a retry after a timeout cannot create a second item.
 */
export class Mutations implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly localize: LocalizeController;
  private readonly keys: KeyStore;
  private readonly controllers = new Set<AbortController>();
  /** Ids with a write in flight; a new Set on every change so Lit sees it. */
  pending: ReadonlySet<string> = new Set();

  constructor(host: ReactiveControllerHost, localize: LocalizeController, keys: KeyStore = new Map<string, string>()) {
    this.host = host;
    this.localize = localize;
    this.keys = keys;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const controller of this.controllers) controller.abort();
  }

  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  /** The key for this body: the same until the server answers it finally. */
  idempotencyKey(id: string, body: unknown): string {
    const slot = `${id}\n${stableJson(body)}`;
    let key = this.keys.get(slot);
    if (!key) this.keys.set(slot, (key = crypto.randomUUID()));
    return key;
  }

  async run<R>({ id, body, apply, rollback, send }: MutationOptions<R>): Promise<MutationResult<R>> {
    const controller = new AbortController();
    const slot = body === undefined ? undefined : `${id}\n${stableJson(body)}`;
    const idempotencyKey = body === undefined ? undefined : this.idempotencyKey(id, body);
    this.controllers.add(controller);
    this.setPending(id, true);
    apply?.();
    try {
      const value = await send({ signal: controller.signal, idempotencyKey });
      if (slot) this.keys.delete(slot);
      return { ok: true, value };
    } catch (error) {
      const aborted = controller.signal.aborted;
      if (slot && isFinal(error)) this.keys.delete(slot);
      if (!aborted) rollback?.(error);
      return { ok: false, error, aborted, reason: this.localize.msg(errorMessageKey(error)) };
    } finally {
      this.controllers.delete(controller);
      this.setPending(id, false);
    }
  }

  private setPending(id: string, on: boolean): void {
    const next = new Set(this.pending);
    if (on) next.add(id);
    else next.delete(id);
    this.pending = next;
    this.host.requestUpdate();
  }
}
