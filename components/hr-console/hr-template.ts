import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { checklistEn } from '../reonboarding-checklist/reonboarding-checklist.messages.en.js';
import { checklistJa } from '../reonboarding-checklist/reonboarding-checklist.messages.ja.js';
import { adapterMethod } from '../../src/api/adapter.js';
import { getChecklistTemplate, saveChecklistTemplate } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { ChecklistOwner, ChecklistTemplate, ChecklistTemplateItem, FieldErrorCode, VersionedChecklistTemplate } from '../../src/api/types.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { fieldErrorKey } from '../../src/internal/error-message.js';
import { fieldStyles, renderCheckbox, renderField } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { Mutations } from '../../src/internal/mutation.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { renderSpinner, spinnerStyles } from '../../src/internal/spinner.js';
import { sectionStyles } from './hr-sections.styles.js';
import { hrTemplateEn } from './hr-template.messages.en.js';
import { hrTemplateJa } from './hr-template.messages.ja.js';

const OWNERS: readonly ChecklistOwner[] = ['returner', 'manager', 'hr', 'it'];
/** The categories every database has (migration 1); a template may name others the company added. */
const KNOWN_CATEGORIES = ['what-changed', 'training', 'accounts', 'people'] as const;
/** The server's limits (server/schemas/checklist.ts CHECKLIST_LIMITS, server/schemas/hr.ts MAX_TEMPLATE_ITEMS). */
const LIMITS = { title: 200, description: 1000, maxOffsetDays: 365, items: 100 } as const;

/** One item as edited: the inputs' text, and a key that follows it when it moves. */
interface Row {
  key: number;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  category: string;
  owner: ChecklistOwner;
  due: string;
  required: boolean;
}

type RowField = 'titleJa' | 'titleEn' | 'descriptionJa' | 'descriptionEn' | 'category' | 'owner' | 'due';
type RowErrors = Partial<Record<RowField, string>>;

let nextKey = 1;

function rowOf(item: ChecklistTemplateItem, key = nextKey++): Row {
  return {
    key,
    titleJa: item.title.ja,
    titleEn: item.title.en,
    descriptionJa: item.description?.ja ?? '',
    descriptionEn: item.description?.en ?? '',
    category: item.category,
    owner: item.owner,
    due: String(item.dueOffsetDays),
    required: item.required,
  };
}

function itemOf(row: Row): ChecklistTemplateItem {
  const description = { ja: row.descriptionJa.trim(), en: row.descriptionEn.trim() };
  return {
    category: row.category,
    owner: row.owner,
    dueOffsetDays: Number(row.due),
    required: row.required,
    title: { en: row.titleEn.trim(), ja: row.titleJa.trim() },
    description: description.ja || description.en ? description : null,
  };
}

/** The same items in the same order, whatever the key order of the JSON they came in. */
const canonical = (items: readonly ChecklistTemplateItem[]) =>
  JSON.stringify(items.map((item) => [item.category, item.owner, item.dueOffsetDays, item.required, item.title.ja, item.title.en, item.description?.ja ?? null, item.description?.en ?? null]));
const sameItems = (a: readonly ChecklistTemplateItem[], b: readonly ChecklistTemplateItem[]) => canonical(a) === canonical(b);

/** `items.3.title.en` → [3, 'titleEn']: where the server's field errors belong. */
function rowFieldOf(path: string): [number, RowField] | undefined {
  const match = /^items\.(\d+)\.(title|description|category|owner|dueOffsetDays)(?:\.(en|ja))?/.exec(path);
  if (!match) return undefined;
  const [, index, field, lang] = match;
  const name: RowField =
    field === 'dueOffsetDays' ? 'due' : field === 'title' || field === 'description' ? (`${field}${lang === 'en' ? 'En' : 'Ja'}` as RowField) : (field as RowField);
  return [Number(index), name];
}

