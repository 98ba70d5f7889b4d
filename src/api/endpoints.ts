/**
 * The one table of API paths. Widgets name endpoints, never URLs, so a host can move any of
 * them with the `paths` option. `{param}` segments are filled from `pathParams`. Each path is
 * also a constant of its own, which the operations (src/api/operations.ts) import, so a widget's
 * bundle carries only the paths of the calls it makes.
 */
export const health = '/api/health';
export const meta = '/api/v1/meta';
export const announcements = '/api/v1/announcements';
export const announcement = '/api/v1/announcements/{id}';
export const announcementApprove = '/api/v1/announcements/{id}/approve';
export const announcementReaction = '/api/v1/announcements/{id}/reactions/me';
export const alumni = '/api/v1/alumni';
export const alumnus = '/api/v1/alumni/{id}';
export const returnerChecklist = '/api/v1/returners/{id}/checklist';
export const checklistItems = '/api/v1/returners/{id}/checklist/items';
export const checklistItem = '/api/v1/returners/{id}/checklist/items/{itemId}';
export const authEmailLink = '/api/v1/auth/email-link';
export const authToken = '/api/v1/auth/token';
export const me = '/api/v1/me';
export const meExport = '/api/v1/me/export';
export const meEmail = '/api/v1/me/email';
export const meConsent = '/api/v1/me/consent';
export const returners = '/api/v1/returners';
export const hrOverview = '/api/v1/hr/overview';
export const hrMembers = '/api/v1/hr/members';
export const hrMembersExport = '/api/v1/hr/members/export.csv';
export const hrMember = '/api/v1/hr/members/{id}';
export const hrMemberApprove = '/api/v1/hr/members/{id}/approve';
export const hrMemberDecline = '/api/v1/hr/members/{id}/decline';
export const hrLeavers = '/api/v1/hr/leavers';
export const hrEmployees = '/api/v1/hr/employees';
export const hrChecklistTemplate = '/api/v1/hr/checklist-template';

export const endpoints = {
  health,
  meta,
  announcements,
  announcement,
  announcementApprove,
  announcementReaction,
  alumni,
  alumnus,
  returnerChecklist,
  checklistItems,
  checklistItem,
  authEmailLink,
  authToken,
  me,
  meExport,
  meEmail,
  meConsent,
  returners,
  hrOverview,
  hrMembers,
  hrMembersExport,
  hrMember,
  hrMemberApprove,
  hrMemberDecline,
  hrLeavers,
  hrEmployees,
  hrChecklistTemplate,
} as const;

export type EndpointName = keyof typeof endpoints;
