import { randomBytes } from 'node:crypto';
import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import { canSee, canSeeReactors } from '../domain/announcements.js';
import { type AnnouncementRow, MAX_REACTORS, SELECT_ANNOUNCEMENT, announcedPerson, composeAnnouncement } from './rows/announcements.js';
import { idFromBytes } from '../ids.js';
import type { Announcement, AnnouncementCreate, Reactions } from '../schemas/announcements.js';
import type { AnnouncementPosition } from './store.js';
import { recordAudit } from './audit.js';

// The same rule as canSee(), in SQL, so that pages are full and cursors stay exact.
const VISIBLE = `(a.status = 'published' OR @hr = 1 OR r.alumni_id = @sub OR r.id = @sub)`;


export interface ListOptions {
  kind?: string;
  limit: number;
  after: AnnouncementPosition | null;
}

function scope(viewer: Viewer) {
  return { hr: viewer.role === 'hr' ? 1 : 0, sub: 'sub' in viewer ? viewer.sub : '' };
}

/** Newest first (by publication, else creation), only what the viewer may see. */
export function listAnnouncements(db: Db, viewer: Viewer, { kind, limit, after }: ListOptions) {
  const where = [VISIBLE];
  if (kind) where.push('a.kind = @kind');
  if (after) where.push('(COALESCE(a.approved_at, a.created_at) < @sortAt OR (COALESCE(a.approved_at, a.created_at) = @sortAt AND a.id < @id))');
  const rows = db
    .prepare<Record<string, unknown>, AnnouncementRow>(`${SELECT_ANNOUNCEMENT} WHERE ${where.join(' AND ')} ORDER BY sort_at DESC, a.id DESC LIMIT @take`)
    .all({ ...scope(viewer), kind: kind ?? null, sortAt: after?.sortAt ?? null, id: after?.id ?? null, take: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: composeAll(db, viewer, page),
    next: rows.length > limit && last ? { sortAt: last.sort_at, id: last.id } : null,
  };
}

function findRow(db: Db, id: string): AnnouncementRow | undefined {
  return db.prepare<[string], AnnouncementRow>(`${SELECT_ANNOUNCEMENT} WHERE a.id = ?`).get(id);
}

/** The announcement as the viewer may see it; undefined when it does not exist *for them*. */
export function findAnnouncement(db: Db, viewer: Viewer, id: string): Announcement | undefined {
  const row = findRow(db, id);
  if (!row || !canSee(viewer, row.status, announcedPerson(row))) return undefined;
  return composeAll(db, viewer, [row])[0];
}

/** The row's access facts, for the routes' permission checks. */
export function announcementAccess(db: Db, id: string) {
  const row = findRow(db, id);
  return row && { status: row.status, person: announcedPerson(row) };
}

export function returnerExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM returners WHERE id = ?').get(id) !== undefined;
}

const orNull = (text: string | null | undefined) => (text === undefined || text === null || text === '' ? null : text);

