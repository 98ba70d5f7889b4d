import { randomBytes } from 'node:crypto';
import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import { type ChecklistRelation, mayAdd, mayToggle, ownersOf } from '../domain/checklist-permissions.js';
import type { ChecklistItemDraft, ChecklistOwner, ChecklistTemplateItem } from '../domain/checklist-template.js';
import { idFromBytes } from '../ids.js';
import type { Checklist, ChecklistItem, ChecklistItemCreate } from '../schemas/checklist.js';
import { recordAudit } from './audit.js';
import { type ReturnerRecord, returnerView } from './returners.js';

interface ItemRow {
  id: string;
  category_id: string;
  title: string;
  description: string | null;
  owner: ChecklistOwner;
  due_offset_days: number;
  required: number;
  done: number;
  done_by: string | null;
  done_at: string | null;
  version: number;
  // whoever ticked it: an employee, or the returner as an alumnus
  by_family_name: string | null;
  by_given_name: string | null;
  by_family_name_kana: string | null;
  by_given_name_kana: string | null;
}

const SELECT_ITEMS = `
  SELECT i.id, i.category_id, i.title, i.description, i.owner, i.due_offset_days, i.required, i.done,
    i.done_by, i.done_at, i.version,
    COALESCE(e.family_name, a.family_name) AS by_family_name,
    COALESCE(e.given_name, a.given_name) AS by_given_name,
    CASE WHEN e.id IS NOT NULL THEN e.family_name_kana ELSE a.family_name_kana END AS by_family_name_kana,
    CASE WHEN e.id IS NOT NULL THEN e.given_name_kana ELSE a.given_name_kana END AS by_given_name_kana
  FROM checklist_items i
  JOIN checklist_categories c ON c.id = i.category_id
  LEFT JOIN employees e ON e.id = i.done_by
  LEFT JOIN alumni a ON e.id IS NULL AND a.id = i.done_by`;

export function dueDate(returnDate: string, offsetDays: number): string {
  const day = new Date(`${returnDate}T00:00:00Z`);
  return new Date(day.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function toItem(row: ItemRow, returnDate: string): ChecklistItem {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    description: row.description,
    owner: row.owner,
    dueOffsetDays: row.due_offset_days,
    dueDate: dueDate(returnDate, row.due_offset_days),
    required: row.required === 1,
    done: row.done === 1,
    doneBy:
      row.done === 1 && row.done_by
        ? {
            id: row.done_by,
            familyName: row.by_family_name ?? '',
            givenName: row.by_given_name ?? '',
            familyNameKana: row.by_family_name_kana,
            givenNameKana: row.by_given_name_kana,
          }
        : null,
    doneAt: row.done === 1 ? row.done_at : null,
    version: row.version,
  };
}

export function readItems(db: Db, returner: ReturnerRecord): ChecklistItem[] {
  return db
    .prepare<[string], ItemRow>(`${SELECT_ITEMS} WHERE i.returner_id = ? ORDER BY c.sort, c.id, i.sort, i.id`)
    .all(returner.id)
    .map((row) => toItem(row, returner.returnDate));
}

export function readItem(db: Db, returner: ReturnerRecord, itemId: string): ChecklistItem | undefined {
  const row = db.prepare<[string, string], ItemRow>(`${SELECT_ITEMS} WHERE i.returner_id = ? AND i.id = ?`).get(returner.id, itemId);
  return row && toItem(row, returner.returnDate);
}

export function readCategories(db: Db) {
  return db
    .prepare<[], { id: string; name_en: string; name_ja: string }>('SELECT id, name_en, name_ja FROM checklist_categories ORDER BY sort, id')
    .all()
    .map((row) => ({ id: row.id, name: { en: row.name_en, ja: row.name_ja } }));
}

export function categoryExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM checklist_categories WHERE id = ?').get(id) !== undefined;
}

export function readChecklist(db: Db, returner: ReturnerRecord, relation: ChecklistRelation): Checklist {
  const items = readItems(db, returner);
  return {
    returner: returnerView(returner),
    categories: readCategories(db),
    items,
    permissions: {
      canToggle: items.filter((item) => mayToggle(relation, item.owner)).map((item) => item.id),
      canAdd: mayAdd(relation),
      viewerOwners: ownersOf(relation),
    },
  };
}

export { checklistEtag, itemEtag } from '../domain/checklist-etag.js';

