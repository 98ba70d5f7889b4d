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
