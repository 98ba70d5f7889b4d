// For C1 (<okaeri-hr-console>): the member detail's "register as returner" opens this section's
// form prefilled in one of two ways, whichever suits the shell: set the `member` property (an
// HrMember, or any { id, familyName, givenName }) on <okaeri-hr-returners>, or call
// `openRegister(member)` on it once it is rendered. Both show the form with that member chosen
// and focus its first empty field. The define call is in hr-returners.define.ts.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import '../reonboarding-checklist/reonboarding-checklist.js';
import { adapterMethod } from '../../src/api/adapter.js';
import { createReturner, getHrOverview, getMeta, listHrMembers, listReturners, searchEmployees } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { Department, EmployeeSummary, FieldErrorCode, HrMember, Locale, Returner, ReturnerCreate } from '../../src/api/types.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { fieldErrorKey } from '../../src/internal/error-message.js';
import { fieldStyles, renderField, renderFieldGroup, renderGroupItem } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { Mutations } from '../../src/internal/mutation.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { NextPageLoader, renderLoadMore } from '../../src/internal/load-more.js';
import { renderSpinner, spinnerStyles } from '../../src/internal/spinner.js';
import { sectionStyles } from './hr-sections.styles.js';
import { hrReturnersEn } from './hr-returners.messages.en.js';
import { hrReturnersJa } from './hr-returners.messages.ja.js';

/** The member a returner is registered from: an HR member record, or at least who it is. */
export type ReturnerCandidate = Pick<HrMember, 'id' | 'familyName' | 'givenName'> & Partial<Pick<HrMember, 'email' | 'left'>>;

/** A returner with their checklist's progress; `progress` undefined: every item is done. */
export interface ReturnerRow {
  returner: Returner;
  progress?: { done: number; total: number };
}

type RegisterField = keyof ReturnerCreate;

/** The server's limit on new role and team (server/schemas/returners.ts RETURNER_LIMITS.text). */
const TEXT_MAX = 100;
/** Returners per page (the API allows at most 100); "load more" shows the next. */
const PAGE = 50;
const SEARCH_LIMIT = 10;