/**
 * @tag okaeri-hr-template
 * @summary HR edits the company's re-onboarding checklist template: each item's bilingual title and
 * description, category, owner, due offset and whether it is required, in order (move buttons,
 * Alt+↑/↓), added and removed. Changes apply to checklists generated afterwards.
 *
 * A section of `<okaeri-hr-console>`, usable alone. Role `hr`; anyone else sees the no-permission
 * state, nobody signed in the sign-in state. When someone else saved the template meanwhile, the
 * newer version is shown beside the edits, which are kept, and HR chooses which one stands.
 *
 * @slot auth-required - Replaces the default "please sign in" message (no token, or the server answered 401).
 *
 * @fires okaeri-auth-required - `AuthRequiredEvent`: no token or a 401; detail `{ reason }`. Once per transition.
 *
 * @csspart note - "Changes apply to checklists generated afterwards".
 * @csspart items - The ordered list of items.
 * @csspart item - Each item's editor.
 * @csspart conflict - The newer version saved by someone else, with the two choices.
 * @csspart empty - "The template has no items".
 * @csspart field - Each form field.
 * @csspart field-label - A field's label.
 * @csspart field-required - The required marker.
 * @csspart field-hint - A field's hint.
 * @csspart field-error - A field's error.
 * @csspart button - Every button.
 * @csspart button-primary - Primary buttons.
 * @csspart button-secondary - Secondary buttons.
 * @csspart button-quiet - Quiet buttons.
 * @csspart button-label - A button's text.
 * @csspart button-spinner - A busy button's spinner.
 * @csspart spinner - The loading indicator.
 * @csspart error-banner - A failure with its retry button.
 * @csspart error-banner-message - The failure's text.
 * @csspart auth-required - The default "please sign in" message.
 * @csspart forbidden - The "you may not see this" message (no retry).
 */
export class OkaeriHrTemplate extends OkaeriElement {
  static override styles = [OkaeriElement.styles, spinnerStyles, buttonStyles, errorBannerStyles, fieldStyles, liveRegionStyles, sectionStyles];
  // The checklist's own owner names ("Returner", "IT"…): one wording in both widgets.
  static override messages = { en: { ...checklistEn, ...hrTemplateEn }, ja: { ...checklistJa, ...hrTemplateJa } };

  @state() private rows?: Row[];
  /** The template the edits started from, and its ETag: the server refuses a save (412) once another one was stored. */
  @state() private base: ChecklistTemplateItem[] = [];
  private etag: string | null = null;
  /** The newer template someone else saved (with its ETag), while HR decides. */
  @state() private newer?: VersionedChecklistTemplate;
  @state() private errors = new Map<number, RowErrors>();
  @state() private saveError?: unknown;
  /** A problem with the list as a whole (empty, too long). */
  @state() private listProblem?: string;

  private readonly announcer = new LiveAnnouncer(this);
  private readonly mutations = new Mutations(this, this.localize);

  private readonly templateTask = this.loadTask({
    args: () => [] as const,
    task: (_args, { signal, api }) => adapterMethod(api, 'getChecklistTemplate', getChecklistTemplate)({ signal }),
    onComplete: (versioned) => this.start(versioned),
  });

