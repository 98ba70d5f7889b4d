import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';

/** Who changed what: every write HR or a person makes on someone's data leaves a row here. */
export function recordAudit(
  db: Db,
  entry: { viewer: Viewer; action: string; subject?: string; detail?: unknown },
): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor_sub, actor_role, action, subject, detail)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    new Date().toISOString(),
    'sub' in entry.viewer ? entry.viewer.sub : null,
    entry.viewer.role,
    entry.action,
    entry.subject ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  );
}

/** Oldest first, optionally only one action and/or subject. */
export function listAudit(db: Db, filter: { action?: string; subject?: string } = {}) {
  const rows = db
    .prepare<
      { action: string | null; subject: string | null },
      { at: string; actor_sub: string | null; actor_role: string; action: string; subject: string | null; detail: string | null }
    >(
      `SELECT at, actor_sub, actor_role, action, subject, detail FROM audit_log
       WHERE (@action IS NULL OR action = @action) AND (@subject IS NULL OR subject = @subject) ORDER BY id`,
    )
    .all({ action: filter.action ?? null, subject: filter.subject ?? null });
  return rows.map((row) => ({
    at: row.at,
    actorSub: row.actor_sub,
    actorRole: row.actor_role,
    action: row.action,
    subject: row.subject,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
  }));
}
