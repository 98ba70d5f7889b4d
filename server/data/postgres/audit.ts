import type { AuditData, AuditEntry, AuditRow } from '../store.js';
import type { Sql } from './sql.js';

export async function recordAudit(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql.run(
    `INSERT INTO audit_log (at, actor_sub, actor_role, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      new Date().toISOString(),
      'sub' in entry.viewer ? entry.viewer.sub : null,
      entry.viewer.role,
      entry.action,
      entry.subject ?? null,
      entry.detail === undefined ? null : JSON.stringify(entry.detail),
    ],
  );
}

export function auditData(sql: Sql): AuditData {
  return {
    record: (entry) => recordAudit(sql, entry),
    async list(filter = {}) {
      const rows = await sql.query<{ at: string; actor_sub: string | null; actor_role: string; action: string; subject: string | null; detail: unknown }>(
        `SELECT at, actor_sub, actor_role, action, subject, detail FROM audit_log
         WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR subject = $2) ORDER BY id`,
        [filter.action ?? null, filter.subject ?? null],
      );
      return rows.map((row): AuditRow => ({
        at: row.at,
        actorSub: row.actor_sub,
        actorRole: row.actor_role,
        action: row.action,
        subject: row.subject,
        detail: row.detail ?? null,
      }));
    },
  };
}
