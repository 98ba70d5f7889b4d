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
} as const;

export type EndpointName = keyof typeof endpoints;
