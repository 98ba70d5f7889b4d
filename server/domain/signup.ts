import { randomBytes } from 'node:crypto';
import { idFromBytes } from '../ids.js';
import { VISIBILITY_FIELDS, type Visibility } from './visibility.js';

/** A field the person was not asked about is hidden: nobody is shown anywhere they did not choose. */
export function completeVisibility(choices: Partial<Visibility>): Visibility {
  return Object.fromEntries(
    VISIBILITY_FIELDS.map((field) => [field, choices[field] ?? 'hidden']),
  ) as Visibility;
}

/** An id in the shape of a member's, for an answer that must not differ from a real signup. */
export function newId(prefix: 'al' | 'cn'): string {
  return idFromBytes(prefix, randomBytes(16));
}
