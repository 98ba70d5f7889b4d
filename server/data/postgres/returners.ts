import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../auth.js';
import { generateChecklist } from '../../domain/checklist-template.js';
import { idFromBytes } from '../../ids.js';
import type { ChecklistPerson, ReturnerCreate } from '../../schemas/returners.js';
import { type ReturnerRecord, returnerView } from '../returners.js';
import type { ReturnerData, ReturnerPosition } from '../store.js';
import { recordAudit } from './audit.js';
import { insertChecklistItems } from './checklists.js';
import { readChecklistTemplate, readOrgChanges } from './reference.js';
import type { Sql } from './sql.js';

interface ReturnerRow {
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

const SELECT_RETURNER = `
  SELECT r.id, r.alumni_id, r.return_date, r.manager_id, r.new_role, r.new_team, r.created_at,
    a.family_name, a.given_name, a.family_name_kana, a.given_name_kana, a.left_month,
    m.family_name AS m_family_name, m.given_name AS m_given_name,
    m.family_name_kana AS m_family_name_kana, m.given_name_kana AS m_given_name_kana
  FROM returners r
  JOIN alumni a ON a.id = r.alumni_id
  LEFT JOIN employees m ON m.id = r.manager_id`;

function toReturner(row: ReturnerRow): ReturnerRecord {
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

export async function getReturner(sql: Sql, id: string): Promise<ReturnerRecord | undefined> {
  const row = await sql.first<ReturnerRow>(`${SELECT_RETURNER} WHERE r.id = $1`, [id]);
  return row && toReturner(row);
}

export function returnerData(sql: Sql): ReturnerData {
  return {
    get: (id) => getReturner(sql, id),
    async exists(id) {
      return (await sql.first('SELECT 1 FROM returners WHERE id = $1', [id])) !== undefined;
    },
    async findIdForAlumnus(alumniId) {
      const row = await sql.first<{ id: string }>(
        'SELECT id FROM returners WHERE alumni_id = $1 ORDER BY return_date DESC, id DESC LIMIT 1',
        [alumniId],
      );
      return row?.id;
    },
    async list({ limit, after }) {
      const rows = after
        ? await sql.query<ReturnerRow>(
            `${SELECT_RETURNER} WHERE (r.return_date, r.id) < ($1, $2) ORDER BY r.return_date DESC, r.id DESC LIMIT $3`,
            [after.returnDate, after.id, limit + 1],
          )
        : await sql.query<ReturnerRow>(`${SELECT_RETURNER} ORDER BY r.return_date DESC, r.id DESC LIMIT $1`, [limit + 1]);
      const page = rows.slice(0, limit).map(toReturner);
      const last = page.at(-1);
      const next: ReturnerPosition | null = rows.length > limit && last ? { returnDate: last.returnDate, id: last.id } : null;
      return { items: page.map(returnerView), next };
    },
    create: (input: ReturnerCreate, viewer: Viewer) =>
      sql.atomic(async (tx) => {
        const id = idFromBytes('rt', randomBytes(16));
        const left = (await tx.first<{ left_month: string | null }>('SELECT left_month FROM alumni WHERE id = $1', [input.alumniId]))?.left_month ?? null;
        await tx.run(
          `INSERT INTO returners (id, alumni_id, return_date, manager_id, new_role, new_team, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, input.alumniId, input.returnDate, input.managerId ?? null, input.newRole || null, input.newTeam || null, new Date().toISOString()],
        );
        const drafts = generateChecklist({
          language: input.language ?? 'ja',
          leftMonth: left,
          returnDate: input.returnDate,
          orgChanges: await readOrgChanges(tx),
          template: await readChecklistTemplate(tx),
        });
        await insertChecklistItems(
          tx,
          drafts.map((draft) => ({
            ...draft,
            id: idFromBytes('ci', randomBytes(16)),
            returnerId: id,
            done: false,
            doneBy: null,
            doneAt: null,
            version: 1,
          })),
        );
        await recordAudit(tx, { viewer, action: 'returner.create', subject: id, detail: { ...input, items: drafts.length } });
        return (await getReturner(tx, id))!;
      }),
  };
}
