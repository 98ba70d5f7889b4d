import type { Viewer } from '../auth.js';
import type { Db } from '../db/open.js';
import { recordAudit } from './audit.js';
import type { ProgramSettings } from '../schemas/settings.js';

const KEYS = {
  programNameEn: 'program_name_en',
  programNameJa: 'program_name_ja',
  privacyPolicyUrl: 'privacy_policy_url',
  privacyPolicyVersion: 'privacy_policy_version',
  approval: 'approval',
} as const;

export function readProgramSettings(db: Db): ProgramSettings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
  const values = new Map(rows.map((row) => [row.key, row.value]));
  const read = (key: string) => {
    const value = values.get(key);
    if (value === undefined) throw new Error(`The setting "${key}" is missing from the database.`);
    return value;
  };
  return {
    programName: { en: read(KEYS.programNameEn), ja: read(KEYS.programNameJa) },
    privacyPolicy: { url: read(KEYS.privacyPolicyUrl), version: read(KEYS.privacyPolicyVersion) },
    approval: read(KEYS.approval) === 'true',
  };
}

/** Every setting, and (for a person's change) an audit row, in one transaction. */
export function writeProgramSettings(db: Db, settings: ProgramSettings, viewer?: Viewer): void {
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    upsert.run(KEYS.programNameEn, settings.programName.en);
    upsert.run(KEYS.programNameJa, settings.programName.ja);
    upsert.run(KEYS.privacyPolicyUrl, settings.privacyPolicy.url);
    upsert.run(KEYS.privacyPolicyVersion, settings.privacyPolicy.version);
    upsert.run(KEYS.approval, String(settings.approval));
    if (viewer) recordAudit(db, { viewer, action: 'settings.update', detail: settings });
  })();
}
