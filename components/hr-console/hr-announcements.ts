import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import '../welcome-card/welcome-card.js';
import { parseTopics, TOPICS, type TopicsProblem } from '../welcome-card/welcome-topics.js';
import { welcomeEn } from '../welcome-card/welcome-card.messages.en.js';
import { welcomeJa } from '../welcome-card/welcome-card.messages.ja.js';
import { adapterMethod, type Api } from '../../src/api/adapter.js';
import { createAnnouncement, getHrMember, getMeta, listAnnouncements, listReturners } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { Announcement, AnnouncementCreate, Department, FieldErrorCode, HrMember, Returner } from '../../src/api/types.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { fieldErrorKey } from '../../src/internal/error-message.js';
import { fieldStyles, renderField } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { Mutations } from '../../src/internal/mutation.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { NextPageLoader, renderLoadMore } from '../../src/internal/load-more.js';
import { renderSpinner, spinnerStyles } from '../../src/internal/spinner.js';
import { sectionStyles } from './hr-sections.styles.js';
import { hrAnnouncementsEn } from './hr-announcements.messages.en.js';
import { hrAnnouncementsJa } from './hr-announcements.messages.ja.js';

/** The server's limits (server/schemas/announcements.ts ANNOUNCEMENT_LIMITS). */
const LIMITS = { message: 1000, whileAway: 500 } as const;
/** The returner select offers every returner: their pages are read until the last (the API gives at most 100 at a time). */
const RETURNERS_PAGE = 100;
/** Announcements per page, newest first (the API allows at most 50); "load more" shows the next. */
const ANNOUNCEMENTS_PAGE = 50;

/** What HR is writing for one returner, kept while switching returners (until sent). */
interface Draft {
  message: string;
  whileAway: string;
  askMeAbout: string;
}

type ComposeField = 'returnerId' | 'message' | 'whileAway' | 'askMeAbout';

/** Where an announcement stands for HR: `draft` is still being written here, not sent. */
export type AnnouncementState = 'draft' | 'awaiting-approval' | 'published';

interface SectionData {
  returners: Returner[];
  announcements: Announcement[];
  /** Where the next page of announcements starts; null on the last. */
  nextCursor: string | null;
  departments: Department[];
}

