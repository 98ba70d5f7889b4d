import { createHash } from 'node:crypto';

export type ChecklistOwner = 'returner' | 'manager' | 'hr' | 'it';
type Bilingual = { en: string; ja: string };

/** One item of the company's re-onboarding template (stored in the `checklist_template` table). */
export interface ChecklistTemplateItem {
  category: string;
  owner: ChecklistOwner;
  /** Days relative to the return date: negative is before the first day back. */
  dueOffsetDays: number;
  required: boolean;
  title: Bilingual;
  description: Bilingual | null;
}
export type ChecklistLanguage = 'ja' | 'en';

/**
 * The template's entity tag (`ETag`, `If-Match`): a digest of its items in order. Two reads
 * answer the same tag exactly when they answer the same template, on any instance and either
 * backend, so the tag needs no stored version; a save that changes nothing keeps it.
 */
export function templateTag(items: readonly ChecklistTemplateItem[]): string {
  const canonical = JSON.stringify(
    items.map((item) => [item.category, item.owner, item.dueOffsetDays, item.required, item.title.en, item.title.ja, item.description?.en ?? null, item.description?.ja ?? null]),
  );
  return `"${createHash('sha256').update(canonical).digest('base64url').slice(0, 22)}"`;
}

/** What replacing the template did: replaced, or not because it is no longer the one `If-Match` names. */
export type TemplateReplaceOutcome =
  | { outcome: 'replaced'; items: ChecklistTemplateItem[] }
  | { outcome: 'stale'; items: ChecklistTemplateItem[] };

/** Who an item belongs to. Part of the contract. */
export const CHECKLIST_OWNERS = ['returner', 'manager', 'hr', 'it'] as const satisfies readonly ChecklistOwner[];

/** A change recorded in `org_changes`, as the generator needs it. */
export interface OrgChange {
  id: string;
  effectiveDate: string; // YYYY-MM-DD
  area: 'work' | 'systems' | 'policies' | 'organization';
  title: { en: string; ja: string };
  description: { en: string; ja: string } | null;
}

/** One item to insert, before it gets an id. */
export interface ChecklistItemDraft {
  categoryId: string;
  owner: ChecklistOwner;
  dueOffsetDays: number;
  required: boolean;
  title: string;
  description: string | null;
  sort: number;
  /** Set for items generated from a recorded change, so their ids can be derived from it. */
  orgChangeId: string | null;
}

/** When a "what changed" item from a recorded change is due: in the first days, with the summary. */
const ORG_CHANGE_DUE_OFFSET_DAYS = 3;
const AREA_LABELS = {
  work: { en: 'Work', ja: '業務' },
  systems: { en: 'Systems and tools', ja: 'システム・ツール' },
  policies: { en: 'Policies', ja: '制度' },
  organization: { en: 'Organization', ja: '組織' },
} as const;

/**
 * The first day after the person left: changes effective on or after it happened while they were
 * away. `left` is the month of departure ('YYYY-MM'), so everything from the next month counts;
 * without one, every recorded change does.
 */
export function awaySince(leftMonth: string | null): string {
  if (!leftMonth) return '0000-01-01';
  const [year, month] = leftMonth.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return `${next}-01`;
}

/**
 * A returner's checklist: the standard template (what changed, the same training as any
 * mid-career hire, accounts, people) in the returner's language, plus one "what changed" item per
 * change recorded between their departure and their return date. The seed and
 * `POST /api/v1/returners` both use this, so a demo returner's list is what HR would get.
 */
export function generateChecklist(input: {
  language: ChecklistLanguage;
  leftMonth: string | null;
  returnDate: string;
  orgChanges: readonly OrgChange[];
  /** The company's template, as stored (store.checklistTemplate.list()). */
  template: readonly ChecklistTemplateItem[];
}): ChecklistItemDraft[] {
  const { language, template } = input;
  const drafts: ChecklistItemDraft[] = template.map((item, index) => ({
    categoryId: item.category,
    owner: item.owner,
    dueOffsetDays: item.dueOffsetDays,
    required: item.required,
    title: item.title[language],
    description: item.description?.[language] ?? null,
    sort: index + 1,
    orgChangeId: null,
  }));
  const from = awaySince(input.leftMonth);
  const changes = input.orgChanges
    .filter((change) => change.effectiveDate >= from && change.effectiveDate <= input.returnDate)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  changes.forEach((change, index) => {
    const area = AREA_LABELS[change.area][language];
    drafts.push({
      categoryId: 'what-changed',
      owner: 'returner',
      dueOffsetDays: ORG_CHANGE_DUE_OFFSET_DAYS,
      required: false,
      title: language === 'ja' ? `【${area}】${change.title.ja}` : `${area}: ${change.title.en}`,
      description: change.description?.[language] ?? null,
      // After the template's items, in the order the changes happened.
      sort: template.length + index + 1,
      orgChangeId: change.id,
    });
  });
  return drafts;
}
