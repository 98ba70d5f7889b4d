import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../auth.js';
import { canSee, canSeeReactors } from '../../domain/announcements.js';
import { type AnnouncementRow, MAX_REACTORS, SELECT_ANNOUNCEMENT, announcedPerson, composeAnnouncement } from '../rows/announcements.js';
import { idFromBytes } from '../../ids.js';
import type { Announcement, Reactions } from '../../schemas/announcements.js';
import type { AnnouncementData, AnnouncementPosition } from '../store.js';
import { recordAudit } from './audit.js';
import type { Sql } from './sql.js';

const subOf = (viewer: Viewer) => ('sub' in viewer ? viewer.sub : '');
const orNull = (text: string | null | undefined) => (text === undefined || text === null || text === '' ? null : text);

/** Counts, the viewer's own reaction and (where allowed) the reactors of several announcements at once. */
async function reactionsOf(sql: Sql, viewer: Viewer, rows: readonly AnnouncementRow[]): Promise<Map<string, Reactions>> {
  const result = new Map<string, Reactions>();
  if (rows.length === 0) return result;
  const ids = rows.map((row) => row.id);
  const withReactors = rows.filter((row) => canSeeReactors(viewer, announcedPerson(row))).map((row) => row.id);
  const [counts, reactors] = await Promise.all([
    sql.query<{ id: string; count: number; mine: boolean }>(
      `SELECT announcement_id AS id, COUNT(*) AS count, bool_or(viewer_sub = $2) AS mine
       FROM reactions WHERE announcement_id = ANY($1::text[]) GROUP BY announcement_id`,
      [ids, subOf(viewer)],
    ),
    withReactors.length
      ? sql.query<{ id: string; familyName: string; givenName: string }>(
          // Reactors are alumni or employees; a sub that names neither (a deleted person) is skipped.
          `SELECT id, "familyName", "givenName" FROM (
             SELECT x.announcement_id AS id,
               COALESCE(p.family_name, e.family_name) AS "familyName", COALESCE(p.given_name, e.given_name) AS "givenName",
               row_number() OVER (PARTITION BY x.announcement_id ORDER BY x.created_at, x.seq) AS n, x.created_at, x.seq
             FROM reactions x
             LEFT JOIN alumni p ON p.id = x.viewer_sub
             LEFT JOIN employees e ON e.id = x.viewer_sub
             WHERE x.announcement_id = ANY($1::text[]) AND COALESCE(p.id, e.id) IS NOT NULL) named
           WHERE n <= $2 ORDER BY id, created_at, seq`,
          [withReactors, MAX_REACTORS],
        )
      : Promise.resolve([]),
  ]);
  const byId = new Map(counts.map((row) => [row.id, row]));
  const signedIn = 'sub' in viewer;
  for (const id of ids) {
    const count = byId.get(id);
    result.set(id, { count: count?.count ?? 0, mine: signedIn && (count?.mine ?? false) });
  }
  for (const id of withReactors) result.get(id)!.reactors = [];
  for (const row of reactors) result.get(row.id)!.reactors!.push({ familyName: row.familyName, givenName: row.givenName });
  return result;
}


async function composeAll(sql: Sql, viewer: Viewer, rows: readonly AnnouncementRow[]): Promise<Announcement[]> {
  const reactions = await reactionsOf(sql, viewer, rows);
  return rows.map((row) => composeAnnouncement(viewer, row, reactions.get(row.id)!));
}

async function findRow(sql: Sql, id: string): Promise<AnnouncementRow | undefined> {
  return sql.first<AnnouncementRow>(`${SELECT_ANNOUNCEMENT} WHERE a.id = $1`, [id]);
}

async function find(sql: Sql, viewer: Viewer, id: string): Promise<Announcement | undefined> {
  const row = await findRow(sql, id);
  if (!row || !canSee(viewer, row.status, announcedPerson(row))) return undefined;
  return (await composeAll(sql, viewer, [row]))[0];
}