/**
 * @tag okaeri-hr-returners
 * @summary HR's returners: the list with each checklist's progress, registering a returner from a
 * member of the network (return date, manager, new role and team; the checklist is generated from
 * the template), and each returner's checklist, shown by `<okaeri-reonboarding-checklist>`.
 *
 * A section of `<okaeri-hr-console>`, usable alone. Role `hr`; anyone else sees the no-permission
 * state, nobody signed in the sign-in state.
 *
 * @slot auth-required - Replaces the default "please sign in" message (no token, or the server answered 401).
 *
 * @fires okaeri-auth-required - `AuthRequiredEvent`: no token or a 401; detail `{ reason }`. Once per transition.
 *
 * @csspart table - The list of returners.
 * @csspart more - The footer under the list: "load more", or why the next page failed with a retry.
 * @csspart open - A returner's name, which opens their checklist.
 * @csspart progress - A returner's progress bar.
 * @csspart checklist - The open returner's checklist panel.
 * @csspart register-form - The registration form.
 * @csspart empty - "No returner is registered yet".
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
export class OkaeriHrReturners extends OkaeriElement {
  static override styles = [OkaeriElement.styles, spinnerStyles, buttonStyles, errorBannerStyles, fieldStyles, liveRegionStyles, sectionStyles];
  static override messages = { en: hrReturnersEn, ja: hrReturnersJa };

  /** Opens the registration form with this member chosen (the console's member detail sets it). */
  @property({ attribute: false }) member?: ReturnerCandidate;

  @state() private rows?: ReturnerRow[];
  /** Where the next page of returners starts; null on the last. */
  @state() private nextCursor: string | null = null;
  /** Checklist progress by returner id, from the overview (every returner in progress, not one page). */
  private progress = new Map<string, { done: number; total: number }>();
  /** The returner whose checklist is open. */
  @state() private openId?: string;
  @state() private registering = false;
  @state() private chosen?: ReturnerCandidate;
  /** The member was given (`member`, `openRegister(member)`), not picked from the search. */
  @state() private prefilled = false;
  /** The member search as submitted (the field's text is the input's own). */
  @state() private query = '';
  /** The manager search as submitted, and the manager chosen from it (optional). */
  @state() private managerQuery = '';
  @state() private manager?: EmployeeSummary;
  /** The departments' names, read with the first manager search. */
  private departments?: Department[];
  @state() private fieldErrors: Partial<Record<RegisterField, string>> = {};
  /** A failure of the form that is not about one field. */
  @state() private registerError?: unknown;

  private readonly announcer = new LiveAnnouncer(this);
  private readonly nextPage = new NextPageLoader(this, (status) => this.denyAccess(status));
  private readonly mutations = new Mutations(this, this.localize);
  /** The register form was opened and has not had focus yet. */
  private focusPending = false;

  private readonly returnersTask = this.loadTask({
    args: () => [] as const,
    task: async (_args, { signal, api }) => {
      // The list has no progress of its own: the overview's returners in progress carry it, and a
      // returner missing there has every item done.
      const [list, overview] = await Promise.all([
        adapterMethod(api, 'listReturners', listReturners)({ limit: PAGE }, { signal }),
        adapterMethod(api, 'getHrOverview', getHrOverview)({ signal }),
      ]);
      return { list, progress: new Map(overview.returnersInProgress.map((entry) => [entry.id, { done: entry.done, total: entry.total }])) };
    },
    // The first page again (after a registration): a later page still on its way belongs to the old list.
    onComplete: ({ list, progress }) => {
      this.nextPage.reset();
      this.progress = progress;
      this.nextCursor = list.nextCursor;
      this.rows = list.items.map((returner) => this.rowOf(returner));
    },
  });

  private rowOf(returner: Returner): ReturnerRow {
    return { returner, progress: this.progress.get(returner.id) };
  }

  /** The next page after the last cursor; ignored while one is loading or when there is none. */
  private async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || !this.rows) return;
    await this.nextPage.load(
      (signal) => adapterMethod(this.api, 'listReturners', listReturners)({ limit: PAGE, cursor }, { signal }),
      (page) => {
        if (!this.rows) return;
        const seen = new Set(this.rows.map((row) => row.returner.id));
        // A page boundary that moved (a returner registered meanwhile) must not show anyone twice.
        this.rows = [...this.rows, ...page.items.filter((returner) => !seen.has(returner.id)).map((returner) => this.rowOf(returner))];
        this.nextCursor = page.nextCursor;
        void this.announcer.announce(this.localize.msg(this.nextCursor ? 'hrReturners.countMore' : 'hrReturners.count', { count: this.rows.length }));
      },
    );
  }

  private readonly candidatesTask = this.loadTask({
    args: () => [this.query] as const,
    task: async ([q], { signal, api }): Promise<HrMember[] | undefined> => {
      if (!q) return undefined;
      const page = await adapterMethod(api, 'listHrMembers', listHrMembers)({ q, status: ['active'], sort: 'name', lang: this.localize.lang, limit: SEARCH_LIMIT }, { signal });
      return page.items;
    },
    onComplete: (items) => {
      if (items) void this.announcer.announce(this.localize.msg('hrReturners.form.resultCount', { count: items.length }));
    },
  });

  private readonly managersTask = this.loadTask({
    args: () => [this.managerQuery] as const,
    task: async ([q], { signal, api }): Promise<EmployeeSummary[] | undefined> => {
      if (!q) return undefined;
      const [page, meta] = await Promise.all([
        adapterMethod(api, 'searchEmployees', searchEmployees)({ q, limit: SEARCH_LIMIT }, { signal }),
        this.departments ? undefined : adapterMethod(api, 'getMeta', getMeta)({ signal }),
      ]);
      if (meta) this.departments = meta.departments;
      return page.items;
    },
    onComplete: (items) => {
      if (items) void this.announcer.announce(this.localize.msg('hrReturners.form.managerResultCount', { count: items.length }));
    },
  });

  /** Opens the registration form, with `member` chosen when given; focus goes to the form. */
  async openRegister(member?: ReturnerCandidate): Promise<void> {
    this.startRegister(member);
    await this.updateComplete;
  }

  private startRegister(member: ReturnerCandidate | undefined): void {
    this.registering = true;
    this.chosen = member;
    this.prefilled = Boolean(member);
    this.manager = undefined;
    this.managerQuery = '';
    this.fieldErrors = {};
    this.registerError = undefined;
    this.openId = undefined;
    this.focusPending = true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('access') && this.access) this.rows = undefined;
    if (changed.has('member') && this.member) this.startRegister(this.member);
  }

  /**
   * Focus goes to the form once it is on screen: opened from the console's member detail, the
   * section is new and its list (above which the form sits) may still be loading.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusPending) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.prefilled ? '#register-return-date' : '#register-search');
    if (!target) return;
    this.focusPending = false;
    target.focus();
  }

  override render(): TemplateResult {
    const l = this.localize;
    const body =
      this.renderAccess() ??
      (this.rows
        ? this.renderSection(this.rows)
        : this.returnersTask.render({
            initial: () => this.renderLoading(),
            pending: () => this.renderLoading(),
            error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.returnersTask.run() }),
          }));
    return html`${body}${this.announcer.render()}`;
  }

  private renderLoading(): TemplateResult {
    const label = this.localize.msg('hrReturners.loading');
    return html`<p class="loading">${renderSpinner(this.localize, { label })} <span aria-hidden="true">${label}</span></p>`;
  }

  private renderSection(rows: ReturnerRow[]): TemplateResult {
    const l = this.localize;
    const open = rows.find((row) => row.returner.id === this.openId);
    return html`<div class="section-head">
        <h2 id="returners-heading">${l.msg('hrReturners.heading')}</h2>
        ${this.registering ? nothing : renderButton({ label: l.msg('hrReturners.register'), variant: 'secondary', onClick: () => void this.openRegister(undefined) })}
      </div>
      ${this.registering ? this.renderRegister() : nothing}
      ${open ? this.renderChecklist(open.returner) : nothing}
      ${rows.length ? this.renderTable(rows) : html`<p class="muted empty" part="empty">${l.msg('hrReturners.empty')}</p>`}`;
  }

  private renderTable(rows: ReturnerRow[]): TemplateResult {
    const l = this.localize;
    return html`<div class="table-wrap">
      <table part="table" aria-labelledby="returners-heading">
        <caption class="muted">${l.msg(this.nextCursor ? 'hrReturners.countMore' : 'hrReturners.count', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">${l.msg('hrReturners.column.name')}</th>
            <th scope="col">${l.msg('hrReturners.column.returnDate')}</th>
            <th scope="col">${l.msg('hrReturners.column.role')}</th>
            <th scope="col">${l.msg('hrReturners.column.manager')}</th>
            <th scope="col">${l.msg('hrReturners.column.progress')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(rows, (row) => row.returner.id, (row) => this.renderRow(row))}
        </tbody>
      </table>
    </div>
    ${renderLoadMore(l, {
      error: this.nextPage.error,
      more: Boolean(this.nextCursor),
      busy: this.nextPage.busy,
      onLoadMore: () => void this.loadMore(),
      messages: { loadMore: 'hrReturners.loadMore', failed: 'hrReturners.pageError' },
    })}`;
  }

  private renderRow({ returner, progress }: ReturnerRow): TemplateResult {
    const l = this.localize;
    const name = l.personName(returner.person);
    const roleAndTeam = [returner.newRole, returner.newTeam].filter(Boolean).join(' · ');
    return html`<tr data-returner-id=${returner.id}>
      <th scope="row">
        <button
          class="link"
          part="open"
          type="button"
          aria-expanded=${this.openId === returner.id ? 'true' : 'false'}
          aria-label=${l.msg('hrReturners.open', { name })}
          @click=${() => void this.openChecklist(returner.id)}
        >
          ${name}
        </button>
      </th>
      <td class="nowrap">${l.formatDate(returner.returnDate, { dateStyle: 'medium' })}</td>
      <td>${roleAndTeam || l.msg('hrReturners.none')}</td>
      <td>${returner.manager ? l.personName(returner.manager) : l.msg('hrReturners.none')}</td>
      <td>${this.renderProgress(name, progress)}</td>
    </tr>`;
  }

  private renderProgress(name: string, progress: ReturnerRow['progress']): TemplateResult {
    const l = this.localize;
    if (!progress) return html`<span class="badge" data-status="complete">✓ ${l.msg('hrReturners.complete')}</span>`;
    if (!progress.total) return html`${l.msg('hrReturners.none')}`;
    return html`<progress part="progress" max=${progress.total} .value=${progress.done} aria-label=${l.msg('hrReturners.progressLabel', { name })}></progress>
      <span class="muted nowrap">${l.msg('hrReturners.progress', { ...progress, count: progress.total })}</span>`;
  }

  private renderChecklist(returner: Returner): TemplateResult {
    const l = this.localize;
    const name = l.personName(returner.person);
    return html`<section class="panel" part="checklist" id="checklist-panel" tabindex="-1" aria-label=${l.msg('hrReturners.checklistHeading', { name })}>
      <div class="actions">${renderButton({ label: l.msg('hrReturners.closeChecklist'), variant: 'quiet', onClick: () => void this.closeChecklist() })}</div>
      <okaeri-reonboarding-checklist returner-id=${returner.id} base-url=${ifDefined(this.baseUrl)} theme=${ifDefined(this.theme)}></okaeri-reonboarding-checklist>
    </section>`;
  }

  private async openChecklist(id: string): Promise<void> {
    this.openId = this.openId === id ? undefined : id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#checklist-panel')?.focus();
  }

  /** Focus returns to the name that opened the checklist, never to <body>. */
  private async closeChecklist(): Promise<void> {
    const id = this.openId;
    this.openId = undefined;
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(`tr[data-returner-id="${CSS.escape(id)}"] .link`)?.focus();
  }

  private renderRegister(): TemplateResult {
    const l = this.localize;
    const errors = this.fieldErrors;
    const text = (name: 'newRole' | 'newTeam', label: string) =>
      renderField(l, { id: `register-${name}`, label, error: errors[name] }, (c) => html`<input ${c} name=${name} maxlength=${TEXT_MAX} autocomplete="off" />`);
    return html`<form class="panel" part="register-form" novalidate aria-labelledby="register-heading" @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void this.register(event.currentTarget as HTMLFormElement);
    }}>
      <h3 id="register-heading">${l.msg('hrReturners.form.heading')}</h3>
      <p class="muted">${l.msg('hrReturners.form.intro')}</p>
      ${this.prefilled && this.chosen ? this.renderChosen(this.chosen) : this.renderSearch()}
      ${this.renderManagerSearch()}
      <div class="grid pair">
        ${renderField(l, { id: 'register-return-date', label: l.msg('hrReturners.form.returnDate'), required: true, error: errors.returnDate }, (c) =>
          html`<input ${c} name="returnDate" type="date" min="1900-01-01" max="2099-12-31" />`,
        )}
        ${text('newRole', l.msg('hrReturners.form.newRole'))} ${text('newTeam', l.msg('hrReturners.form.newTeam'))}
        ${renderField(l, { id: 'register-language', label: l.msg('hrReturners.form.language'), error: errors.language }, (c) =>
          html`<select ${c} name="language">
            ${(['ja', 'en'] as const).map((lang) => html`<option value=${lang} ?selected=${lang === l.lang}>${lang === 'ja' ? '日本語' : 'English'}</option>`)}
          </select>`,
        )}
      </div>
      ${this.registerError ? renderErrorBanner(l, { error: this.registerError }) : nothing}
      <div class="actions">
        ${renderButton({ label: l.msg('hrReturners.form.submit'), type: 'submit', busy: this.mutations.isPending('register') })}
        ${renderButton({ label: l.msg('action.cancel'), variant: 'quiet', onClick: () => void this.closeRegister() })}
      </div>
    </form>`;
  }

  private renderChosen(member: ReturnerCandidate): TemplateResult {
    const l = this.localize;
    const details = [member.email, member.left ? l.msg('hrReturners.form.memberLeft', { month: l.formatYearMonth(member.left) }) : ''].filter(Boolean).join(' · ');
    return html`<div class="chosen" data-member-id=${member.id}>
      <p><strong>${l.msg('hrReturners.form.member')}:</strong> ${l.personName(member)} ${details ? html`<span class="muted">(${details})</span>` : nothing}</p>
      ${this.fieldErrors.alumniId ? html`<p class="field-error" part="field-error">${this.fieldErrors.alumniId}</p>` : nothing}
      ${renderButton({ label: l.msg('hrReturners.form.changeMember'), variant: 'quiet', onClick: () => void this.changeMember() })}
    </div>`;
  }

  private async changeMember(): Promise<void> {
    this.chosen = undefined;
    this.prefilled = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#register-search')?.focus();
  }

  /** Enter in the search field searches instead of submitting the registration. */
  private renderSearch(): TemplateResult {
    const l = this.localize;
    const search = () => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#register-search');
      this.query = input?.value.trim() ?? '';
    };
    return html`<div class="search">
      ${renderField(
        l,
        { id: 'register-search', label: l.msg('hrReturners.form.search'), hint: l.msg('hrReturners.form.searchHint'), required: true, error: this.fieldErrors.alumniId },
        (c) =>
          html`<input
            ${c}
            type="search"
            autocomplete="off"
            .value=${this.query}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              search();
            }}
          />`,
      )}
      <div class="actions">${renderButton({ label: l.msg('hrReturners.form.searchButton'), variant: 'secondary', onClick: search })}</div>
      ${this.candidatesTask.render({
        pending: () => html`<p class="loading">${renderSpinner(l, { label: l.msg('hrReturners.form.searching') })}</p>`,
        complete: (items) => (items ? this.renderCandidates(items) : nothing),
        error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.candidatesTask.run() }),
      })}
    </div>`;
  }

  private renderCandidates(items: HrMember[]): TemplateResult {
    const l = this.localize;
    if (!items.length) return html`<p class="muted">${l.msg('hrReturners.form.noResults', { query: this.query })}</p>`;
    return renderFieldGroup(
      l,
      { id: 'register-candidates', label: l.msg('hrReturners.form.results') },
      html`${items.map((member) =>
        renderGroupItem({ label: `${l.personName(member)} · ${member.email}${member.left ? ` · ${l.msg('hrReturners.form.memberLeft', { month: l.formatYearMonth(member.left) })}` : ''}` }, (c) =>
          html`<input ${c} type="radio" name="alumniId" value=${member.id} .checked=${this.chosen?.id === member.id} @change=${() => (this.chosen = member)} />`,
        ),
      )}`,
    );
  }

  /**
   * The manager, as the member: a search (Enter searches, not submits) and the employees found as
   * radios; the chosen one is `managerId`. Optional: "no manager" clears the choice. The server's
   * refusal of the id is shown on the search field, which gets focus.
   */
  private renderManagerSearch(): TemplateResult {
    const l = this.localize;
    const search = () => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#register-managerId');
      this.managerQuery = input?.value.trim() ?? '';
    };
    return html`<div class="search">
      ${renderField(
        l,
        { id: 'register-managerId', label: l.msg('hrReturners.form.manager'), hint: l.msg('hrReturners.form.managerHint'), error: this.fieldErrors.managerId },
        (c) =>
          html`<input
            ${c}
            type="search"
            autocomplete="off"
            spellcheck="false"
            .value=${this.managerQuery}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              search();
            }}
          />`,
      )}
      <div class="actions">${renderButton({ label: l.msg('hrReturners.form.managerSearchButton'), variant: 'secondary', onClick: search })}</div>
      ${this.manager
        ? html`<div class="chosen-manager" data-employee-id=${this.manager.id}>
            <p><strong>${l.msg('hrReturners.form.managerChosen')}:</strong> ${this.employeeLabel(this.manager)}</p>
            ${renderButton({ label: l.msg('hrReturners.form.managerClear'), variant: 'quiet', onClick: () => void this.clearManager() })}
          </div>`
        : nothing}
      ${this.managersTask.render({
        pending: () => html`<p class="loading">${renderSpinner(l, { label: l.msg('hrReturners.form.searching') })}</p>`,
        complete: (items) => (items ? this.renderManagers(items) : nothing),
        error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.managersTask.run() }),
      })}
    </div>`;
  }

  /** Name, then department and title where the company records them. */
  private employeeLabel(employee: EmployeeSummary): string {
    const l = this.localize;
    const department = employee.department ? (this.departments?.find((each) => each.id === employee.department)?.name[l.lang] ?? employee.department) : '';
    return [l.personName(employee), department, employee.title ?? ''].filter(Boolean).join(' · ');
  }

  private renderManagers(items: EmployeeSummary[]): TemplateResult {
    const l = this.localize;
    if (!items.length) return html`<p class="muted">${l.msg('hrReturners.form.managerNoResults', { query: this.managerQuery })}</p>`;
    return renderFieldGroup(
      l,
      { id: 'register-manager-candidates', label: l.msg('hrReturners.form.managerResults') },
      html`${items.map((employee) =>
        renderGroupItem({ label: this.employeeLabel(employee) }, (c) =>
          html`<input ${c} type="radio" name="managerId" value=${employee.id} .checked=${this.manager?.id === employee.id} @change=${() => (this.manager = employee)} />`,
        ),
      )}`,
    );
  }

  /** No manager; focus goes back to the manager search (the clear button is gone). */
  private async clearManager(): Promise<void> {
    this.manager = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#register-managerId')?.focus();
  }

  private async closeRegister(): Promise<void> {
    this.registering = false;
    this.chosen = undefined;
    this.prefilled = false;
    this.manager = undefined;
    this.managerQuery = '';
    this.query = '';
    this.fieldErrors = {};
    this.registerError = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.section-head button')?.focus();
  }

  /**
   * One Idempotency-Key per body (the shared mutation helper): pressing the button again after a
   * lost answer replays the first registration instead of creating a second returner.
   */
  private async register(form: HTMLFormElement): Promise<void> {
    if (this.mutations.isPending('register')) return;
    const l = this.localize;
    const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
    const body: ReturnerCreate = {
      alumniId: this.chosen?.id ?? '',
      returnDate: value('returnDate'),
      language: value('language') as Locale,
      ...(this.manager && { managerId: this.manager.id }),
      ...(value('newRole') && { newRole: value('newRole') }),
      ...(value('newTeam') && { newTeam: value('newTeam') }),
    };
    const errors: Partial<Record<RegisterField, string>> = {};
    if (!body.alumniId) errors.alumniId = l.msg('hrReturners.form.memberMissing');
    // An unfinished date in the picker reads as empty; the browser's own validity says which.
    const date = form.elements.namedItem('returnDate') as HTMLInputElement;
    if (!body.returnDate) errors.returnDate = l.msg(date.validity.badInput ? 'validation.invalid_date' : 'validation.required');
    this.registerError = undefined;
    if (this.showErrors(errors)) return;
    const result = await this.mutations.run({
      id: 'register',
      body,
      send: (options) => adapterMethod(this.api, 'createReturner', createReturner)(body, options),
    });
    if (!result.ok) {
      if (result.aborted) return;
      const codes = result.error instanceof OkaeriApiError ? (result.error.fieldErrors as Partial<Record<RegisterField, FieldErrorCode>>) : {};
      const fieldMessages = Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, l.msg(fieldErrorKey(code!))]));
      if (!this.showErrors(fieldMessages)) this.registerError = result.error;
      return;
    }
    const returner = result.value;
    this.registering = false;
    this.chosen = undefined;
    this.prefilled = false;
    this.query = '';
    this.manager = undefined;
    this.managerQuery = '';
    this.fieldErrors = {};
    void this.announcer.announce(l.msg('hrReturners.registered', { name: l.personName(returner.person) }));
    this.rows = undefined;
    await this.returnersTask.run();
    await this.openChecklist(returner.id);
  }

  /** Shows the errors next to their fields and focuses the first; false when there are none. */
  private showErrors(errors: Partial<Record<RegisterField, string>>): boolean {
    this.fieldErrors = errors;
    const order: RegisterField[] = ['alumniId', 'returnDate', 'managerId', 'newRole', 'newTeam', 'language'];
    const first = order.find((field) => errors[field]);
    if (!first) return false;
    const id = first === 'alumniId' ? (this.prefilled ? 'register-return-date' : 'register-search') : first === 'returnDate' ? 'register-return-date' : `register-${first}`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
    return true;
  }
}