  private start({ template: { items }, etag }: VersionedChecklistTemplate): void {
    this.base = items;
    this.etag = etag;
    this.rows = items.map((item) => rowOf(item));
    this.errors = new Map();
    this.newer = undefined;
    this.listProblem = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('access') && this.access) this.rows = undefined;
  }

  override render(): TemplateResult {
    const l = this.localize;
    const body =
      this.renderAccess() ??
      (this.rows
        ? this.renderEditor(this.rows)
        : this.templateTask.render({
            initial: () => this.renderLoading(),
            pending: () => this.renderLoading(),
            error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.templateTask.run() }),
          }));
    return html`${body}${this.announcer.render()}`;
  }

  private renderLoading(): TemplateResult {
    const label = this.localize.msg('hrTemplate.loading');
    return html`<p class="loading">${renderSpinner(this.localize, { label })} <span aria-hidden="true">${label}</span></p>`;
  }

  private dirty(rows: Row[]): boolean {
    return !sameItems(rows.map(itemOf), this.base);
  }

  private renderEditor(rows: Row[]): TemplateResult {
    const l = this.localize;
    return html`<form novalidate aria-labelledby="template-heading" @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void this.save();
    }}>
      <div class="section-head"><h2 id="template-heading">${l.msg('hrTemplate.heading')}</h2></div>
      <p class="note" part="note">${l.msg('hrTemplate.note')}</p>
      ${this.newer ? this.renderConflict(this.newer) : nothing}
      <h3 class="subheading" id="items-heading">${l.msg('hrTemplate.items')} <span class="muted">${l.msg('hrTemplate.count', { count: rows.length })}</span></h3>
      <p class="muted" id="reorder-hint">${l.msg('hrTemplate.reorderHint')}</p>
      ${rows.length
        ? html`<ol class="plain items" part="items" aria-labelledby="items-heading">
            ${repeat(rows, (row) => row.key, (row, index) => this.renderRow(row, index, rows.length))}
          </ol>`
        : html`<p class="muted empty" part="empty">${l.msg('hrTemplate.empty')}</p>`}
      ${this.listProblem ? html`<p class="field-error" part="field-error" role="alert">${this.listProblem}</p>` : nothing}
      <div class="actions">
        ${renderButton({ label: l.msg('hrTemplate.add'), variant: 'secondary', disabled: rows.length >= LIMITS.items, onClick: () => void this.addRow() })}
      </div>
      ${this.saveError ? renderErrorBanner(l, { error: this.saveError }) : nothing}
      <div class="actions save subheading">
        ${renderButton({ label: l.msg('hrTemplate.save'), type: 'submit', busy: this.mutations.isPending('save') })}
        ${this.dirty(rows) ? html`<p class="muted unsaved">${l.msg('hrTemplate.unsaved')}</p>` : nothing}
      </div>
    </form>`;
  }

  private renderRow(row: Row, index: number, total: number): TemplateResult {
    const l = this.localize;
    const errors = this.errors.get(row.key) ?? {};
    const id = (field: string) => `t-${row.key}-${field}`;
    const title = (l.lang === 'ja' ? row.titleJa : row.titleEn).trim() || l.msg('hrTemplate.untitled');
    const text = (field: 'titleJa' | 'titleEn', label: string) =>
      renderField(l, { id: id(field), label, required: true, error: errors[field] }, (c) =>
        html`<input ${c} .value=${row[field]} maxlength=${LIMITS.title} autocomplete="off" @input=${(e: InputEvent) => this.edit(row.key, field, (e.target as HTMLInputElement).value)} />`,
      );
    const description = (field: 'descriptionJa' | 'descriptionEn', label: string) =>
      renderField(l, { id: id(field), label, hint: l.msg('hrTemplate.descriptionHint'), error: errors[field] }, (c) =>
        html`<textarea ${c} rows="2" maxlength=${LIMITS.description} .value=${row[field]} @input=${(e: InputEvent) => this.edit(row.key, field, (e.target as HTMLTextAreaElement).value)}></textarea>`,
      );
    const categories = [...new Set([...KNOWN_CATEGORIES, ...this.base.map((item) => item.category), row.category])];
    return html`<li class="panel" part="item" data-key=${row.key} @keydown=${(event: KeyboardEvent) => this.onKeydown(event, row.key)}>
      <fieldset class="field-group" aria-describedby="reorder-hint">
        <legend class="field-label">${l.msg('hrTemplate.item', { index: index + 1, title })}</legend>
        <div class="grid pair">${text('titleJa', l.msg('hrTemplate.titleJa'))} ${text('titleEn', l.msg('hrTemplate.titleEn'))}</div>
        <div class="grid pair">
          ${description('descriptionJa', l.msg('hrTemplate.descriptionJa'))} ${description('descriptionEn', l.msg('hrTemplate.descriptionEn'))}
        </div>
        <div class="grid pair">
          ${renderField(l, { id: id('category'), label: l.msg('hrTemplate.category'), error: errors.category }, (c) =>
            html`<select ${c} @change=${(e: Event) => this.edit(row.key, 'category', (e.target as HTMLSelectElement).value)}>
              ${categories.map((category) => html`<option value=${category} ?selected=${category === row.category}>${this.categoryLabel(category)}</option>`)}
            </select>`,
          )}
          ${renderField(l, { id: id('owner'), label: l.msg('hrTemplate.owner'), error: errors.owner }, (c) =>
            html`<select ${c} @change=${(e: Event) => this.edit(row.key, 'owner', (e.target as HTMLSelectElement).value)}>
              ${OWNERS.map((owner) => html`<option value=${owner} ?selected=${owner === row.owner}>${l.msg(`checklist.owner.${owner}`)}</option>`)}
            </select>`,
          )}
          ${renderField(l, { id: id('due'), label: l.msg('hrTemplate.due'), hint: l.msg('hrTemplate.dueHint', { max: LIMITS.maxOffsetDays }), error: errors.due }, (c) =>
            html`<input ${c} type="number" step="1" min=${-LIMITS.maxOffsetDays} max=${LIMITS.maxOffsetDays} .value=${row.due} @input=${(e: InputEvent) => this.edit(row.key, 'due', (e.target as HTMLInputElement).value)} />`,
          )}
        </div>
        ${renderCheckbox({ id: id('required'), label: l.msg('hrTemplate.required') }, (c) =>
          html`<input ${c} type="checkbox" .checked=${row.required} @change=${(e: Event) => this.change(row.key, { required: (e.target as HTMLInputElement).checked })} />`,
        )}
        <div class="actions">
          ${this.renderMove(row, 'up', index === 0)} ${this.renderMove(row, 'down', index === total - 1)}
          ${renderButton({ label: l.msg('hrTemplate.remove'), variant: 'quiet', onClick: () => void this.removeRow(row.key) })}
        </div>
      </fieldset>
    </li>`;
  }

  /** Move buttons keep their place at the ends (disabled), so the others never shift under the pointer. */
  private renderMove(row: Row, direction: 'up' | 'down', atEnd: boolean): TemplateResult {
    const l = this.localize;
    return html`<span data-move=${direction}>${renderButton({
      label: l.msg(direction === 'up' ? 'hrTemplate.moveUp' : 'hrTemplate.moveDown'),
      variant: 'secondary',
      disabled: atEnd,
      onClick: () => void this.moveRow(row.key, direction === 'up' ? -1 : 1, `[data-move=${direction}] button`),
    })}</span>`;
  }

  private categoryLabel(category: string): string {
    return (KNOWN_CATEGORIES as readonly string[]).includes(category) ? this.localize.msg(`hrTemplate.category.${category as (typeof KNOWN_CATEGORIES)[number]}`) : category;
  }

  private renderConflict(newer: VersionedChecklistTemplate): TemplateResult {
    const l = this.localize;
    return html`<div class="panel conflict" part="conflict" role="alert">
      <p>${l.msg('hrTemplate.conflict')}</p>
      <h3>${l.msg('hrTemplate.conflictNewer')}</h3>
      <ol>
        ${newer.template.items.map(
          (item) => html`<li>
            ${item.title[l.lang]}
            <span class="muted">· ${this.categoryLabel(item.category)} · ${l.msg(`checklist.owner.${item.owner}`)} · ${l.msg('hrTemplate.dueDays', { days: l.formatNumber(item.dueOffsetDays, { signDisplay: 'exceptZero' }) })}${item.required ? html` · ${l.msg('hrTemplate.required')}` : nothing}</span>
          </li>`,
        )}
      </ol>
      <div class="actions">
        ${renderButton({ label: l.msg('hrTemplate.keepMine'), variant: 'secondary', onClick: () => this.keepMine(newer) })}
        ${renderButton({ label: l.msg('hrTemplate.takeTheirs'), variant: 'quiet', onClick: () => void this.takeTheirs(newer) })}
      </div>
    </div>`;
  }

  /** The edits stand; the next save replaces the newer version on purpose (If-Match: its ETag). */
  private keepMine(newer: VersionedChecklistTemplate): void {
    this.base = newer.template.items;
    this.etag = newer.etag;
    this.newer = undefined;
    void this.announcer.announce(this.localize.msg('hrTemplate.conflictKept'));
    this.focusSelector('.save button');
  }

  private async takeTheirs(newer: VersionedChecklistTemplate): Promise<void> {
    this.start(newer);
    await this.updateComplete;
    this.focusSelector('#template-heading');
  }

  private edit(key: number, field: RowField, value: string): void {
    this.change(key, { [field]: value } as Partial<Row>);
  }

  private change(key: number, change: Partial<Row>): void {
    this.rows = this.rows?.map((row) => (row.key === key ? { ...row, ...change } : row));
    // A shown error follows the typing and goes away when fixed.
    if (this.errors.has(key)) {
      const row = this.rows?.find((each) => each.key === key);
      const errors = new Map(this.errors);
      if (row) errors.set(key, this.problemsOf(row));
      this.errors = errors;
    }
  }

  private onKeydown(event: KeyboardEvent, key: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const target = event.composedPath()[0] as HTMLElement;
    // Focus stays on the same control of the moved item.
    const selector = target.id ? `#${CSS.escape(target.id)}` : target.closest('[data-move]') ? `[data-move=${(target.closest('[data-move]') as HTMLElement).dataset.move}] button` : undefined;
    void this.moveRow(key, event.key === 'ArrowUp' ? -1 : 1, selector);
  }

  private async moveRow(key: number, step: -1 | 1, focusSelector?: string): Promise<void> {
    const rows = [...(this.rows ?? [])];
    const from = rows.findIndex((row) => row.key === key);
    const to = from + step;
    if (from < 0 || to < 0 || to >= rows.length) return;
    [rows[from], rows[to]] = [rows[to]!, rows[from]!];
    this.rows = rows;
    void this.announcer.announce(this.localize.msg('hrTemplate.moved', { index: to + 1, total: rows.length }));
    await this.updateComplete;
    const item = this.renderRoot.querySelector<HTMLElement>(`li[data-key="${key}"]`);
    // At an end the pressed button is disabled: focus moves to its sibling.
    const target = (focusSelector && item?.querySelector<HTMLElement>(`${focusSelector}:not(:disabled)`)) || item?.querySelector<HTMLElement>('[data-move] button:not(:disabled)');
    target?.focus();
  }

  private async removeRow(key: number): Promise<void> {
    const rows = this.rows ?? [];
    const index = rows.findIndex((row) => row.key === key);
    const removed = rows[index];
    if (!removed) return;
    this.rows = rows.filter((row) => row.key !== key);
    const errors = new Map(this.errors);
    errors.delete(key);
    this.errors = errors;
    const title = (this.localize.lang === 'ja' ? removed.titleJa : removed.titleEn) || this.localize.msg('hrTemplate.untitled');
    void this.announcer.announce(this.localize.msg('hrTemplate.removed', { title }));
    await this.updateComplete;
    // Focus goes to the item that took its place (or the one before), else to "Add".
    const next = this.rows[index] ?? this.rows[index - 1];
    const target = next ? this.renderRoot.querySelector<HTMLElement>(`#t-${next.key}-titleJa`) : this.renderRoot.querySelector<HTMLElement>('.actions button');
    target?.focus();
  }

  private async addRow(): Promise<void> {
    const row: Row = { key: nextKey++, titleJa: '', titleEn: '', descriptionJa: '', descriptionEn: '', category: 'training', owner: 'hr', due: '0', required: true };
    this.rows = [...(this.rows ?? []), row];
    this.listProblem = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#t-${row.key}-titleJa`)?.focus();
  }

  private problemsOf(row: Row): RowErrors {
    const l = this.localize;
    const problems: RowErrors = {};
    if (!row.titleJa.trim()) problems.titleJa = l.msg('validation.required');
    if (!row.titleEn.trim()) problems.titleEn = l.msg('validation.required');
    const ja = row.descriptionJa.trim();
    const en = row.descriptionEn.trim();
    if (ja && !en) problems.descriptionEn = l.msg('hrTemplate.descriptionPair');
    if (en && !ja) problems.descriptionJa = l.msg('hrTemplate.descriptionPair');
    const due = Number(row.due);
    if (row.due.trim() === '' || !Number.isInteger(due) || Math.abs(due) > LIMITS.maxOffsetDays) {
      problems.due = l.msg('hrTemplate.dueInvalid', { max: LIMITS.maxOffsetDays });
    }
    return problems;
  }

  /** Shows the problems next to their fields and focuses the first; false when there are none. */
  private showProblems(errors: Map<number, RowErrors>): boolean {
    this.errors = errors;
    const order: RowField[] = ['titleJa', 'titleEn', 'descriptionJa', 'descriptionEn', 'category', 'owner', 'due'];
    const count = [...errors.values()].reduce((sum, each) => sum + Object.values(each).filter(Boolean).length, 0);
    if (!count) return false;
    const first = (this.rows ?? []).flatMap((row) => order.filter((field) => errors.get(row.key)?.[field]).map((field) => `#t-${row.key}-${field}`))[0];
    void this.announcer.announce(this.localize.msg('hrTemplate.invalid', { count }));
    if (first) this.focusSelector(first);
    return true;
  }

  private focusSelector(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /**
   * Saves the whole template with `If-Match` set to the ETag of the version the edits started
   * from. A 412 (someone saved since) keeps the edits: the newer version is read and shown beside
   * them, and HR chooses which one stands.
   */
  private async save(): Promise<void> {
    if (this.mutations.isPending('save') || !this.rows) return;
    const l = this.localize;
    const rows = this.rows;
    this.saveError = undefined;
    this.listProblem = rows.length ? undefined : l.msg('hrTemplate.empty');
    if (this.showProblems(new Map(rows.map((row) => [row.key, this.problemsOf(row)]))) || this.listProblem) return;
    const body: ChecklistTemplate = { items: rows.map(itemOf) };
    const result = await this.mutations.run({
      id: 'save',
      send: ({ signal }) => adapterMethod(this.api, 'saveChecklistTemplate', saveChecklistTemplate)(body, this.etag ?? '*', { signal }),
    });
    if (!result.ok) {
      if (result.aborted) return;
      const error = result.error;
      if (error instanceof OkaeriApiError && error.status === 412) {
        try {
          return this.showConflict(await adapterMethod(this.api, 'getChecklistTemplate', getChecklistTemplate)());
        } catch (readError) {
          this.saveError = readError;
          return;
        }
      }
      if (!this.showServerErrors(error)) this.saveError = error;
      return;
    }
    const saved = result.value.template.items;
    this.base = saved;
    this.etag = result.value.etag;
    this.newer = undefined;
    // The stored items (trimmed) under the same keys, so focus and the order on screen stay.
    this.rows = saved.map((item, index) => rowOf(item, rows[index]?.key));
    void this.announcer.announce(l.msg('hrTemplate.saved'));
  }

  private showConflict(current: VersionedChecklistTemplate): void {
    this.newer = current;
    this.focusSelector('.conflict button');
  }

  private showServerErrors(error: unknown): boolean {
    if (!(error instanceof OkaeriApiError)) return false;
    const rows = this.rows ?? [];
    const errors = new Map<number, RowErrors>();
    for (const [path, code] of Object.entries(error.fieldErrors)) {
      const place = rowFieldOf(path);
      const row = place && rows[place[0]];
      if (!row || !place) continue;
      errors.set(row.key, { ...errors.get(row.key), [place[1]]: this.localize.msg(fieldErrorKey(code as FieldErrorCode)) });
    }
    return this.showProblems(errors);
  }
}