export function announcementData(sql: Sql): AnnouncementData {
  return {
    async list(viewer, { kind, limit, after }) {
      const values: unknown[] = [viewer.role === 'hr', subOf(viewer)];
      // The same rule as canSee(), in SQL, so that pages are full and cursors stay exact.
      const where = [`(a.status = 'published' OR $1 OR r.alumni_id = $2 OR r.id = $2)`];
      if (viewer.role === 'public') where.push('false');
      if (kind) where.push(`a.kind = $${values.push(kind)}`);
      if (after) {
        where.push(`(COALESCE(a.approved_at, a.created_at), a.id) < ($${values.push(after.sortAt)}, $${values.push(after.id)})`);
      }
      const rows = await sql.query<AnnouncementRow>(
        `${SELECT_ANNOUNCEMENT} WHERE ${where.join(' AND ')} ORDER BY sort_at DESC, a.id DESC LIMIT $${values.push(limit + 1)}`,
        values,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const next: AnnouncementPosition | null = rows.length > limit && last ? { sortAt: last.sort_at, id: last.id } : null;
      return { items: await composeAll(sql, viewer, page), next };
    },

    find: (viewer, id) => find(sql, viewer, id),

    async access(id) {
      const row = await findRow(sql, id);
      return row && { status: row.status, person: announcedPerson(row) };
    },

    create: (viewer, input) =>
      sql.atomic(async (tx) => {
        const id = idFromBytes('an', randomBytes(16));
        await tx.run(
          `INSERT INTO announcements (id, kind, returner_id, status, message, while_away, ask_me_about, created_by, created_at)
           VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8)`,
          [
            id, input.kind, input.returnerId, orNull(input.message), orNull(input.whileAway),
            JSON.stringify(input.askMeAbout ?? []), 'sub' in viewer ? viewer.sub : 'public', new Date().toISOString(),
          ],
        );
        await recordAudit(tx, { viewer, action: 'announcement.create', subject: id, detail: { returnerId: input.returnerId } });
        return id;
      }),

    /** `AND status = 'draft'`: of concurrent approvals exactly one publishes (the row's lock orders them). */
    approve: (viewer, id, input) =>
      sql.atomic(async (tx) => {
        const values: unknown[] = [id, 'sub' in viewer ? viewer.sub : null, new Date().toISOString(), input.reason ?? null];
        const sets = ["status = 'published'", 'approved_by = $2', 'approved_at = $3', 'approval_reason = $4'];
        if (input.message !== undefined) sets.push(`message = $${values.push(orNull(input.message))}`);
        if (input.whileAway !== undefined) sets.push(`while_away = $${values.push(orNull(input.whileAway))}`);
        if (input.askMeAbout !== undefined) sets.push(`ask_me_about = $${values.push(JSON.stringify(input.askMeAbout))}::jsonb`);
        const changed = await tx.run(`UPDATE announcements SET ${sets.join(', ')} WHERE id = $1 AND status = 'draft'`, values);
        if (changed === 0) return false;
        const edited = (['message', 'whileAway', 'askMeAbout'] as const).filter((field) => input[field] !== undefined);
        await recordAudit(tx, {
          viewer,
          action: 'announcement.approve',
          subject: id,
          detail: { onBehalf: viewer.role === 'hr', reason: input.reason ?? null, edited },
        });
        return true;
      }),

    /**
     * Idempotent on any instance: the primary key (announcement, viewer) with ON CONFLICT DO
     * NOTHING makes any number of concurrent PUTs one reaction. Audited only when something changed.
     */
    setReaction: (viewer, id, reacted) =>
      sql.atomic(async (tx) => {
        const changed = reacted
          ? await tx.run(
              'INSERT INTO reactions (announcement_id, viewer_sub, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
              [id, viewer.sub, new Date().toISOString()],
            )
          : await tx.run('DELETE FROM reactions WHERE announcement_id = $1 AND viewer_sub = $2', [id, viewer.sub]);
        if (changed > 0) await recordAudit(tx, { viewer, action: reacted ? 'announcement.react' : 'announcement.unreact', subject: id });
        const row = await tx.first<{ count: number; mine: boolean }>(
          'SELECT COUNT(*) AS count, COALESCE(bool_or(viewer_sub = $2), false) AS mine FROM reactions WHERE announcement_id = $1',
          [id, viewer.sub],
        );
        return { count: row!.count, mine: row!.mine };
      }),
  };
}
