import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../auth.js';
import { generateChecklist } from '../../domain/checklist-template.js';
import { idFromBytes } from '../../ids.js';
import type { ReturnerCreate } from '../../schemas/returners.js';
import { type ReturnerRecord, returnerView } from '../returners.js';
import type { ReturnerData, ReturnerPosition } from '../store.js';
import { recordAudit } from './audit.js';
import { type ReturnerRow, SELECT_RETURNER, toReturner } from '../rows/returners.js';
import { insertChecklistItems } from './checklists.js';
import { readChecklistTemplate, readOrgChanges } from './reference.js';
import type { Sql } from './sql.js';

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
