/**
 * A returner as both backends read it: the row shape, the SELECT they run (portable SQL) and its
 * mapping to the record the routes use.
 */
import type { ReturnerRecord } from '../../domain/returners.js';
import type { ChecklistPerson } from '../../schemas/returners.js';

export interface ReturnerRow {
  id: string;
  alumni_id: string;
  return_date: string;
  manager_id: string | null;
  new_role: string | null;
  new_team: string | null;
  created_at: string;
  family_name: string;
  given_name: string;
  family_name_kana: string | null;
  given_name_kana: string | null;
  left_month: string | null;
  m_family_name: string | null;
  m_given_name: string | null;
  m_family_name_kana: string | null;
  m_given_name_kana: string | null;
}

export const SELECT_RETURNER = `
  SELECT r.id, r.alumni_id, r.return_date, r.manager_id, r.new_role, r.new_team, r.created_at,
    a.family_name, a.given_name, a.family_name_kana, a.given_name_kana, a.left_month,
    m.family_name AS m_family_name, m.given_name AS m_given_name,
    m.family_name_kana AS m_family_name_kana, m.given_name_kana AS m_given_name_kana
  FROM returners r
  JOIN alumni a ON a.id = r.alumni_id
  LEFT JOIN employees m ON m.id = r.manager_id`;

export function toReturner(row: ReturnerRow): ReturnerRecord {
  const manager: ChecklistPerson | null =
    row.manager_id && row.m_family_name !== null
      ? {
          id: row.manager_id,
          familyName: row.m_family_name,
          givenName: row.m_given_name ?? '',
          familyNameKana: row.m_family_name_kana,
          givenNameKana: row.m_given_name_kana,
        }
      : null;
  return {
    id: row.id,
    alumniId: row.alumni_id,
    person: {
      id: row.alumni_id,
      familyName: row.family_name,
      givenName: row.given_name,
      familyNameKana: row.family_name_kana,
      givenNameKana: row.given_name_kana,
    },
    returnDate: row.return_date,
    leftMonth: row.left_month,
    managerId: row.manager_id,
    manager,
    newRole: row.new_role,
    newTeam: row.new_team,
    createdAt: row.created_at,
  };
}
