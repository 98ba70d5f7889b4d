import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { adapterMethod } from '../../src/api/adapter.js';
import { addChecklistItem, getChecklist, setChecklistItemDone } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { Checklist, ChecklistItem, ChecklistItemCreate, ChecklistOwner, FieldErrorCode } from '../../src/api/types.js';
import { ChecklistChangeEvent } from '../../src/events/checklist-change.js';
import { ChecklistCompleteEvent } from '../../src/events/checklist-complete.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { localToday } from '../../src/internal/dates.js';
import { fieldErrorKey } from '../../src/internal/error-message.js';
import { fieldStyles, renderCheckbox, renderField } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { Mutations } from '../../src/internal/mutation.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { renderSpinner, spinnerStyles } from '../../src/internal/spinner.js';
import { styles } from './reonboarding-checklist.styles.js';
import { checklistEn } from './reonboarding-checklist.messages.en.js';
import { checklistJa } from './reonboarding-checklist.messages.ja.js';

const OWNERS: readonly ChecklistOwner[] = ['returner', 'manager', 'hr', 'it'];
const URL_PATTERN = /(https?:\/\/[^\s<>"'）」]+)/;

/**
 * @tag okaeri-reonboarding-checklist
 * @summary A returning employee's re-onboarding checklist: items grouped by category with owners,
 * real due dates, required/optional, who ticked what and when, progress of required items, and
 * toggles for what the viewer may change. HR adds items in place.
 *
 * Without `returner-id` it shows the signed-in returner's own checklist (`me`). Who may toggle or
 * add comes from the server; controls the viewer may not use are not rendered. Toggling is
 * optimistic: a failure rolls back and says why; a concurrent change (412) shows the item as it is
 * now and says what changed instead of overwriting it.
 *
 * @slot auth-required - Replaces the default "please sign in" message (no token, or the server answered 401).
 *
 * @fires okaeri-auth-required - `AuthRequiredEvent`: no token or a 401; detail `{ reason }`. Once per transition.
 * @fires okaeri-checklist-change - `ChecklistChangeEvent`: the server confirmed a toggle; detail `{ returnerId, item, done }`.
 * @fires okaeri-checklist-complete - `ChecklistCompleteEvent`: a toggle made every required item done (once); detail `{ returnerId, required }`.
 *
 * @csspart header - Heading and return date.
 * @csspart heading - The heading.
 * @csspart progress - The progress block.
 * @csspart progress-bar - The progress bar.
 * @csspart progress-text - "n of m done".
 * @csspart filters - The "my items" / "show done" checkboxes.
 * @csspart category - Each category section.
 * @csspart category-heading - A category's heading.
 * @csspart item - Each item (`data-done`, `data-overdue` attributes).
 * @csspart item-toggle - An item's checkbox.
 * @csspart item-title - An item's title.
 * @csspart item-meta - Owner and due date.
 * @csspart item-description - An item's description.
 * @csspart item-message - A saved, conflict or rollback message under an item.
 * @csspart overdue - The overdue marker.
 * @csspart badge - The "required" badge.
 * @csspart add-form - HR's add-item form.
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
 *
 * @cssproperty --okaeri-checklist-progress-color - Fill of the progress bar (default: success).
 */
export class OkaeriReonboardingChecklist extends OkaeriElement {
  static override styles = [OkaeriElement.styles, spinnerStyles, buttonStyles, errorBannerStyles, fieldStyles, liveRegionStyles, styles];
  static override messages = { en: checklistEn, ja: checklistJa };

  /** The returner whose checklist to show; unset, the signed-in returner's own (`me`). */
  @property({ attribute: 'returner-id' }) returnerId?: string;

  /** The checklist as shown, with optimistic changes applied. */
  @state() private data?: Checklist;
  /** Show only the viewer's own items. */
  @state() private mine = false;
  @state() private showDone = true;
  /** A message under an item after a rollback or a conflict, by item id. */
  @state() private notes = new Map<string, string>();
  @state() private adding = false;
  @state() private addErrors: Record<string, FieldErrorCode> = {};
  /** A failure of the add form that is not about one field. */
  @state() private addError?: unknown;

  private readonly announcer = new LiveAnnouncer(this);
  private completed = false;

  private readonly mutations = new Mutations(this, this.localize);

  private readonly checklistTask = this.loadTask({
    args: () => [this.returnerId || 'me'] as const,
    task: ([id], { signal, api }) => adapterMethod(api, 'getChecklist', getChecklist)(id, { signal }),
    onComplete: (checklist) => {
      this.data = checklist;
      this.notes = new Map();
      // A list that arrives complete has nothing left to celebrate.
      this.completed = allRequiredDone(checklist.items);
    },
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // Another returner, another viewer (a new token) or no access: nothing of the old list may linger.
    if (changed.has('returnerId') || (changed.has('access') && this.access)) this.data = undefined;
  }

  override render(): TemplateResult {
    const body =
      this.renderAccess() ??
      (this.data
        ? this.renderChecklist(this.data)
        : this.checklistTask.render({
            initial: () => this.renderLoading(),
            pending: () => this.renderLoading(),
            error: (error) => renderErrorBanner(this.localize, { error, onRetry: () => void this.checklistTask.run() }),
          }));
    return html`${body}${this.announcer.render()}`;
  }

  private renderLoading(): TemplateResult {
    const label = this.localize.msg('checklist.loading');
    return html`<p class="loading">${renderSpinner(this.localize, { label })} <span aria-hidden="true">${label}</span></p>`;
  }

  private renderChecklist(data: Checklist): TemplateResult {
    const l = this.localize;
    const required = data.items.filter((item) => item.required);
    const done = required.filter((item) => item.done).length;
    const mineAvailable = data.permissions.viewerOwners.length > 0;
    const visible = data.items.filter(
      (item) =>
        (this.showDone || !item.done || this.mutations.isPending(item.id) || this.notes.has(item.id)) &&
        (!this.mine || data.permissions.viewerOwners.includes(item.owner)),
    );
    const sections = data.categories
      .map((category) => ({ category, items: visible.filter((item) => item.categoryId === category.id) }))
      .filter((section) => section.items.length > 0);
    const lang = l.lang;
    return html`
      <header part="header">
        <h2 part="heading">${l.msg('checklist.title', { name: l.personName(data.returner.person, { honorific: true }) })}</h2>
        <p class="muted">${l.msg('checklist.returnDate', { date: l.formatDate(data.returner.returnDate, { dateStyle: 'long' }) })}</p>
      </header>
      <div class="progress" part="progress">
        <progress part="progress-bar" max=${required.length || 1} .value=${done} aria-label=${l.msg('checklist.progressLabel')}></progress>
        <p part="progress-text">
          ${l.msg('checklist.progress', { done, total: required.length })}
          ${required.length > 0 && done === required.length ? html`<strong>✓ ${l.msg('checklist.complete')}</strong>` : nothing}
        </p>
      </div>
      <fieldset class="filters" part="filters">
        <legend class="visually-hidden">${l.msg('checklist.filters')}</legend>
        ${mineAvailable
          ? html`<label class="check"><input type="checkbox" name="mine" .checked=${this.mine} @change=${(e: Event) => (this.mine = (e.target as HTMLInputElement).checked)} />
              ${l.msg('checklist.mine')}</label>`
          : nothing}
        <label class="check"><input type="checkbox" name="showDone" .checked=${this.showDone} @change=${(e: Event) => (this.showDone = (e.target as HTMLInputElement).checked)} />
          ${l.msg('checklist.showDone')}</label>
      </fieldset>
      ${sections.length === 0 ? html`<p class="muted">${l.msg('checklist.empty')}</p>` : nothing}
      ${sections.map(
        ({ category, items }) => html`<section part="category" aria-labelledby="cat-${category.id}">
          <h3 part="category-heading" id="cat-${category.id}">${category.name[lang] ?? category.name.en}</h3>
          <ul>
            ${repeat(items, (item) => item.id, (item) => this.renderItem(data, item))}
          </ul>
        </section>`,
      )}
      ${data.permissions.canAdd ? this.renderAdd(data) : nothing}
    `;
  }

  private renderItem(data: Checklist, item: ChecklistItem): TemplateResult {
    const l = this.localize;
    const canToggle = data.permissions.canToggle.includes(item.id);
    const saving = this.mutations.isPending(item.id);
    const overdue = !item.done && item.dueDate < localToday();
    const note = this.notes.get(item.id);
    const id = `item-${item.id}`;
    const title = html`<span part="item-title" class="title">${item.title}</span>`;
    return html`<li part="item" class="item" data-item-id=${item.id} tabindex="-1" ?data-done=${item.done} ?data-overdue=${overdue} aria-busy=${saving ? 'true' : 'false'}>
      <div class="head">
        ${canToggle
          ? html`<input
                part="item-toggle"
                type="checkbox"
                id=${id}
                .checked=${item.done}
                aria-describedby="${id}-meta"
                @change=${(e: Event) => this.toggle(item, (e.target as HTMLInputElement).checked)}
              /><label for=${id}>${title}</label>`
          : html`<span class="status" aria-hidden="true">${item.done ? '✓' : '○'}</span>${title}
              <span class="visually-hidden">${l.msg(item.done ? 'checklist.done' : 'checklist.notDone')}</span>`}
      </div>
      <p class="meta" part="item-meta" id="${id}-meta">
        ${overdue ? html`<span class="overdue" part="overdue"><span aria-hidden="true">⚠</span> ${l.msg('checklist.overdue')}</span>` : nothing}
        <span>${l.msg('checklist.due', { date: l.formatDate(item.dueDate) })}</span>
        <span>${l.msg('checklist.owner', { owner: l.msg(`checklist.owner.${item.owner}`) })}</span>
        <span class="badge" part="badge">${l.msg(item.required ? 'checklist.required' : 'checklist.optional')}</span>
        ${saving
          ? html`<span>${l.msg('checklist.saving')}</span>`
          : item.done && item.doneBy && item.doneAt
            ? html`<span>${l.msg('checklist.doneBy', { name: l.personName(item.doneBy, { honorific: true }), date: l.formatDate(item.doneAt) })}</span>`
            : nothing}
      </p>
      ${item.description ? html`<p class="description" part="item-description">${linkify(item.description)}</p>` : nothing}
      ${note ? html`<p class="note" part="item-message">${note}</p>` : nothing}
    </li>`;
  }

  private renderAdd(data: Checklist): TemplateResult {
    const l = this.localize;
    if (!this.adding) {
      return html`<div class="add">${renderButton({ label: l.msg('checklist.add'), variant: 'secondary', onClick: () => void this.openAdd() })}</div>`;
    }
    const error = (field: string) => (this.addErrors[field] ? l.msg(fieldErrorKey(this.addErrors[field]!)) : undefined);
    return html`<form part="add-form" class="add-form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.submitAdd(e.target as HTMLFormElement))}>
      <h3>${l.msg('checklist.addHeading')}</h3>
      ${this.addError ? renderErrorBanner(l, { error: this.addError }) : nothing}
      ${renderField(l, { id: 'add-title', label: l.msg('checklist.field.title'), required: true, error: error('title') }, (c) => html`<input ${c} name="title" maxlength="200" autocomplete="off" />`)}
      ${renderField(l, { id: 'add-category', label: l.msg('checklist.field.category'), error: error('categoryId') }, (c) => html`<select ${c} name="categoryId">
        ${data.categories.map((category) => html`<option value=${category.id}>${category.name[l.lang] ?? category.name.en}</option>`)}
      </select>`)}
      ${renderField(l, { id: 'add-owner', label: l.msg('checklist.field.owner'), error: error('owner') }, (c) => html`<select ${c} name="owner">
        ${OWNERS.map((owner) => html`<option value=${owner}>${l.msg(`checklist.owner.${owner}`)}</option>`)}
      </select>`)}
      ${renderField(l, { id: 'add-due', label: l.msg('checklist.field.due'), hint: l.msg('checklist.field.dueHint'), error: error('dueOffsetDays') }, (c) => html`<input ${c} name="dueOffsetDays" type="number" min="-365" max="365" step="1" value="0" />`)}
      ${renderCheckbox({ id: 'add-required', label: l.msg('checklist.required') }, (c) => html`<input ${c} type="checkbox" name="required" checked />`)}
      <div class="actions">
        ${renderButton({ label: l.msg('checklist.add'), type: 'submit', busy: this.mutations.isPending('add') })}
        ${renderButton({ label: l.msg('action.cancel'), variant: 'quiet', onClick: () => void this.closeAdd() })}
      </div>
    </form>`;
  }

  private async openAdd(): Promise<void> {
    this.adding = true;
    this.addErrors = {};
    this.addError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#add-title')?.focus();
  }

  /** Cancel: the form goes and focus returns to the button that opened it, not to <body>. */
  private async closeAdd(): Promise<void> {
    this.adding = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.add button')?.focus();
  }

  /**
   * HR adds an item. One Idempotency-Key per body (the shared mutation helper): pressing "Add"
   * again after a lost answer replays the first write instead of creating a second item.
   */
  private async submitAdd(form: HTMLFormElement): Promise<void> {
    if (this.mutations.isPending('add')) return;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const body: ChecklistItemCreate = {
      title: value('title').trim(),
      categoryId: value('categoryId'),
      owner: value('owner') as ChecklistOwner,
      dueOffsetDays: Number(value('dueOffsetDays')),
      required: (form.elements.namedItem('required') as HTMLInputElement).checked,
    };
    this.addError = undefined;
    if (!body.title) {
      this.addErrors = { title: 'required' };
      form.querySelector<HTMLInputElement>('#add-title')?.focus();
      return;
    }
    const returnerId = this.data!.returner.id;
    const result = await this.mutations.run({
      id: 'add',
      body: { returnerId, ...body },
      send: (options) => adapterMethod(this.api, 'addChecklistItem', addChecklistItem)(returnerId, body, options),
    });
    if (!result.ok) {
      if (result.aborted) return;
      this.addErrors = result.error instanceof OkaeriApiError ? result.error.fieldErrors : {};
      if (Object.keys(this.addErrors).length === 0) this.addError = result.error;
      return;
    }
    const item = result.value;
    const data = this.data!;
    this.addErrors = {};
    this.data = {
      ...data,
      items: insertInCategory(data, item),
      permissions: { ...data.permissions, canToggle: [...data.permissions.canToggle, item.id] },
    };
    this.adding = false;
    // Shown even with "show done" off or "only my items" on, so focus has somewhere to go.
    this.notes = new Map(this.notes).set(item.id, this.localize.msg('checklist.added', { title: item.title }));
    this.announcer.announce(this.localize.msg('checklist.added', { title: item.title }));
    await this.updateComplete;
    // Focus the new item (its checkbox, or the item itself), never <body>.
    const added = this.renderRoot.querySelector<HTMLElement>(`#item-${CSS.escape(item.id)}`) ?? this.renderRoot.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(item.id)}"]`);
    added?.focus();
  }

  private replace(item: ChecklistItem): void {
    const data = this.data!;
    this.data = { ...data, items: data.items.map((each) => (each.id === item.id ? item : each)) };
  }

  private note(itemId: string, message?: string): void {
    const notes = new Map(this.notes);
    if (message) notes.set(itemId, message);
    else notes.delete(itemId);
    this.notes = notes;
  }

  /** Optimistic: shows the new state at once, then the server's answer (or the rollback). */
  private async toggle(before: ChecklistItem, done: boolean): Promise<void> {
    const l = this.localize;
    const returnerId = this.data!.returner.id;
    this.note(before.id);
    const result = await this.mutations.run({
      id: before.id,
      apply: () => this.replace({ ...before, done }),
      rollback: (error) => {
        const current = error instanceof OkaeriApiError && error.status === 412 ? (error.problem as { current?: ChecklistItem } | undefined)?.current : undefined;
        this.replace(current ?? before);
      },
      send: ({ signal }) => adapterMethod(this.api, 'setChecklistItemDone', setChecklistItemDone)(returnerId, before.id, done, before.version, { signal }),
    });
    if (result.ok) {
      const saved = result.value;
      this.replace(saved);
      this.announcer.announce(l.msg(saved.done ? 'checklist.saved' : 'checklist.savedUndone', { title: saved.title }));
      this.dispatchEvent(new ChecklistChangeEvent({ returnerId, item: saved, done: saved.done }));
      this.checkComplete(returnerId);
      return;
    }
    if (result.aborted) return;
    const { error } = result;
    const current = error instanceof OkaeriApiError && error.status === 412 ? (error.problem as { current?: ChecklistItem } | undefined)?.current : undefined;
    const who = current?.doneBy ? l.personName(current.doneBy, { honorific: true }) : '';
    const message = current
      ? l.msg(current.done ? 'checklist.conflictDone' : 'checklist.conflictUndone', { title: current.title, who })
      : l.msg('checklist.failed', { title: before.title, reason: result.reason });
    this.note(before.id, message);
    this.announcer.announce(message);
  }

  private checkComplete(returnerId: string): void {
    const { items } = this.data!;
    if (this.completed || !allRequiredDone(items)) return;
    this.completed = true;
    const required = items.filter((item) => item.required);
    this.announcer.announce(this.localize.msg('checklist.complete'));
    this.dispatchEvent(new ChecklistCompleteEvent({ returnerId, required: required.length }));
  }
}

function allRequiredDone(items: readonly ChecklistItem[]): boolean {
  const required = items.filter((item) => item.required);
  return required.length > 0 && required.every((item) => item.done);
}

/** Plain text with http(s) URLs as links; everything stays text (no HTML is interpreted). */
function linkify(text: string): (string | TemplateResult)[] {
  return text
    .split(URL_PATTERN)
    .map((part, index) => (index % 2 ? html`<a href=${part} target="_blank" rel="noopener noreferrer">${part}</a>` : part));
}

/** After the last item of its category, as the server would list it. */
function insertInCategory(data: Checklist, item: ChecklistItem): ChecklistItem[] {
  const items = [...data.items];
  let index = -1;
  items.forEach((each, position) => {
    if (each.categoryId === item.categoryId) index = position;
  });
  if (index < 0) {
    const order = data.categories.map((category) => category.id);
    const rank = order.indexOf(item.categoryId);
    index = items.findIndex((each) => order.indexOf(each.categoryId) > rank) - 1;
    if (index < -1) index = items.length - 1;
  }
  items.splice(index + 1, 0, item);
  return items;
}
