import { createHash } from 'node:crypto';
import type { Checklist } from '../schemas/checklist.js';

/** One value for the whole list: changes when any item (or the return date) does. */
export function checklistEtag(checklist: Checklist): string {
  const hash = createHash('sha256');
  hash.update(checklist.returner.returnDate);
  for (const item of checklist.items) hash.update(`\n${item.id}:${item.version}`);
  return `"${hash.digest('base64url').slice(0, 22)}"`;
}

export function itemEtag(item: { version: number }): string {
  return `"${item.version}"`;
}
