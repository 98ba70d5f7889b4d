/*
 * The leaver list (issue 11): the import, composed from store methods in one transaction so it
 * runs the same on both backends (matching is the pure server/domain/hr-leavers.ts), and the
 * SQLite side of those methods (the PostgreSQL side is server/data/postgres/leavers.ts).
 */
import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import {
  type Leaver,
  type LeaverCandidate,
  type LeaverMatches,
  matchLeavers,
  normalizeEmployeeNumber,
  normalizeLeaverEmail,
  type readLeaverFile,
} from '../domain/hr-leavers.js';
import { MEMBER_STATUS_SQL, type MailLanguage } from '../domain/membership.js';
import type { LeaverData, Store } from './store.js';

type Sync<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

export interface LeaverImport extends LeaverMatches {
  rows: number;
  /** Members approved by this import, to be told. */
  mail: { email: string; lang: MailLanguage }[];
}

/**
 * Stores the file's leavers, approves the members awaiting approval whom exactly one row matches
 * by address or employee number, and records the import, atomically. The file was read with
 * readLeaverFile (which throws LeaverFileError for a file that is not the leaver list).
 */
export function importLeavers(store: Store, file: ReturnType<typeof readLeaverFile>, viewer: Viewer, now: string): Promise<LeaverImport> {
  return store.transaction(async (tx) => {
    const candidates = await tx.leavers.candidates({
      emails: file.leavers.flatMap((leaver) => (leaver.email === null ? [] : [leaver.email])),
      employeeNumbers: file.leavers.flatMap((leaver) => (leaver.employeeNumber === null ? [] : [leaver.employeeNumber])),
    });
    const matches = matchLeavers(file.leavers, file.invalid, candidates, await tx.leavers.awaiting());
    await tx.leavers.add(file.leavers, now);
    const mail: LeaverImport['mail'] = [];
    for (const approved of matches.approved) {
      const outcome = await tx.hr.decide(approved.memberId, { kind: 'approve', viaLeaverList: true }, viewer, now);
      if (outcome.outcome === 'changed') mail.push(outcome.mail);
    }
    // Counts only: the rows name people.
    await tx.audit.record({
      viewer,
      action: 'hr.leavers.import',
      detail: { rows: file.rows, stored: file.leavers.length, approved: matches.approved.length, review: matches.review.length },
    });
    return { rows: file.rows, ...matches, mail };
  });
}

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

export function sqliteLeavers(db: Db): Sync<LeaverData> {
  return {
    candidates: ({ emails, employeeNumbers }) =>
      db
        .prepare<[string, string], CandidateRow>(
          `SELECT ${CANDIDATE_COLUMNS} FROM alumni al
           WHERE al.email IN (SELECT value FROM json_each(?)) OR al.employee_number IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(emails), JSON.stringify(employeeNumbers))
        .map(toCandidate),
    awaiting: () =>
      db
        .prepare<[], CandidateRow>(`SELECT ${CANDIDATE_COLUMNS} FROM alumni al WHERE al.approval = 'awaiting-approval'`)
        .all()
        .map(toCandidate),
    add: (leavers: readonly Leaver[], at: string) => {
      const replace = db.prepare('DELETE FROM leavers WHERE email = ? OR employee_number = ?');
      const insert = db.prepare(
        'INSERT INTO leavers (name, email, employee_number, department, left_on, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      db.transaction(() => {
        for (const leaver of leavers) {
          replace.run(leaver.email, leaver.employeeNumber);
          insert.run(leaver.name, leaver.email, leaver.employeeNumber, leaver.department, leaver.leftOn, at);
        }
      })();
    },
  };
}

/** Whether the stored leaver list names this member (at verification, when approval is on). */
export function onLeaverList(db: Db, member: { email: string; employeeNumber: string | null }): boolean {
  return (
    db
      .prepare<[string, string | null], number>('SELECT 1 FROM leavers WHERE email = ? OR employee_number = ? LIMIT 1')
      .pluck()
      .get(normalizeLeaverEmail(member.email), member.employeeNumber && normalizeEmployeeNumber(member.employeeNumber)) !== undefined
  );
}
