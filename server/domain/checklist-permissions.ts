import type { Viewer } from '../auth.js';
import type { ChecklistOwner } from './checklist-template.js';

/** How the viewer relates to one returner; `null`: not at all (they may not see the checklist). */
export type ChecklistRelation = 'returner' | 'manager' | 'hr' | 'it' | null;

/** The `team` claim of the IT department's employee tokens. */
export const IT_TEAM = 'it';

/**
 * A returner signs in as an `employee` whose `sub` is their alumni id; their manager is the
 * employee in `returners.manager_id`; HR sees every checklist, and so does IT (an `employee` token
 * with `"team": "it"`) for the items it owns. Being the returner or their manager comes first: an
 * IT employee's own checklist is theirs as a returner.
 */
export function relationTo(viewer: Viewer, returner: { alumniId: string; managerId: string | null }): ChecklistRelation {
  if (viewer.role === 'hr') return 'hr';
  if (viewer.role !== 'employee') return null;
  if (viewer.sub === returner.alumniId) return 'returner';
  if (returner.managerId !== null && viewer.sub === returner.managerId) return 'manager';
  if (viewer.team === IT_TEAM) return 'it';
  return null;
}

/** The manager and HR may toggle every item; the returner and IT only their own items. */
export function mayToggle(relation: ChecklistRelation, owner: ChecklistOwner): boolean {
  if (relation === 'hr' || relation === 'manager') return true;
  return (relation === 'returner' || relation === 'it') && owner === relation;
}

export function mayAdd(relation: ChecklistRelation): boolean {
  return relation === 'hr';
}

/** Whose items are "mine" for the widget's filter. */
export function ownersOf(relation: ChecklistRelation): ChecklistOwner[] {
  if (relation === 'hr') return ['hr', 'it'];
  return relation ? [relation] : [];
}
