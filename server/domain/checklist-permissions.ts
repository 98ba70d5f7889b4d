import type { Viewer } from '../auth.js';
import type { ChecklistOwner } from './checklist-template.js';

/** How the viewer relates to one returner; `null`: not at all (they may not see the checklist). */
export type ChecklistRelation = 'returner' | 'manager' | 'hr' | null;

/**
 * A returner signs in as an `employee` whose `sub` is their alumni id; their manager is the
 * employee in `returners.manager_id`; HR sees every checklist.
 */
export function relationTo(viewer: Viewer, returner: { alumniId: string; managerId: string | null }): ChecklistRelation {
  if (viewer.role === 'hr') return 'hr';
  if (viewer.role !== 'employee') return null;
  if (viewer.sub === returner.alumniId) return 'returner';
  if (returner.managerId !== null && viewer.sub === returner.managerId) return 'manager';
  return null;
}

/**
 * The manager and HR may toggle every item (HR stands in for IT, which has no token role: an IT
 * role would need its own claim); the returner only their own items.
 */
export function mayToggle(relation: ChecklistRelation, owner: ChecklistOwner): boolean {
  if (relation === 'hr' || relation === 'manager') return true;
  return relation === 'returner' && owner === 'returner';
}

export function mayAdd(relation: ChecklistRelation): boolean {
  return relation === 'hr';
}

/** Whose items are "mine" for the widget's filter. */
export function ownersOf(relation: ChecklistRelation): ChecklistOwner[] {
  if (relation === 'hr') return ['hr', 'it'];
  return relation ? [relation] : [];
}
