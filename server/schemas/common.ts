import { z } from '@hono/zod-openapi';

/**
 * Single-line text: no line breaks, tabs or other control characters (C0, DEL, C1, i.e. Unicode
 * `Cc`). Written as explicit ranges without regex flags, so `source` is the same pattern for zod,
 * for JSON Schema 2020-12 validators (which read patterns in ECMA-262 `u` mode) and for the
 * OpenAPI document: a `/u` flag or `\p{…}` class here once leaked into the document as text.
 */
export const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;

/**
 * The document's pattern for an http(s) address: what a client can check before sending. The
 * server additionally parses it (`new URL`) and requires a host; this is the part JSON Schema can say.
 */
export const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*$';

/** 1–255 printable ASCII characters, as the idempotency middleware enforces (400 otherwise). */
export const IDEMPOTENCY_KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

/** Marks the stored response a keyed write answers again (server/middleware/idempotency.ts). */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * The response headers a client acts on, as OpenAPI header objects, one definition each; the
 * conformance test checks every one the server sends is documented and every required one sent.
 */
export const responseHeaders = {
  etag: (description: string) => ({ ETag: { description, required: true, schema: { type: 'string' as const } } }),
  location: (description: string) => ({ Location: { description, required: true, schema: { type: 'string' as const } } }),
  /** On the success answer of every write that takes an `Idempotency-Key`. */
  replayed: {
    [IDEMPOTENT_REPLAYED_HEADER]: {
      description: 'Present (`true`) when this is the stored response to an earlier request with the same key.',
      schema: { type: 'string' as const, enum: ['true'] },
    },
  },
};

/** The `Idempotency-Key` request header of every keyed write. */
export const IdempotencyKeyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_FORMAT)
    .optional()
    .openapi({
      description:
        'A unique value per intended write (e.g. a UUID kept with the draft): 1–255 printable ASCII characters, else 400. A retry with the same key and body answers the first response again (`Idempotent-Replayed: true`); the same key with another body answers 422; while the first request with the key is still running, 409 with `Retry-After`.',
      example: '5f0c7a52-2f5e-4a8e-9d1b-6c0a3f7e9b21',
    }),
});