/** `"3"`, `W/"3"` or `3` → 3; anything else → null (which never matches). */
export function parseItemEtag(header: string): number | null {
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

export function insertChecklistItems(db: Db, returnerId: string, items: readonly (ChecklistItemDraft & { id: string })[]): void {
  const insert = db.prepare(
    `INSERT INTO checklist_items (id, returner_id, category_id, title, description, owner, due_offset_days,
       required, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const item of items) {
    insert.run(item.id, returnerId, item.categoryId, item.title, item.description, item.owner, item.dueOffsetDays, item.required ? 1 : 0, item.sort);
  }
}

export type ToggleOutcome =
  | { kind: 'updated'; item: ChecklistItem }
  | { kind: 'unchanged'; item: ChecklistItem }
  | { kind: 'stale'; current: ChecklistItem }
  | { kind: 'not-found' };

/**
 * Sets `done` only if the item is still at `expectedVersion`: the UPDATE's WHERE clause is the
 * lock, so of two toggles sent from the same version exactly one wins and the other learns the
 * current state (nothing is overwritten). Audited in the same transaction.
 */
export function toggleItem(
  db: Db,
  input: { returner: ReturnerRecord; itemId: string; done: boolean; expectedVersion: number; viewer: Viewer },
): ToggleOutcome {
  return db.transaction((): ToggleOutcome => {
    const { returner, itemId, done, expectedVersion, viewer } = input;
    const before = readItem(db, returner, itemId);
    if (!before) return { kind: 'not-found' };
    if (before.version !== expectedVersion) return { kind: 'stale', current: before };
    if (before.done === done) return { kind: 'unchanged', item: before };
    const sub = 'sub' in viewer ? viewer.sub : null;
    const changed = db
      .prepare(
        `UPDATE checklist_items SET done = ?, done_by = ?, done_at = ?, version = version + 1
         WHERE id = ? AND returner_id = ? AND version = ?`,
      )
      .run(done ? 1 : 0, done ? sub : null, done ? new Date().toISOString() : null, itemId, returner.id, expectedVersion).changes;
    const item = readItem(db, returner, itemId)!;
    if (changed === 0) return { kind: 'stale', current: item };
    recordAudit(db, {
      viewer,
      action: done ? 'checklist.item.done' : 'checklist.item.undone',
      subject: itemId,
      detail: { returnerId: returner.id, title: item.title, done, version: item.version },
    });
    return { kind: 'updated', item };
  }).immediate();
}

export function addItem(db: Db, input: { returner: ReturnerRecord; item: ChecklistItemCreate; viewer: Viewer }): ChecklistItem {
  return db.transaction(() => {
    const { returner, item, viewer } = input;
    const id = idFromBytes('ci', randomBytes(16));
    const sort = db
      .prepare<[string, string], number>('SELECT COALESCE(MAX(sort), 0) + 1 FROM checklist_items WHERE returner_id = ? AND category_id = ?')
      .pluck()
      .get(returner.id, item.categoryId)!;
    insertChecklistItems(db, returner.id, [
      {
        id,
        categoryId: item.categoryId,
        owner: item.owner,
        dueOffsetDays: item.dueOffsetDays,
        required: item.required,
        title: item.title,
        description: item.description || null,
        sort,
        orgChangeId: null,
      },
    ]);
    recordAudit(db, { viewer, action: 'checklist.item.add', subject: id, detail: { returnerId: returner.id, ...item } });
    return readItem(db, returner, id)!;
  }).immediate();
}

/** The company's re-onboarding template, in order (the `checklist_template` table, migration 4). */
export function readChecklistTemplate(db: Db): ChecklistTemplateItem[] {
  return db
    .prepare<
      [],
      {
        category_id: string;
        owner: ChecklistOwner;
        due_offset_days: number;
        required: number;
        title_en: string;
        title_ja: string;
        description_en: string | null;
        description_ja: string | null;
      }
    >('SELECT * FROM checklist_template ORDER BY sort')
    .all()
    .map((row) => ({
      category: row.category_id,
      owner: row.owner,
      dueOffsetDays: row.due_offset_days,
      required: row.required === 1,
      title: { en: row.title_en, ja: row.title_ja },
      description:
        row.description_en !== null || row.description_ja !== null
          ? { en: row.description_en ?? '', ja: row.description_ja ?? '' }
          : null,
    }));
}
