/**
 * An announcement as both backends read it: the row shape, the SELECT they run (portable SQL) and
 * its composition into the API's Announcement for a viewer.
 */
import type { Viewer } from '../../auth.js';
import { type AnnouncedPerson, type AnnouncementStatus, canApprove, canReact, isReturner } from '../../domain/announcements.js';
import type { Announcement, Reactions } from '../../schemas/announcements.js';

/** The most reactor names one announcement lists; the count is always exact. */
export const MAX_REACTORS = 100;

export interface AnnouncementRow {
  id: string;
  kind: 'welcome-back';
  status: AnnouncementStatus;
  message: string | null;
  while_away: string | null;
  /** JSON text on SQLite, a text[] on PostgreSQL. */
  ask_me_about: string | string[];
  created_at: string;
  approved_at: string | null;
  sort_at: string;
  returner_id: string;
  alumni_id: string;
  return_date: string;
  new_role: string | null;
  new_team: string | null;
  family_name: string;
  given_name: string;
  photo_url: string | null;
  joined_month: string;
  left_month: string | null;
  department_other: string | null;
  department_en: string | null;
  department_ja: string | null;
}

export const SELECT_ANNOUNCEMENT = `
  SELECT a.id, a.kind, a.status, a.message, a.while_away, a.ask_me_about, a.created_at, a.approved_at,
         COALESCE(a.approved_at, a.created_at) AS sort_at,
         r.id AS returner_id, r.alumni_id, r.return_date, r.new_role, r.new_team,
         p.family_name, p.given_name, p.photo_url, p.joined_month, p.left_month, p.department_other,
         d.name_en AS department_en, d.name_ja AS department_ja
  FROM announcements a
  JOIN returners r ON r.id = a.returner_id
  JOIN alumni p ON p.id = r.alumni_id
  LEFT JOIN departments d ON d.id = p.department_id`;

export const announcedPerson = (row: AnnouncementRow): AnnouncedPerson => ({ returnerId: row.returner_id, alumniId: row.alumni_id });

export function composeAnnouncement(viewer: Viewer, row: AnnouncementRow, reactions: Reactions): Announcement {
  const who = announcedPerson(row);
  const department = row.department_other
    ? { en: row.department_other, ja: row.department_other }
    : row.department_en && row.department_ja
      ? { en: row.department_en, ja: row.department_ja }
      : null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    createdAt: row.created_at,
    publishedAt: row.status === 'published' ? row.approved_at : null,
    returner: {
      id: row.returner_id,
      familyName: row.family_name,
      givenName: row.given_name,
      photoUrl: row.photo_url,
      newRole: row.new_role,
      newTeam: row.new_team,
      returnDate: row.return_date,
      previousTenure: { joined: row.joined_month, left: row.left_month, department },
    },
    message: row.message,
    whileAway: row.while_away,
    askMeAbout: typeof row.ask_me_about === 'string' ? (JSON.parse(row.ask_me_about) as string[]) : row.ask_me_about,
    reactions,
    viewer: {
      isReturner: isReturner(viewer, who),
      canApprove: canApprove(viewer, row.status, who),
      canReact: canReact(viewer, row.status, who),
    },
  };
}
