import type { Viewer } from '../auth.js';

export const ANNOUNCEMENT_KINDS = ['welcome-back'] as const;
export const ANNOUNCEMENT_STATUSES = ['draft', 'published'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/** The returner an announcement introduces: their returner record id and their alumni id. */
export interface AnnouncedPerson {
  returnerId: string;
  alumniId: string;
}

/**
 * A returner signs in with their own token (role `employee` once back, or `alumni` before); its
 * `sub` is their alumni id (the seed's convention: see server/seed/demo.ts, where the returner's
 * own checklist items are done by `alumnus.id`). Their returner id is accepted too.
 */
export function isReturner(viewer: Viewer, person: AnnouncedPerson): boolean {
  if (viewer.role === 'public' || viewer.role === 'hr') return false;
  return viewer.sub === person.alumniId || viewer.sub === person.returnerId;
}

/** Drafts are seen only by HR and the returner; published ones by every signed-in viewer. */
export function canSee(viewer: Viewer, status: AnnouncementStatus, person: AnnouncedPerson): boolean {
  if (viewer.role === 'public') return false;
  return status === 'published' || viewer.role === 'hr' || isReturner(viewer, person);
}

/** The returner approves their own draft; HR may approve on their behalf, with a reason. */
export function canApprove(viewer: Viewer, status: AnnouncementStatus, person: AnnouncedPerson): boolean {
  return status === 'draft' && (viewer.role === 'hr' || isReturner(viewer, person));
}

export function approvalNeedsReason(viewer: Viewer, person: AnnouncedPerson): boolean {
  return !isReturner(viewer, person);
}

/** Colleagues (employees and alumni) welcome a published announcement; not the returner themself. */
export function canReact(viewer: Viewer, status: AnnouncementStatus, person: AnnouncedPerson): boolean {
  if (viewer.role !== 'employee' && viewer.role !== 'alumni') return false;
  return status === 'published' && !isReturner(viewer, person);
}

/** Who may see the names of those who reacted: the returner and HR. */
export function canSeeReactors(viewer: Viewer, person: AnnouncedPerson): boolean {
  return viewer.role === 'hr' || isReturner(viewer, person);
}