export function createAnnouncement(db: Db, viewer: Viewer, input: AnnouncementCreate): string {
  const id = idFromBytes('an', randomBytes(16));
  db.transaction(() => {
    db.prepare(
      `INSERT INTO announcements (id, kind, returner_id, status, message, while_away, ask_me_about, created_by, created_at)
       VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
    ).run(
      id, input.kind, input.returnerId, orNull(input.message), orNull(input.whileAway),
      JSON.stringify(input.askMeAbout ?? []), 'sub' in viewer ? viewer.sub : 'public', new Date().toISOString(),
    );
    recordAudit(db, { viewer, action: 'announcement.create', subject: id, detail: { returnerId: input.returnerId } });
  })();
  return id;
}

export interface ApproveInput {
  reason?: string;
  message?: string | null;
  whileAway?: string | null;
  askMeAbout?: string[];
}

/** Publishes a draft, applying the returner's edits first; false when it was no longer a draft. */
export function approveAnnouncement(db: Db, viewer: Viewer, id: string, input: ApproveInput): boolean {
  return db
    .transaction(() => {
      const sets = ["status = 'published'", 'approved_by = @by', 'approved_at = @at', 'approval_reason = @reason'];
      if (input.message !== undefined) sets.push('message = @message');
      if (input.whileAway !== undefined) sets.push('while_away = @whileAway');
      if (input.askMeAbout !== undefined) sets.push('ask_me_about = @askMeAbout');
      const { changes } = db.prepare(`UPDATE announcements SET ${sets.join(', ')} WHERE id = @id AND status = 'draft'`).run({
        id,
        by: 'sub' in viewer ? viewer.sub : null,
        at: new Date().toISOString(),
        reason: input.reason ?? null,
        message: orNull(input.message),
        whileAway: orNull(input.whileAway),
        askMeAbout: JSON.stringify(input.askMeAbout ?? []),
      });
      if (changes === 0) return false;
      const edited = (['message', 'whileAway', 'askMeAbout'] as const).filter((field) => input[field] !== undefined);
      recordAudit(db, {
        viewer,
        action: 'announcement.approve',
        subject: id,
        detail: { onBehalf: viewer.role === 'hr', reason: input.reason ?? null, edited },
      });
      return true;
    })
    .immediate();
}

/**
 * Idempotent: the primary key (announcement, viewer) and INSERT OR IGNORE make any number of
 * PUTs, concurrent or not, one reaction. Audited only when something changed.
 */
export function setReaction(db: Db, viewer: Viewer & { sub: string }, id: string, reacted: boolean): Reactions {
  return db.transaction(() => {
    const { changes } = reacted
      ? db.prepare('INSERT OR IGNORE INTO reactions (announcement_id, viewer_sub, created_at) VALUES (?, ?, ?)').run(id, viewer.sub, new Date().toISOString())
      : db.prepare('DELETE FROM reactions WHERE announcement_id = ? AND viewer_sub = ?').run(id, viewer.sub);
    if (changes > 0) recordAudit(db, { viewer, action: reacted ? 'announcement.react' : 'announcement.unreact', subject: id });
    return reactionsOf(db, viewer, [id], new Set()).get(id)!;
  })();
}

/**
 * The reactions of several announcements in three queries whatever their number (counts, the
 * viewer's own, and up to MAX_REACTORS names each for `withReactors`), instead of three per
 * announcement.
 */
function reactionsOf(db: Db, viewer: Viewer, ids: readonly string[], withReactors: ReadonlySet<string>): Map<string, Reactions> {
  const list = JSON.stringify(ids);
  const counts = new Map(
    db
      .prepare<[string], { id: string; count: number }>(
        `SELECT announcement_id AS id, COUNT(*) AS count FROM reactions
         WHERE announcement_id IN (SELECT value FROM json_each(?)) GROUP BY announcement_id`,
      )
      .all(list)
      .map((row) => [row.id, row.count]),
  );
  const mine = new Set(
    'sub' in viewer
      ? db
          .prepare<[string, string], string>(
            'SELECT announcement_id FROM reactions WHERE announcement_id IN (SELECT value FROM json_each(?)) AND viewer_sub = ?',
          )
          .pluck()
          .all(list, viewer.sub)
      : [],
  );
  const reactors = new Map<string, { familyName: string; givenName: string }[]>();
  if (withReactors.size > 0) {
    // Reactors are alumni or employees; a sub that names neither (a deleted person) is skipped.
    const rows = db
      .prepare<[string, number], { id: string; familyName: string; givenName: string }>(
        `SELECT id, familyName, givenName FROM (
           SELECT x.announcement_id AS id,
             COALESCE(p.family_name, e.family_name) AS familyName, COALESCE(p.given_name, e.given_name) AS givenName,
             ROW_NUMBER() OVER (PARTITION BY x.announcement_id ORDER BY x.created_at, x.rowid) AS n
           FROM reactions x
           LEFT JOIN alumni p ON p.id = x.viewer_sub
           LEFT JOIN employees e ON e.id = x.viewer_sub
           WHERE x.announcement_id IN (SELECT value FROM json_each(?)) AND COALESCE(p.id, e.id) IS NOT NULL)
         WHERE n <= ? ORDER BY id, n`,
      )
      .all(JSON.stringify([...withReactors]), MAX_REACTORS);
    for (const { id, ...name } of rows) {
      let names = reactors.get(id);
      if (!names) reactors.set(id, (names = []));
      names.push(name);
    }
  }
  return new Map(
    ids.map((id) => {
      const reactions: Reactions = { count: counts.get(id) ?? 0, mine: mine.has(id) };
      if (withReactors.has(id)) reactions.reactors = reactors.get(id) ?? [];
      return [id, reactions];
    }),
  );
}

function composeAll(db: Db, viewer: Viewer, rows: readonly AnnouncementRow[]): Announcement[] {
  const withReactors = new Set(rows.filter((row) => canSeeReactors(viewer, announcedPerson(row))).map((row) => row.id));
  const reactions = reactionsOf(db, viewer, rows.map((row) => row.id), withReactors);
  return rows.map((row) => composeAnnouncement(viewer, row, reactions.get(row.id)!));
}

