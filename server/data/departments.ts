import type { Db } from '../db/open.js';
import type { Department } from '../schemas/meta.js';

export function listDepartments(db: Db): Department[] {
  return db
    .prepare<[], { id: string; name_en: string; name_ja: string }>(
      'SELECT id, name_en, name_ja FROM departments ORDER BY sort, id',
    )
    .all()
    .map((row) => ({ id: row.id, name: { en: row.name_en, ja: row.name_ja } }));
}
