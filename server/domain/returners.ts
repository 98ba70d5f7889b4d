import type { Returner } from '../schemas/returners.js';

/** A returner as the routes and permission checks need it. */
export interface ReturnerRecord extends Returner {
  managerId: string | null;
}

/** The public shape (without the internal `managerId`, which `manager.id` carries). */
export function returnerView({ managerId: _managerId, ...returner }: ReturnerRecord): Returner {
  return returner;
}
