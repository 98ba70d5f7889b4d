import { html, type TemplateResult } from 'lit';
import type { HrExportQuery } from '../../src/api/types.js';
import type { LocalizeController } from '../../src/i18n/localize.js';
import { renderButton } from '../../src/internal/button.js';
import { localToday } from '../../src/internal/dates.js';
import { errorMessageKey } from '../../src/internal/error-message.js';
import { renderFieldGroup, renderGroupItem } from '../../src/internal/field.js';

export type ExportPurpose = HrExportQuery['purpose'];

/** "alumni-outreach-2026-12-02.csv" / "アルムナイ_連絡用_2026-12-02.csv": the day is the viewer's. */
export function exportFileName(l: LocalizeController, purpose: ExportPurpose, now = new Date()): string {
  const label = l.msg(purpose === 'outreach' ? 'hrConsole.export.fileOutreach' : 'hrConsole.export.fileRecords');
  return l.msg('hrConsole.export.fileName', { purpose: label, date: localToday(now) });
}

/** Hands the file to the browser's downloads, as a link the viewer clicked would. */
export function download(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked after the click's navigation has taken the URL, not before.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The export of the current segment: what the file is for (outreach holds only members who
 * agreed to be contacted, whatever the filters say), and the download. Part: `export`.
 */
export function renderExport(
  l: LocalizeController,
  { purpose, busy, error }: { purpose: ExportPurpose; busy: boolean; error?: unknown },
  { onPurpose, onExport }: { onPurpose: (purpose: ExportPurpose) => void; onExport: () => void },
): TemplateResult {
  const option = (value: ExportPurpose, label: string, hint: string) =>
    html`<div class="purpose">
      ${renderGroupItem({ label }, (control) =>
        html`<input ${control} type="radio" name="export-purpose" value=${value} .checked=${purpose === value} aria-describedby="hint-${value}" @change=${() => onPurpose(value)} />`,
      )}
      <p class="field-hint" id="hint-${value}">${hint}</p>
    </div>`;
  return html`<div class="export" part="export">
    ${renderFieldGroup(
      l,
      { id: 'export-purpose', label: l.msg('hrConsole.export.legend'), hint: l.msg('hrConsole.export.audited'), error: error === undefined ? undefined : l.msg(errorMessageKey(error)) },
      html`${option('outreach', l.msg('hrConsole.export.outreach'), l.msg('hrConsole.export.outreachHint'))}
      ${option('records', l.msg('hrConsole.export.records'), l.msg('hrConsole.export.recordsHint'))}`,
    )}
    <div class="actions">${renderButton({ label: l.msg('hrConsole.export.download'), variant: 'secondary', busy, onClick: onExport })}</div>
  </div>`;
}
