// The stored leaver list on PostgreSQL (the SQLite twin and the import are server/data/leavers.ts).
import { type Leaver, type LeaverCandidate, normalizeEmployeeNumber, normalizeLeaverEmail } from '../../domain/hr-leavers.js';
import { MEMBER_STATUS_SQL } from '../../domain/membership.js';
import type { LeaverData } from '../store.js';
import type { Sql } from './sql.js';

interface CandidateRow {
  id: string;
  email: string;
  employee_number: string | null;
  status: LeaverCandidate['status'];
  family_name: string;
  given_name: string;
}

const CANDIDATE_COLUMNS = `al.id, al.email, al.employee_number, ${MEMBER_STATUS_SQL} AS status, al.family_name, al.given_name`;

const toCandidate = (row: CandidateRow): LeaverCandidate => ({
  id: row.id,
  email: row.email,
  employeeNumber: row.employee_number,
  status: row.status,
  familyName: row.family_name,
  givenName: row.given_name,
});

export function leaverData(sql: Sql): LeaverData {
  return {
    async candidates({ emails, employeeNumbers }) {
      const rows = await sql.query<CandidateRow>(
        `SELECT ${CANDIDATE_COLUMNS} FROM alumni al WHERE al.email = ANY($1::text[]) OR al.employee_number = ANY($2::text[])`,
        [emails, employeeNumbers],
      );
      return rows.map(toCandidate);
    },
    async awaiting() {
      const rows = await sql.query<CandidateRow>(`SELECT ${CANDIDATE_COLUMNS} FROM alumni al WHERE al.approval = 'awaiting-approval'`);
      return rows.map(toCandidate);
    },
    add: (leavers: readonly Leaver[], at: string) =>
      sql.atomic(async (tx) => {
        const emails = leavers.flatMap((leaver) => (leaver.email === null ? [] : [leaver.email]));
        const numbers = leavers.flatMap((leaver) => (leaver.employeeNumber === null ? [] : [leaver.employeeNumber]));
        await tx.run('DELETE FROM leavers WHERE email = ANY($1::text[]) OR employee_number = ANY($2::text[])', [emails, numbers]);
        // A row replaces earlier ones with its address or number, within the file too (as the
        // SQLite side, which inserts one by one): a row stays when no later row shares either.
        const laterEmails = new Set<string>();
        const laterNumbers = new Set<string>();
        const kept: Leaver[] = [];
        for (const leaver of [...leavers].reverse()) {
          const replaced = (leaver.email !== null && laterEmails.has(leaver.email)) || (leaver.employeeNumber !== null && laterNumbers.has(leaver.employeeNumber));
          if (!replaced) kept.push(leaver);
          if (leaver.email !== null) laterEmails.add(leaver.email);
          if (leaver.employeeNumber !== null) laterNumbers.add(leaver.employeeNumber);
        }
        kept.reverse();
        await tx.run(
          `INSERT INTO leavers (name, email, employee_number, department, left_on, imported_at)
           SELECT name, email, employee_number, department, left_on, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             AS t (name, email, employee_number, department, left_on)`,
          [
            kept.map((leaver) => leaver.name),
            kept.map((leaver) => leaver.email),
            kept.map((leaver) => leaver.employeeNumber),
            kept.map((leaver) => leaver.department),
            kept.map((leaver) => leaver.leftOn),
            at,
          ],
        );
      }),
  };
}

/** Whether the stored leaver list names this member (at verification, when approval is on). */
export async function onLeaverList(sql: Sql, member: { email: string; employeeNumber: string | null }): Promise<boolean> {
  const row = await sql.first('SELECT 1 FROM leavers WHERE email = $1 OR employee_number = $2 LIMIT 1', [
    normalizeLeaverEmail(member.email),
    member.employeeNumber && normalizeEmployeeNumber(member.employeeNumber),
  ]);
  return row !== undefined && row !== null;
}
