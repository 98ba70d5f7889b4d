/*
 * The HR console's CSV export: one row per member of a segment, a header row in the console's
 * language, UTF-8 with a byte order mark (Excel in Japan reads a file without one as Shift_JIS and
 * shows mojibake), CRLF line ends (RFC 4180).
 *
 * Values are the members' own words, so they are hostile input to a spreadsheet: a cell starting
 * with = + - @ (or a tab or carriage return, which some apps skip before one of those) is run as
 * a formula when the file is opened. Such a value gets a leading apostrophe, which spreadsheets
 * read as "this is text" (OWASP's CSV injection advice); every value is quoted, with inner quotes
 * doubled, so commas and line breaks stay inside their cell.
 */
import { INTEREST_LABELS } from './interests.js';
import type { HrMemberRow, HrPosition } from './hr-members.js';
import type { MemberStatus } from './membership.js';

export type ExportLanguage = 'ja' | 'en';
export const EXPORT_PURPOSES = ['outreach', 'records'] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];

/** The UTF-8 byte order mark, first in the file. */
export const BOM = '\ufeff';

/** UTF-16 codes a cell must not start with: = + - @, tab, carriage return. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/**
 * One cell: neutralized if a spreadsheet would run it, always quoted. An export writes millions
 * of cells, so the usual cell (no leading formula character, no quote) is one comparison and one
 * `indexOf`, without a regular expression or a copy.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = typeof value === 'string' ? value : String(value);
  if (FORMULA_START.has(text.charCodeAt(0))) text = `'${text}`;
  return text.indexOf('"') === -1 ? `"${text}"` : `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let index = 0; index < cells.length; index++) line += index === 0 ? csvCell(cells[index]) : `,${csvCell(cells[index])}`;
  return `${line}\r\n`;
}

/** What a CSV row holds of a member: the store reads only these fields for an export. */
export type HrExportRow = Pick<
  HrMemberRow,
  | 'id' | 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana' | 'email' | 'departmentId' | 'departmentOther'
  | 'roleAtLeaving' | 'joined' | 'left' | 'currentCompany' | 'currentRole' | 'location' | 'profileUrl' | 'interests'
  | 'contactConsent' | 'listed' | 'signedUpAt' | 'status' | 'returnIntent' | 'returnFrom' | 'contractWork' | 'referrals'
  | 'employeeNumber'
>;

/** One batch of an export, in the segment's order; `next` continues it (null: the last batch). */
export interface HrExportPage {
  items: HrExportRow[];
  next: HrPosition | null;
}

interface Column {
  label: Record<ExportLanguage, string>;
  value: (row: HrExportRow, context: ExportContext) => string | null;
}

export interface ExportContext {
  language: ExportLanguage;
  /** Department id → its names. */
  departments: ReadonlyMap<string, { en: string; ja: string }>;
}

/** The console's words for each status (components/hr-console, hrConsole.status.*). */
const STATUS_LABELS: Record<MemberStatus, Record<ExportLanguage, string>> = {
  pending: { en: 'pending verification', ja: 'メール確認待ち' },
  'awaiting-approval': { en: 'awaiting approval', ja: '承認待ち' },
  active: { en: 'active', ja: '有効' },
  declined: { en: 'declined', ja: '不承認' },
};

const yesNo = (value: boolean, language: ExportLanguage) => (language === 'ja' ? (value ? 'はい' : 'いいえ') : value ? 'yes' : 'no');

export const EXPORT_COLUMNS: readonly Column[] = [
  { label: { en: 'ID', ja: 'ID' }, value: (r) => r.id },
  { label: { en: 'Family name', ja: '姓' }, value: (r) => r.familyName },
  { label: { en: 'Given name', ja: '名' }, value: (r) => r.givenName },
  { label: { en: 'Family name (reading)', ja: 'せい' }, value: (r) => r.familyNameKana },
  { label: { en: 'Given name (reading)', ja: 'めい' }, value: (r) => r.givenNameKana },
  { label: { en: 'E-mail', ja: 'メールアドレス' }, value: (r) => r.email },
  { label: { en: 'Employee number', ja: '社員番号' }, value: (r) => r.employeeNumber },
  {
    label: { en: 'Former department', ja: '在籍時の部署' },
    value: (r, c) => (r.departmentId ? (c.departments.get(r.departmentId)?.[c.language] ?? r.departmentId) : r.departmentOther),
  },
  { label: { en: 'Role at leaving', ja: '退職時の役職' }, value: (r) => r.roleAtLeaving },
  { label: { en: 'Joined', ja: '入社年月' }, value: (r) => r.joined },
  { label: { en: 'Left', ja: '退職年月' }, value: (r) => r.left },
  { label: { en: 'Current company', ja: '現在の勤務先' }, value: (r) => r.currentCompany },
  { label: { en: 'Current role', ja: '現在の役職' }, value: (r) => r.currentRole },
  { label: { en: 'Location', ja: '所在地' }, value: (r) => r.location },
  { label: { en: 'Profile URL', ja: 'プロフィールURL' }, value: (r) => r.profileUrl },
  {
    label: { en: 'Interests', ja: '関心' },
    value: (r, c) => r.interests.map((id) => INTEREST_LABELS[id][c.language]).join(c.language === 'ja' ? '、' : '; '),
  },
  { label: { en: 'Contact consent', ja: '連絡の同意' }, value: (r, c) => yesNo(r.contactConsent, c.language) },
  { label: { en: 'Listed in the directory', ja: '名簿に掲載' }, value: (r, c) => yesNo(r.listed, c.language) },
  { label: { en: 'Signed up', ja: '登録日時' }, value: (r) => r.signedUpAt },
  { label: { en: 'Status', ja: '状態' }, value: (r, c) => STATUS_LABELS[r.status][c.language] },
  {
    label: { en: 'Return intent', ja: '再入社の意向' },
    value: (r, c) => intentLabel(r, c.language),
  },
  { label: { en: 'Open to contract work', ja: '業務委託' }, value: (r, c) => yesNo(r.contractWork, c.language) },
  { label: { en: 'Open to referrals', ja: '紹介' }, value: (r, c) => yesNo(r.referrals, c.language) },
];

function intentLabel(row: HrExportRow, language: ExportLanguage): string {
  switch (row.returnIntent) {
    case 'open-now':
      return language === 'ja' ? '今すぐ可' : 'open now';
    case 'open-from':
      return language === 'ja' ? `${row.returnFrom ?? ''}から可` : `open from ${row.returnFrom ?? ''}`;
    case 'not-now':
      return language === 'ja' ? '今は考えていない' : 'not now';
    default:
      return '';
  }
}

export function csvHeader(language: ExportLanguage): string {
  return csvLine(EXPORT_COLUMNS.map((column) => column.label[language]));
}

export function csvMemberLine(row: HrExportRow, context: ExportContext): string {
  let line = '';
  for (let index = 0; index < EXPORT_COLUMNS.length; index++) {
    const cell = csvCell(EXPORT_COLUMNS[index]!.value(row, context));
    line += index === 0 ? cell : `,${cell}`;
  }
  return `${line}\r\n`;
}
