import { createHash } from 'node:crypto';

/** What kind of record an id names, visible in logs and URLs. */
export type IdPrefix = 'al' | 'cn' | 'em' | 'rt' | 'ci' | 'oc' | 'an';

// Crockford's base32 in lower case: no i, l, o or u to misread when an id is read aloud or typed.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_LENGTH = 16; // 80 bits: collisions stay out of reach at any realistic number of records

/** `<prefix>_<16 base32 characters>` from the low 5 bits of each of 16 bytes. */
export function idFromBytes(prefix: IdPrefix, bytes: Uint8Array): string {
  if (bytes.length < ID_LENGTH) throw new Error(`An id needs ${ID_LENGTH} bytes`);
  let body = '';
  for (let index = 0; index < ID_LENGTH; index++) body += ALPHABET[bytes[index]! & 31];
  return `${prefix}_${body}`;
}

/** The same id for the same label, on every machine: for records other code refers to by name. */
export function stableId(prefix: IdPrefix, label: string): string {
  return idFromBytes(prefix, createHash('sha256').update(label).digest());
}
