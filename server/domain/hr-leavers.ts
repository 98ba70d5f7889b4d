/*
 * The leaver list HR imports (issue 11): a CSV file from the HR system, parsed here (RFC 4180),
 * checked row by row, and matched against members, all pure so both backends and the tests share
 * one definition. A row approves a member awaiting approval when its personal e-mail address or
 * employee number is the member's; a name alone never approves (it only suggests a member for
 * review). Every value is kept as text: nothing here or downstream evaluates a cell, so a value
 * like `=HYPERLINK(…)` stays the string it is.
 */
import type { MemberStatus } from './membership.js';

export const LEAVER_COLUMNS = ['name', 'email', 'employeeNumber', 'department', 'leftOn'] as const;
export type LeaverColumn = (typeof LEAVER_COLUMNS)[number];

export const LEAVER_REVIEW_REASONS = ['no_match', 'ambiguous', 'not_awaiting_approval', 'invalid_row'] as const;
export type LeaverReviewReason = (typeof LEAVER_REVIEW_REASONS)[number];

export const LEAVER_LIMITS = {
  /** The request body: a list of tens of thousands of leavers fits, a mistaken upload of something else does not. */
  bytes: 2 * 1024 * 1024,
  rows: 20_000,
  name: 200,
  email: 254,
  employeeNumber: 40,
  department: 200,
} as const;

