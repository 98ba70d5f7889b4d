/**
 * The one table of API paths. Widgets name endpoints, never URLs, so a host can move any of
 * them with the `paths` option. `{param}` segments are filled from `pathParams`.
 */
export const endpoints = {
  health: '/api/health',
  meta: '/api/v1/meta',
  announcements: '/api/v1/announcements',
  announcement: '/api/v1/announcements/{id}',
  announcementApprove: '/api/v1/announcements/{id}/approve',
  announcementReaction: '/api/v1/announcements/{id}/reactions/me',
  alumni: '/api/v1/alumni',
  alumnus: '/api/v1/alumni/{id}',
  returnerChecklist: '/api/v1/returners/{id}/checklist',
  checklistItems: '/api/v1/returners/{id}/checklist/items',
  checklistItem: '/api/v1/returners/{id}/checklist/items/{itemId}',
  authEmailLink: '/api/v1/auth/email-link',
  authToken: '/api/v1/auth/token',
  me: '/api/v1/me',
  meExport: '/api/v1/me/export',
  meEmail: '/api/v1/me/email',
  meConsent: '/api/v1/me/consent',
  returners: '/api/v1/returners',
  hrOverview: '/api/v1/hr/overview',
  hrMembers: '/api/v1/hr/members',
  hrMembersExport: '/api/v1/hr/members/export.csv',
  hrMember: '/api/v1/hr/members/{id}',
  hrMemberApprove: '/api/v1/hr/members/{id}/approve',
  hrMemberDecline: '/api/v1/hr/members/{id}/decline',
  hrLeavers: '/api/v1/hr/leavers',
  hrEmployees: '/api/v1/hr/employees',
  hrChecklistTemplate: '/api/v1/hr/checklist-template',
} as const;

export type EndpointName = keyof typeof endpoints;