/** Every returner, page after page. */
async function allReturners(api: Api, signal: AbortSignal): Promise<Returner[]> {
  const returners: Returner[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await adapterMethod(api, 'listReturners', listReturners)({ limit: RETURNERS_PAGE, ...(cursor && { cursor }) }, { signal });
    for (const returner of page.items) {
      if (seen.has(returner.id)) continue;
      seen.add(returner.id);
      returners.push(returner);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return returners;
}

const emptyDraft: Draft = { message: '', whileAway: '', askMeAbout: '' };

/**
 * @tag okaeri-hr-announcements
 * @summary HR's welcome-back announcements: compose one for a returner (message, while away,
 * "ask me about") with a live preview rendered by `<okaeri-welcome-card>` itself, send it to the
 * returner for approval, and follow each announcement's status (draft, awaiting approval, published).
 *
 * A section of `<okaeri-hr-console>`, usable alone. Role `hr`; anyone else sees the no-permission
 * state, nobody signed in the sign-in state. Opening an announcement shows its card, where HR can
 * also approve on the returner's behalf with a recorded reason.
 *
 * @slot auth-required - Replaces the default "please sign in" message (no token, or the server answered 401).
 *
 * @fires okaeri-auth-required - `AuthRequiredEvent`: no token or a 401; detail `{ reason }`. Once per transition.
 *
 * @csspart compose-form - The composer.
 * @csspart preview - The live preview (an `<okaeri-welcome-card>`).
 * @csspart table - The list of announcements.
 * @csspart more - The footer under the list: "load more", or why the next page failed with a retry.
 * @csspart status - An announcement's status badge (`data-status`: draft, awaiting-approval, published).
 * @csspart open - A returner's name in the list.
 * @csspart announcement - The open announcement's panel.
 * @csspart empty - "There is no returner to announce yet".
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
export class OkaeriHrAnnouncements extends OkaeriElement {
  static override styles = [OkaeriElement.styles, spinnerStyles, buttonStyles, errorBannerStyles, fieldStyles, liveRegionStyles, sectionStyles];
  // The card's own strings for "ask me about" (label, hint, problems): one wording in both places.
  static override messages = { en: { ...welcomeEn, ...hrAnnouncementsEn }, ja: { ...welcomeJa, ...hrAnnouncementsJa } };

  /** The returner to compose for (the console sets it after registering one). */
  @property({ attribute: 'returner-id' }) returnerId?: string;

  @state() private data?: SectionData;
  /** What is being written, by returner id. */
  @state() private drafts = new Map<string, Draft>();
  @state() private chosenId = '';
  @state() private fieldErrors: Partial<Record<ComposeField, string>> = {};
  @state() private topicsProblem?: TopicsProblem;
  @state() private sendError?: unknown;
  /** The announcement whose card is shown. */
  @state() private openId?: string;

  private readonly announcer = new LiveAnnouncer(this);
  private readonly nextPage = new NextPageLoader(this, (status) => this.denyAccess(status));
  private readonly mutations = new Mutations(this, this.localize);

  private readonly sectionTask = this.loadTask({
    args: () => [] as const,
    task: async (_args, { signal, api }): Promise<SectionData> => {
      const [returners, announcements, meta] = await Promise.all([
        allReturners(api, signal),
        adapterMethod(api, 'listAnnouncements', listAnnouncements)({ kind: 'welcome-back', limit: ANNOUNCEMENTS_PAGE }, { signal }),
        adapterMethod(api, 'getMeta', getMeta)({ signal }),
      ]);
      return { returners, announcements: announcements.items, nextCursor: announcements.nextCursor, departments: meta.departments };
    },
    onComplete: (data) => {
      this.nextPage.reset();
      this.data = data;
    },
  });

  /** The next page of announcements after the last cursor; ignored while one is loading or when there is none. */
  private async loadMore(): Promise<void> {
    const cursor = this.data?.nextCursor;
    if (!cursor) return;
    await this.nextPage.load(
      (signal) => adapterMethod(this.api, 'listAnnouncements', listAnnouncements)({ kind: 'welcome-back', limit: ANNOUNCEMENTS_PAGE, cursor }, { signal }),
      (page) => {
        if (!this.data) return;
        const seen = new Set(this.data.announcements.map((announcement) => announcement.id));
        // One sent meanwhile moves the page boundary: nobody is listed twice.
        const announcements = [...this.data.announcements, ...page.items.filter((announcement) => !seen.has(announcement.id))];
        this.data = { ...this.data, announcements, nextCursor: page.nextCursor };
        const key = page.nextCursor ? 'hrAnnouncements.countMore' : 'hrAnnouncements.count';
        void this.announcer.announce(this.localize.msg(key, { count: announcements.length }));
      },
    );
  }

  /** The chosen returner's member record: photo, tenure and department, as the card shows them. */
  private readonly memberTask = this.loadTask({
    args: () => [this.chosenReturner()?.alumniId] as const,
    task: async ([alumniId], { signal, api }): Promise<HrMember | undefined> => {
      if (!alumniId) return undefined;
      try {
        return (await adapterMethod(api, 'getHrMember', getHrMember)(alumniId, { signal })).member;
      } catch (error) {
        // A member who erased their data since: the preview goes on with what the returner record has.
        if (error instanceof OkaeriApiError && error.status === 404) return undefined;
        throw error;
      }
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('access') && this.access) this.data = undefined;
    if (changed.has('returnerId') && this.returnerId) this.chosenId = this.returnerId;
  }

  private chosenReturner(): Returner | undefined {
    return this.data?.returners.find((returner) => returner.id === this.chosenId);
  }

  private draft(): Draft {
    return this.drafts.get(this.chosenId) ?? emptyDraft;
  }

  private edit(field: keyof Draft, value: string): void {
    if (!this.chosenId) return;
    this.drafts = new Map(this.drafts).set(this.chosenId, { ...this.draft(), [field]: value });
    // Once a problem is shown, it follows the typing and goes away when fixed.
    if (field === 'askMeAbout' && this.topicsProblem) this.topicsProblem = parseTopics(value).problem;
    if (field !== 'askMeAbout' && this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: this.lengthProblem(field, value) };
  }

  private lengthProblem(field: 'message' | 'whileAway', value: string): string | undefined {
    const max = LIMITS[field];
    return value.length > max ? this.localize.msg('hrAnnouncements.tooLong', { max, count: value.length }) : undefined;
  }

  override render(): TemplateResult {
    const l = this.localize;
    const body =
      this.renderAccess() ??
      (this.data
        ? this.renderSection(this.data)
        : this.sectionTask.render({
            initial: () => this.renderLoading(),
            pending: () => this.renderLoading(),
            error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.sectionTask.run() }),
          }));
    return html`${body}${this.announcer.render()}`;
  }

  private renderLoading(): TemplateResult {
    const label = this.localize.msg('hrAnnouncements.loading');
    return html`<p class="loading">${renderSpinner(this.localize, { label })} <span aria-hidden="true">${label}</span></p>`;
  }

  private renderSection(data: SectionData): TemplateResult {
    const l = this.localize;
    const open = data.announcements.find((announcement) => announcement.id === this.openId);
    return html`<div class="section-head"><h2>${l.msg('hrAnnouncements.heading')}</h2></div>
      ${data.returners.length ? this.renderCompose(data) : html`<p class="muted empty" part="empty">${l.msg('hrAnnouncements.noReturners')}</p>`}
      ${open ? this.renderOpen(open) : nothing} ${this.renderList(data)}`;
  }

  private renderCompose(data: SectionData): TemplateResult {
    const l = this.localize;
    const draft = this.draft();
    const errors = this.fieldErrors;
    const chosen = this.chosenReturner();
    const textarea = (field: 'message' | 'whileAway', rows: number) =>
      renderField(
        l,
        { id: `compose-${field}`, label: l.msg(field === 'message' ? 'welcome.messageLabel' : 'welcome.whileAway'), hint: l.msg(`hrAnnouncements.${field}Hint`, { max: LIMITS[field] }), error: errors[field] },
        (c) =>
          html`<textarea
            ${c}
            name=${field}
            rows=${rows}
            ?disabled=${!chosen}
            .value=${draft[field]}
            @input=${(event: InputEvent) => this.edit(field, (event.target as HTMLTextAreaElement).value)}
          ></textarea>`,
      );
    const topicsError = this.topicsProblem ? l.msg(...this.topicsProblem) : errors.askMeAbout;
    return html`<form class="panel" part="compose-form" novalidate aria-labelledby="compose-heading" @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      void this.send();
    }}>
      <h3 id="compose-heading">${l.msg('hrAnnouncements.compose')}</h3>
      <p class="muted">${l.msg('hrAnnouncements.intro')}</p>
      <div class="columns">
        <div class="stack">
          ${renderField(l, { id: 'compose-returner', label: l.msg('hrAnnouncements.returner'), required: true, error: errors.returnerId }, (c) =>
            html`<select ${c} name="returnerId" @change=${(event: Event) => this.choose((event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.chosenId}>${l.msg('hrAnnouncements.choose')}</option>
              ${data.returners.map(
                (returner) =>
                  html`<option value=${returner.id} ?selected=${returner.id === this.chosenId}>
                    ${l.msg('hrAnnouncements.returnerOption', { name: l.personName(returner.person), date: l.formatDate(returner.returnDate) })}
                  </option>`,
              )}
            </select>`,
          )}
          ${textarea('message', 5)} ${textarea('whileAway', 3)}
          ${renderField(l, { id: 'compose-askMeAbout', label: l.msg('welcome.askMeAbout'), hint: l.msg('welcome.topicsHint', TOPICS), error: topicsError }, (c) =>
            html`<textarea
              ${c}
              name="askMeAbout"
              rows=${TOPICS.max}
              ?disabled=${!chosen}
              .value=${draft.askMeAbout}
              @input=${(event: InputEvent) => this.edit('askMeAbout', (event.target as HTMLTextAreaElement).value)}
            ></textarea>`,
          )}
        </div>
        <section class="preview stack" aria-labelledby="preview-heading">
          <h3 id="preview-heading">${l.msg('hrAnnouncements.preview')}</h3>
          ${chosen
            ? html`<p class="muted">${l.msg('hrAnnouncements.previewHint')}</p>
                ${this.memberTask.render({
                  // Until the member's tenure is known the card would show it half empty.
                  pending: () => renderSpinner(l),
                  complete: (member) =>
                    html`<okaeri-welcome-card part="preview" .preview=${[this.previewOf(chosen, draft, member)]} theme=${ifDefined(this.theme)}></okaeri-welcome-card>`,
                  error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.memberTask.run() }),
                })}`
            : html`<p class="muted">${l.msg('hrAnnouncements.previewEmpty')}</p>`}
        </section>
      </div>
      ${this.sendError ? renderErrorBanner(l, { error: this.sendError }) : nothing}
      <div class="actions">${renderButton({ label: l.msg('hrAnnouncements.send'), type: 'submit', busy: this.mutations.isPending('send') })}</div>
    </form>`;
  }

  private choose(id: string): void {
    this.chosenId = id;
    this.fieldErrors = {};
    this.topicsProblem = undefined;
    this.sendError = undefined;
  }

  /** The announcement as the server will compose it from the returner, their member record and the text. */
  private previewOf(returner: Returner, draft: Draft, member: HrMember | undefined): Announcement {
    const department = member?.departmentOther
      ? { en: member.departmentOther, ja: member.departmentOther }
      : (this.data?.departments.find((each) => each.id === member?.department)?.name ?? null);
    return {
      id: `preview-${returner.id}`,
      kind: 'welcome-back',
      status: 'published',
      createdAt: new Date().toISOString(),
      publishedAt: new Date().toISOString(),
      returner: {
        id: returner.id,
        familyName: returner.person.familyName,
        givenName: returner.person.givenName,
        photoUrl: member?.photoUrl ?? null,
        newRole: returner.newRole,
        newTeam: returner.newTeam,
        returnDate: returner.returnDate,
        previousTenure: { joined: member?.joined ?? '', left: member?.left ?? returner.leftMonth, department },
      },
      message: draft.message || null,
      whileAway: draft.whileAway || null,
      askMeAbout: parseTopics(draft.askMeAbout).topics,
      reactions: { count: 0, mine: false },
      // A preview cannot be reacted to or approved: nothing in it may call the server.
      viewer: { isReturner: false, canApprove: false, canReact: false },
    };
  }

  /**
   * One Idempotency-Key per body (the shared mutation helper): sending again after a lost answer
   * replays the first draft instead of creating a second one for the returner.
   */
  private async send(): Promise<void> {
    if (this.mutations.isPending('send')) return;
    const l = this.localize;
    const returner = this.chosenReturner();
    const draft = this.draft();
    const { topics, problem } = parseTopics(draft.askMeAbout);
    const errors: Partial<Record<ComposeField, string>> = {
      returnerId: returner ? undefined : l.msg('validation.required'),
      message: this.lengthProblem('message', draft.message),
      whileAway: this.lengthProblem('whileAway', draft.whileAway),
    };
    this.topicsProblem = problem;
    this.sendError = undefined;
    if (this.showErrors(errors) || problem || !returner) {
      if (problem && !Object.values(errors).some(Boolean)) this.focusId('compose-askMeAbout');
      return;
    }
    const body: AnnouncementCreate = {
      kind: 'welcome-back',
      returnerId: returner.id,
      message: draft.message || null,
      whileAway: draft.whileAway || null,
      askMeAbout: topics,
    };
    const result = await this.mutations.run({
      id: 'send',
      body,
      send: (options) => adapterMethod(this.api, 'createAnnouncement', createAnnouncement)(body, options),
    });
    if (!result.ok) {
      if (result.aborted) return;
      const codes = result.error instanceof OkaeriApiError ? result.error.fieldErrors : {};
      const messages = Object.fromEntries(
        Object.entries(codes).map(([field, code]) => [field.split('.')[0], l.msg(fieldErrorKey(code as FieldErrorCode))]),
      ) as Partial<Record<ComposeField, string>>;
      if (!this.showErrors(messages)) this.sendError = result.error;
      return;
    }
    const drafts = new Map(this.drafts);
    drafts.delete(returner.id);
    this.drafts = drafts;
    this.data = { ...this.data!, announcements: [result.value, ...this.data!.announcements] };
    this.chosenId = '';
    this.fieldErrors = {};
    void this.announcer.announce(l.msg('hrAnnouncements.sent', { name: l.personName(returner.person, { honorific: true }) }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-announcement-id="${CSS.escape(result.value.id)}"] .link`)?.focus();
  }

  /** Shows the errors next to their fields and focuses the first; false when there are none. */
  private showErrors(errors: Partial<Record<ComposeField, string>>): boolean {
    this.fieldErrors = errors;
    const first = (['returnerId', 'message', 'whileAway', 'askMeAbout'] as const).find((field) => errors[field]);
    if (!first) return false;
    this.focusId(first === 'returnerId' ? 'compose-returner' : `compose-${first}`);
    return true;
  }

  private focusId(id: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  private renderList(data: SectionData): TemplateResult {
    const l = this.localize;
    const byId = new Map(data.returners.map((returner) => [returner.id, returner]));
    // Texts being written and not sent yet are listed first, as drafts.
    const writing = [...this.drafts].filter(([, draft]) => draft.message || draft.whileAway || draft.askMeAbout).flatMap(([id]) => byId.get(id) ?? []);
    const total = writing.length + data.announcements.length;
    return html`<section aria-labelledby="list-heading">
      <h3 class="subheading" id="list-heading">${l.msg('hrAnnouncements.list')}</h3>
      ${total
        ? html`<div class="table-wrap">
            <table part="table" aria-labelledby="list-heading">
              <caption class="muted">${l.msg(data.nextCursor ? 'hrAnnouncements.countMore' : 'hrAnnouncements.count', { count: total })}</caption>
              <thead>
                <tr>
                  <th scope="col">${l.msg('hrAnnouncements.column.returner')}</th>
                  <th scope="col">${l.msg('hrAnnouncements.column.status')}</th>
                  <th scope="col">${l.msg('hrAnnouncements.column.date')}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(writing, (returner) => `draft:${returner.id}`, (returner) => this.renderDraftRow(returner))}
                ${repeat(data.announcements, (announcement) => announcement.id, (announcement) => this.renderRow(announcement))}
              </tbody>
            </table>
          </div>
          ${renderLoadMore(l, {
            error: this.nextPage.error,
            more: Boolean(data.nextCursor),
            busy: this.nextPage.busy,
            onLoadMore: () => void this.loadMore(),
            messages: { loadMore: 'hrAnnouncements.loadMore', failed: 'hrAnnouncements.pageError' },
          })}`
        : html`<p class="muted">${l.msg('hrAnnouncements.listEmpty')}</p>`}
    </section>`;
  }

  private renderStatus(status: AnnouncementState): TemplateResult {
    return html`<span class="badge" part="status" data-status=${status}>${this.localize.msg(`hrAnnouncements.status.${status}`)}</span>`;
  }

  private renderDraftRow(returner: Returner): TemplateResult {
    const l = this.localize;
    const name = l.personName(returner.person);
    return html`<tr data-draft-for=${returner.id}>
      <th scope="row">
        <button class="link" part="open" type="button" aria-label=${l.msg('hrAnnouncements.continue', { name })} @click=${() => this.continueDraft(returner.id)}>${name}</button>
      </th>
      <td>${this.renderStatus('draft')}</td>
      <td>${l.msg('hrAnnouncements.editedNow')}</td>
    </tr>`;
  }

  private continueDraft(id: string): void {
    this.choose(id);
    this.focusId('compose-message');
  }

  private renderRow(announcement: Announcement): TemplateResult {
    const l = this.localize;
    const name = l.personName(announcement.returner);
    const published = announcement.status === 'published';
    const date = l.formatDate((published ? announcement.publishedAt : null) ?? announcement.createdAt);
    return html`<tr data-announcement-id=${announcement.id}>
      <th scope="row">
        <button
          class="link"
          part="open"
          type="button"
          aria-expanded=${this.openId === announcement.id ? 'true' : 'false'}
          aria-label=${l.msg('hrAnnouncements.open', { name })}
          @click=${() => void this.open(announcement.id)}
        >
          ${name}
        </button>
      </th>
      <td>${this.renderStatus(published ? 'published' : 'awaiting-approval')}</td>
      <td>${l.msg(published ? 'hrAnnouncements.publishedOn' : 'hrAnnouncements.createdOn', { date })}</td>
    </tr>`;
  }

  private renderOpen(announcement: Announcement): TemplateResult {
    const l = this.localize;
    return html`<section class="panel" part="announcement" id="announcement-panel" tabindex="-1" aria-label=${l.msg('hrAnnouncements.openHeading', { name: l.personName(announcement.returner) })}>
      <div class="actions">${renderButton({ label: l.msg('hrAnnouncements.close'), variant: 'quiet', onClick: () => void this.close() })}</div>
      <okaeri-welcome-card announcement-id=${announcement.id} base-url=${ifDefined(this.baseUrl)} theme=${ifDefined(this.theme)}></okaeri-welcome-card>
    </section>`;
  }

  private async open(id: string): Promise<void> {
    this.openId = this.openId === id ? undefined : id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#announcement-panel')?.focus();
  }

  /**
   * HR may have approved it in the card meanwhile: the list is read again, and focus returns to
   * the name that opened it.
   */
  private async close(): Promise<void> {
    const id = this.openId;
    this.openId = undefined;
    await this.sectionTask.run();
    await this.updateComplete;
    if (id) this.renderRoot.querySelector<HTMLElement>(`tr[data-announcement-id="${CSS.escape(id)}"] .link`)?.focus();
  }
}