/** The file cannot be read as the leaver list: answered as a 400 naming the row. */
export class LeaverFileError extends Error {
  constructor(
    message: string,
    /** The spreadsheet row (header = 1) the problem is in, when there is one. */
    readonly row: number | null,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 records: fields separated by commas, records by CRLF (LF or CR alone too), a field in
 * double quotes may hold commas, line breaks and doubled quotes (`""` is one `"`). A leading byte
 * order mark is dropped. A quote inside an unquoted field, text after a closing quote, or a quoted
 * field that never ends are errors (with the row they are in), not guesses.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  const row = () => records.length + 1;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (index < input.length) {
    const char = input[index]!;
    if (char === '"' && field === '') {
      // A quoted field: up to the quote that is not doubled.
      index++;
      for (;;) {
        const quote = input.indexOf('"', index);
        if (quote === -1) throw new LeaverFileError(`Row ${row()}: a quoted field does not end before the end of the file.`, row());
        field += input.slice(index, quote);
        if (input[quote + 1] === '"') {
          field += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
      const next = input[index];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new LeaverFileError(`Row ${row()}: text after a closing quote (a quote inside a field must be doubled).`, row());
      }
      continue;
    }
    if (char === ',') {
      record.push(field);
      field = '';
      index++;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && input[index + 1] === '\n' ? 2 : 1;
    } else {
      const stop = nextSpecial(input, index);
      const chunk = input.slice(index, stop);
      if (chunk.includes('"')) {
        throw new LeaverFileError(`Row ${row()}: a quote inside an unquoted field (quote the field and double the quote).`, row());
      }
      field += chunk;
      index = stop;
    }
  }
  // The last record, unless the file ended with a line break.
  if (field !== '' || record.length) endRecord();
  return records;
}

/** The index of the next comma or line break at or after `from` (quotes inside are checked by the caller). */
function nextSpecial(input: string, from: number): number {
  for (let index = from; index < input.length; index++) {
    const char = input[index];
    if (char === ',' || char === '\r' || char === '\n') return index;
  }
  return input.length;
}

/** One usable leaver, normalized as stored and matched. */
export interface Leaver {
  /** The spreadsheet row (header = 1). */
  row: number;
  name: string | null;
  /** NFKC, trimmed, lower-cased. */
  email: string | null;
  /** NFKC, trimmed, upper-cased. */
  employeeNumber: string | null;
  department: string | null;
  /** 'YYYY-MM'. */
  leftOn: string | null;
}

export interface InvalidLeaverRow {
  row: number;
  name: string | null;
  /** The fields that are wrong, comma-separated (or `field_count`). */
  detail: string;
}

/** An e-mail address as the leaver list and the members are compared: width, case and spaces ignored. */
export function normalizeLeaverEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

export function normalizeEmployeeNumber(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

/** A name as a review suggestion compares it: width, case and every space ignored, either order. */
export function nameKey(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The file's rows: the header names the columns (any order, case and surrounding spaces ignored;
 * `name` and at least one of `email`, `employeeNumber` must be there, nothing unknown), then each
 * record is a leaver or an invalid row. Blank lines are skipped but keep their row number.
 */
export function readLeaverFile(text: string): { rows: number; leavers: Leaver[]; invalid: InvalidLeaverRow[] } {
  const records = parseCsv(text);
  const header = records[0];
  if (!header || (header.length === 1 && header[0]!.trim() === '')) {
    throw new LeaverFileError(`The file is empty: the first row must be the header ${LEAVER_COLUMNS.join(',')}.`, 1);
  }
  const positions = new Map<LeaverColumn, number>();
  header.forEach((title, position) => {
    const column = LEAVER_COLUMNS.find((name) => name.toLowerCase() === title.trim().toLowerCase());
    if (!column) throw new LeaverFileError(`Unknown column "${title.trim()}" in the header: the columns are ${LEAVER_COLUMNS.join(',')}.`, 1);
    if (positions.has(column)) throw new LeaverFileError(`The column "${column}" appears twice in the header.`, 1);
    positions.set(column, position);
  });
  if (!positions.has('name') || (!positions.has('email') && !positions.has('employeeNumber'))) {
    throw new LeaverFileError('The header needs the column name and at least one of email, employeeNumber.', 1);
  }
  const body = records.slice(1);
  if (body.length > LEAVER_LIMITS.rows) {
    throw new LeaverFileError(`The file has ${body.length} rows; at most ${LEAVER_LIMITS.rows} are imported at once.`, null);
  }
  const leavers: Leaver[] = [];
  const invalid: InvalidLeaverRow[] = [];
  body.forEach((record, offset) => {
    const row = offset + 2;
    if (record.length === 1 && record[0]!.trim() === '') return;
    const cell = (column: LeaverColumn) => {
      const position = positions.get(column);
      const value = position === undefined ? '' : (record[position] ?? '').trim();
      return value === '' ? null : value;
    };
    const name = cell('name');
    if (record.length !== header.length) {
      invalid.push({ row, name, detail: 'field_count' });
      return;
    }
    const wrong: string[] = [];
    const rawEmail = cell('email');
    const email = rawEmail === null ? null : normalizeLeaverEmail(rawEmail);
    if (email !== null && (email.length > LEAVER_LIMITS.email || !EMAIL.test(email))) wrong.push('email');
    const rawNumber = cell('employeeNumber');
    const employeeNumber = rawNumber === null ? null : normalizeEmployeeNumber(rawNumber);
    if (employeeNumber !== null && employeeNumber.length > LEAVER_LIMITS.employeeNumber) wrong.push('employeeNumber');
    if (email === null && employeeNumber === null) wrong.push('email_or_employee_number_required');
    if (name !== null && name.length > LEAVER_LIMITS.name) wrong.push('name');
    const department = cell('department');
    if (department !== null && department.length > LEAVER_LIMITS.department) wrong.push('department');
    const rawLeftOn = cell('leftOn');
    const leftOn = rawLeftOn === null ? null : rawLeftOn.normalize('NFKC');
    if (leftOn !== null && !MONTH.test(leftOn)) wrong.push('leftOn');
    if (wrong.length) invalid.push({ row, name, detail: wrong.join(',') });
    else leavers.push({ row, name, email, employeeNumber, department, leftOn });
  });
  return { rows: body.length, leavers, invalid };
}

/** A member a row may point at, with what matching needs. */
export interface LeaverCandidate {
  id: string;
  email: string;
  employeeNumber: string | null;
  status: MemberStatus;
  familyName: string;
  givenName: string;
}

export interface LeaverMatches {
  approved: { row: number; memberId: string; name: string }[];
  review: { row: number; memberId: string | null; reason: LeaverReviewReason; detail?: string }[];
}

const displayName = (member: LeaverCandidate) => `${member.familyName} ${member.givenName}`;

/**
 * What the rows do: each usable row matches the candidates by e-mail or employee number; exactly
 * one member awaiting approval is approved (a later row for them sees them active), anything else
 * is for review. A row matching nobody (or invalid) whose name is an awaiting member's names that
 * member as a suggestion, never approves. `candidates` are the members with any of the rows'
 * addresses or numbers; `awaiting` every member awaiting approval. In file order.
 */
export function matchLeavers(
  leavers: readonly Leaver[],
  invalid: readonly InvalidLeaverRow[],
  candidates: readonly LeaverCandidate[],
  awaiting: readonly LeaverCandidate[],
): LeaverMatches {
  const byEmail = new Map(candidates.map((member) => [normalizeLeaverEmail(member.email), member]));
  const byNumber = new Map(
    candidates.flatMap((member) => (member.employeeNumber ? [[normalizeEmployeeNumber(member.employeeNumber), member] as const] : [])),
  );
  const byName = new Map<string, LeaverCandidate[]>();
  for (const member of awaiting) {
    for (const key of new Set([nameKey(member.familyName + member.givenName), nameKey(member.givenName + member.familyName)])) {
      byName.set(key, [...(byName.get(key) ?? []), member]);
    }
  }
  const status = new Map(candidates.map((member) => [member.id, member.status]));
  const suggestion = (name: string | null) => {
    const members = name === null ? [] : (byName.get(nameKey(name)) ?? []).filter((member) => status.get(member.id) !== 'active');
    return members.length === 1 ? members[0]!.id : null;
  };
  const result: LeaverMatches = { approved: [], review: [] };
  const events: { row: number; apply: () => void }[] = [
    ...invalid.map((row) => ({
      row: row.row,
      apply: () => result.review.push({ row: row.row, memberId: suggestion(row.name), reason: 'invalid_row', detail: row.detail }),
    })),
    ...leavers.map((leaver) => ({
      row: leaver.row,
      apply: () => {
        const matched = new Set<LeaverCandidate>();
        const viaEmail = leaver.email === null ? undefined : byEmail.get(leaver.email);
        const viaNumber = leaver.employeeNumber === null ? undefined : byNumber.get(leaver.employeeNumber);
        if (viaEmail) matched.add(viaEmail);
        if (viaNumber) matched.add(viaNumber);
        if (matched.size === 0) {
          const memberId = suggestion(leaver.name);
          result.review.push({ row: leaver.row, memberId, reason: 'no_match', ...(memberId !== null && { detail: 'name_only' }) });
          return;
        }
        if (matched.size > 1) {
          result.review.push({ row: leaver.row, memberId: null, reason: 'ambiguous', detail: 'email_and_employee_number_differ' });
          return;
        }
        const member = [...matched][0]!;
        const current = status.get(member.id)!;
        if (current !== 'awaiting-approval') {
          result.review.push({ row: leaver.row, memberId: member.id, reason: 'not_awaiting_approval', detail: current });
          return;
        }
        status.set(member.id, 'active');
        result.approved.push({ row: leaver.row, memberId: member.id, name: displayName(member) });
      },
    })),
  ];
  for (const event of events.sort((a, b) => a.row - b.row)) event.apply();
  return result;
}
