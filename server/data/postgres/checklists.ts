import { randomBytes } from 'node:crypto';
import { type ChecklistRelation, mayAdd, mayToggle, ownersOf } from '../../domain/checklist-permissions.js';
import type { ChecklistOwner } from '../../domain/checklist-template.js';
import { idFromBytes } from '../../ids.js';
import type { ChecklistItem } from '../../schemas/checklist.js';
import { dueDate } from '../checklist.js';
import { type ReturnerRecord, returnerView } from '../returners.js';
import type { ChecklistData, SeedChecklistItem, ToggleOutcome } from '../store.js';
import { recordAudit } from './audit.js';
import type { Sql } from './sql.js';

interface ItemRow {
  id: string;
  category_id: string;
  title: string;
  description: string | null;
  owner: ChecklistOwner;
  due_offset_days: number;
  required: boolean;
  done: boolean;
  done_by: string | null;
  done_at: string | null;
  version: number;
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

function toItem(row: ItemRow, returnDate: string): ChecklistItem {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    description: row.description,
    owner: row.owner,
    dueOffsetDays: row.due_offset_days,
    dueDate: dueDate(returnDate, row.due_offset_days),
    required: row.required,
    done: row.done,
    doneBy:
      row.done && row.done_by
        ? {
            id: row.done_by,
            familyName: row.by_family_name ?? '',
            givenName: row.by_given_name ?? '',
            familyNameKana: row.by_family_name_kana,
            givenNameKana: row.by_given_name_kana,
          }
        : null,
    doneAt: row.done ? row.done_at : null,
    version: row.version,
  };
}

async function readItem(sql: Sql, returner: ReturnerRecord, itemId: string): Promise<ChecklistItem | undefined> {
  const row = await sql.first<ItemRow>(`${SELECT_ITEMS} WHERE i.returner_id = $1 AND i.id = $2`, [returner.id, itemId]);
  return row && toItem(row, returner.returnDate);
}

/** Checklist items as computed rows (generated checklists, seeds), in one statement. */
export async function insertChecklistItems(sql: Sql, items: readonly SeedChecklistItem[]): Promise<void> {
  if (items.length === 0) return;
  await sql.run(
    `INSERT INTO checklist_items (id, returner_id, category_id, title, description, owner, due_offset_days,
       required, done, done_by, done_at, version, sort)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[],
       $8::boolean[], $9::boolean[], $10::text[], $11::text[], $12::integer[], $13::integer[])`,
    [
      items.map((item) => item.id),
      items.map((item) => item.returnerId),
      items.map((item) => item.categoryId),
      items.map((item) => item.title),
      items.map((item) => item.description),
      items.map((item) => item.owner),
      items.map((item) => item.dueOffsetDays),
      items.map((item) => item.required),
      items.map((item) => item.done),
      items.map((item) => item.doneBy),
      items.map((item) => item.doneAt),
      items.map((item) => item.version),
      items.map((item) => item.sort),
    ],
  );
}

export function checklistData(sql: Sql): ChecklistData {
  return {
    async read(returner: ReturnerRecord, relation: ChecklistRelation) {
      const [rows, categories] = await Promise.all([
        sql.query<ItemRow>(`${SELECT_ITEMS} WHERE i.returner_id = $1 ORDER BY c.sort, c.id, i.sort, i.id`, [returner.id]),
        sql.query<{ id: string; name_en: string; name_ja: string }>('SELECT id, name_en, name_ja FROM checklist_categories ORDER BY sort, id'),
      ]);
      const items = rows.map((row) => toItem(row, returner.returnDate));
      return {
        returner: returnerView(returner),
        categories: categories.map((row) => ({ id: row.id, name: { en: row.name_en, ja: row.name_ja } })),
        items,
        permissions: {
          canToggle: items.filter((item) => mayToggle(relation, item.owner)).map((item) => item.id),
          canAdd: mayAdd(relation),
          viewerOwners: ownersOf(relation),
        },
      };
    },

    readItem: (returner, itemId) => readItem(sql, returner, itemId),

    async categoryExists(id) {
      return (await sql.first('SELECT 1 FROM checklist_categories WHERE id = $1', [id])) !== undefined;
    },

    /*
     * Compare-and-set without a lock held across requests: UPDATE … WHERE version = $n. Under READ
     * COMMITTED a concurrent toggle that committed first makes the WHERE false when this UPDATE
     * re-checks the row, so of two toggles from one version exactly one changes it, on any
     * instance; the other answers `stale` with the item as it now is.
     */
    toggle: ({ returner, itemId, done, expectedVersion, viewer }) =>
      sql.atomic(async (tx): Promise<ToggleOutcome> => {
        const before = await readItem(tx, returner, itemId);
        if (!before) return { kind: 'not-found' };
        if (before.version !== expectedVersion) return { kind: 'stale', current: before };
        if (before.done === done) return { kind: 'unchanged', item: before };
        const sub = 'sub' in viewer ? viewer.sub : null;
        const changed = await tx.run(
          `UPDATE checklist_items SET done = $1, done_by = $2, done_at = $3, version = version + 1
           WHERE id = $4 AND returner_id = $5 AND version = $6`,
          [done, done ? sub : null, done ? new Date().toISOString() : null, itemId, returner.id, expectedVersion],
        );
        const item = (await readItem(tx, returner, itemId))!;
        if (changed === 0) return { kind: 'stale', current: item };
        await recordAudit(tx, {
          viewer,
          action: done ? 'checklist.item.done' : 'checklist.item.undone',
          subject: itemId,
          detail: { returnerId: returner.id, title: item.title, done, version: item.version },
        });
        return { kind: 'updated', item };
      }),

    /*
     * The returner's row lock orders concurrent adds to one checklist: each reads MAX(sort) after
     * the previous add committed, so items get distinct positions at the end of their category.
     */
    add: ({ returner, item, viewer }) =>
      sql.atomic(async (tx) => {
        await tx.run('SELECT 1 FROM returners WHERE id = $1 FOR UPDATE', [returner.id]);
        const id = idFromBytes('ci', randomBytes(16));
        const { sort } = (await tx.first<{ sort: number }>(
          'SELECT COALESCE(MAX(sort), 0) + 1 AS sort FROM checklist_items WHERE returner_id = $1 AND category_id = $2',
          [returner.id, item.categoryId],
        ))!;
        await insertChecklistItems(tx, [
          {
            id,
            returnerId: returner.id,
            categoryId: item.categoryId,
            owner: item.owner,
            dueOffsetDays: item.dueOffsetDays,
            required: item.required,
            title: item.title,
            description: item.description || null,
            done: false,
            doneBy: null,
            doneAt: null,
            version: 1,
            sort,
          },
        ]);
        await recordAudit(tx, { viewer, action: 'checklist.item.add', subject: id, detail: { returnerId: returner.id, ...item } });
        return (await readItem(tx, returner, id))!;
      }),
  };
}
