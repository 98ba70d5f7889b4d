import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { adapterMethod } from '../../src/api/adapter.js';
import { approveAnnouncement, getAnnouncement, listAnnouncements, setReaction } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { Announcement, AnnouncementApprove } from '../../src/api/types.js';
import { WelcomeOpenEvent } from '../../src/events/welcome-open.js';
import { WelcomeReactEvent } from '../../src/events/welcome-react.js';
import { avatarStyles, renderAvatar } from '../../src/internal/avatar.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { localToday } from '../../src/internal/dates.js';
import { fieldStyles, renderField } from '../../src/internal/field.js';
import { Mutations } from '../../src/internal/mutation.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { renderSpinner } from '../../src/internal/spinner.js';
import { styles } from './welcome-card.styles.js';
import { parseTopics, TOPICS, type TopicsProblem } from './welcome-topics.js';
import { welcomeEn } from './welcome-card.messages.en.js';
import { welcomeJa } from './welcome-card.messages.ja.js';

export type WelcomeCardLayout = 'list' | 'carousel';

/** Names listed under a card for the returner and HR; the rest are counted. */
const MAX_NAMES = 10;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const year = (month: string | null) => month?.slice(0, 4) ?? '';

/**
 * @tag okaeri-welcome-card
 * @summary Introduces returners ("boomerangs") on an intranet page: photo, new role and team,
 * return date, previous tenure, what they did while away, their message and "ask me about"
 * topics, with a "welcome back" reaction. The returner approves (and may edit) their draft here.
 *
 * Shows one announcement (`announcement-id`) or the latest `limit`, as a list or a carousel.
 * With nothing to show it renders nothing visible (or the `empty` slot) and matches `:state(empty)`.
 *
 * @slot empty - Shown when there is no announcement to show (default: nothing).
 *
 * @slot auth-required - Replaces the default "please sign in" message (no token, or the server answered 401).
 *
 * @fires okaeri-auth-required - `AuthRequiredEvent`: no token or a 401; detail `{ reason }`. Once per transition.
 * @fires okaeri-welcome-react - `WelcomeReactEvent`: the server saved the viewer's reaction; detail `{ announcementId, reacted }`.
 * @fires okaeri-welcome-open - `WelcomeOpenEvent`: the viewer selected a card (its name); detail `{ announcementId }`.
 *
 * @csspart list - The list of cards (list layout).
 * @csspart carousel - The carousel region.
 * @csspart slide - The visible slide.
 * @csspart controls - The carousel's buttons.
 * @csspart position - "2 / 5".
 * @csspart card - Each announcement card.
 * @csspart avatar - The photo or initials.
 * @csspart avatar-photo - The photo inside the avatar.
 * @csspart heading - "Welcome back, 〇〇さん".
 * @csspart open - The name's button (fires `okaeri-welcome-open`).
 * @csspart role - New role and team.
 * @csspart meta - Return date and previous tenure.
 * @csspart while-away - What the returner did while away.
 * @csspart label - The small headings inside a card.
 * @csspart message - The personal message.
 * @csspart topics - The "ask me about" list.
 * @csspart topic - One topic.
 * @csspart reactions - The reaction row.
 * @csspart react - The reaction toggle.
 * @csspart count - The number of reactions.
 * @csspart reactors - Who reacted.
 * @csspart draft - The draft notice and approval form (returner and HR only).
 * @csspart editor - The topics editor in a draft.
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
 * @cssproperty --okaeri-welcome-accent - The card's accent stripe and reaction color (default: primary).
 */
export class OkaeriWelcomeCard extends OkaeriElement {
  static override styles = [OkaeriElement.styles, buttonStyles, errorBannerStyles, fieldStyles, avatarStyles, liveRegionStyles, styles];
  static override messages = { en: welcomeEn, ja: welcomeJa };

  /** Show this announcement only. */
  @property({ attribute: 'announcement-id' }) announcementId?: string;

  /** How many of the latest announcements to show (1–50) when no `announcement-id` is set. */
  @property({ type: Number }) limit = 3;

  /** `list` (every card) or `carousel` (one at a time, rotating). */
  @property({ reflect: true }) layout: WelcomeCardLayout = 'list';

  /** Milliseconds between carousel slides. */
  @property({ type: Number }) interval = 8000;

  /** The sidebar variant (fits 280 px): smaller, without "while away". */
  @property({ type: Boolean, reflect: true }) compact = false;

  /**
   * Shows these announcements as given instead of loading any (nothing is requested): a preview
   * of one being composed, as HR's console shows it before sending it to the returner.
   */
  @property({ attribute: false }) preview?: Announcement[];

  @state() private items?: Announcement[];
  @state() private index = 0;
  /** The carousel rotates (off by default under prefers-reduced-motion). */
  @state() private playing = !reducedMotion();
  @state() private paused = false;
  @state() private editing?: string;
  /** The draft (by id) whose approval was submitted without the reason HR must give. */
  @state() private reasonMissing?: string;
  /** What is wrong with the topics being edited (shown next to the field). */
  @state() private topicsProblem?: TopicsProblem;
  @state() private approveError?: { id: string; error: unknown };

  private readonly announcer = new LiveAnnouncer(this);
  private timer?: ReturnType<typeof setInterval>;
  private hovered = false;
  private focused = false;

  private readonly mutations = new Mutations(this, this.localize);

  private readonly announcementsTask = this.loadTask({
    args: () => [this.announcementId, this.limit, this.preview] as const,
    task: async ([id, limit, preview], { signal, api }): Promise<Announcement[]> => {
      if (preview) return preview;
      if (!id) return (await adapterMethod(api, 'listAnnouncements', listAnnouncements)({ kind: 'welcome-back', limit }, { signal })).items;
      try {
        return [await adapterMethod(api, 'getAnnouncement', getAnnouncement)(id, { signal })];
      } catch (error) {
        // A draft this viewer may not see is, for them, nothing to show.
        if (error instanceof OkaeriApiError && error.status === 404) return [];
        throw error;
      }
    },
    onComplete: (items) => {
      this.index = 0;
      this.items = items;
    },
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('access') && this.access) this.items = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.rotate(false);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const count = this.items?.length ?? 0;
    if (this.index >= count && count) this.index = 0;
    if (this.items && !count) this.internals.states.add('empty');
    else this.internals.states.delete('empty');
    if (changed.has('interval')) this.rotate(false);
    this.rotate(this.layout === 'carousel' && count > 1 && this.playing && !this.paused);
  }

  private rotate(on: boolean): void {
    if (on && !this.timer) this.timer = setInterval(() => this.go(1), Math.max(this.interval, 1000));
    if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private go(step: number): void {
    const count = this.items?.length ?? 0;
    if (count) this.index = (this.index + step + count) % count;
  }

  private replace(updated: Announcement): void {
    this.items = this.items?.map((item) => (item.id === updated.id ? updated : item));
  }

  private async toggleReaction(announcement: Announcement): Promise<void> {
    const { id, reactions } = announcement;
    if (this.mutations.isPending(id)) return;
    const reacted = !reactions.mine;
    const withReactions = (next: (current: Announcement) => Announcement['reactions']) => {
      const current = this.items?.find((item) => item.id === id);
      if (current) this.replace({ ...current, reactions: next(current) });
    };
    // Optimistic: the count and the pressed state change at once, and go back if the server refuses.
    const result = await this.mutations.run({
      id,
      apply: () => this.replace({ ...announcement, reactions: { ...reactions, mine: reacted, count: reactions.count + (reacted ? 1 : -1) } }),
      rollback: () => withReactions(() => reactions),
      send: ({ signal }) => adapterMethod(this.api, 'setReaction', setReaction)(id, reacted, { signal }),
    });
    if (result.ok) {
      withReactions((current) => ({ ...current.reactions, ...result.value }));
      this.dispatchEvent(new WelcomeReactEvent({ announcementId: id, reacted }));
    } else if (!result.aborted) {
      void this.announcer.announce(`${this.localize.msg('welcome.reactFailed')} ${result.reason}`);
    }
  }

  /** Publishes a draft; then focus goes to the published card's heading, not to <body>. */
  private async publish(announcement: Announcement, body: AnnouncementApprove): Promise<void> {
    this.approveError = undefined;
    const result = await this.mutations.run({
      id: `approve:${announcement.id}`,
      send: ({ signal }) => adapterMethod(this.api, 'approveAnnouncement', approveAnnouncement)(announcement.id, body, { signal }),
    });
    if (!result.ok) {
      if (!result.aborted) this.approveError = { id: announcement.id, error: result.error };
      return;
    }
    this.replace(result.value);
    this.editing = undefined;
    this.topicsProblem = undefined;
    void this.announcer.announce(this.localize.msg('welcome.published'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#h-${CSS.escape(announcement.id)} .open`)?.focus();
  }

  private approve(announcement: Announcement, form: HTMLFormElement): void {
    const data = new FormData(form);
    const body: AnnouncementApprove = {};
    if (announcement.viewer.isReturner) {
      if (this.editing === announcement.id) {
        const { topics, problem } = parseTopics(String(data.get('askMeAbout') ?? ''));
        this.topicsProblem = problem;
        if (problem) {
          form.querySelector<HTMLTextAreaElement>('[name=askMeAbout]')?.focus();
          return;
        }
        body.message = String(data.get('message'));
        body.whileAway = String(data.get('whileAway'));
        body.askMeAbout = topics;
      }
    } else {
      body.reason = String(data.get('reason') ?? '').trim();
      this.reasonMissing = body.reason ? undefined : announcement.id;
      if (!body.reason) {
        form.querySelector<HTMLTextAreaElement>('[name=reason]')?.focus();
        return;
      }
    }
    void this.publish(announcement, body);
  }

  override render(): TemplateResult {
    const l = this.localize;
    if (this.preview) return html`${this.renderItems(this.preview)}${this.announcer.render()}`;
    return html`${this.renderAccess() ??
    this.announcementsTask.render({
      initial: () => renderSpinner(l),
      pending: () => (this.items ? this.renderItems(this.items) : renderSpinner(l)),
      complete: (items) => this.renderItems(this.items ?? items),
      error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.announcementsTask.run() }),
    })}${this.announcer.render()}`;
  }

  private renderItems(items: Announcement[]): TemplateResult {
    if (!items.length) return html`<slot name="empty"></slot>`;
    if (this.layout !== 'carousel' || items.length === 1) {
      return html`<ul class="list" part="list" role="list">
        ${items.map((item) => html`<li>${this.renderCard(item)}</li>`)}
      </ul>`;
    }
    const l = this.localize;
    const rotating = this.playing && !this.paused;
    const item = items[this.index] ?? items[0]!;
    const position = l.msg('welcome.position', { index: this.index + 1, total: items.length });
    return html`<section
      class="carousel"
      part="carousel"
      aria-roledescription=${l.msg('welcome.carousel')}
      aria-label=${l.msg('welcome.carouselLabel')}
      @mouseenter=${() => this.hover(true)}
      @mouseleave=${() => this.hover(false)}
      @focusin=${() => this.focusWithin(true)}
      @focusout=${(event: FocusEvent) => this.focusWithin(this.renderRoot.contains(event.relatedTarget as Node))}
      @keydown=${this.onKeydown}
    >
      <div class="controls" part="controls">
        ${renderButton({ label: l.msg(this.playing ? 'welcome.stop' : 'welcome.start'), variant: 'quiet', onClick: () => (this.playing = !this.playing) })}
        <span class="position" part="position" aria-hidden="true">${position}</span>
        ${renderButton({ label: l.msg('welcome.previous'), variant: 'secondary', onClick: () => this.go(-1) })}
        ${renderButton({ label: l.msg('welcome.next'), variant: 'secondary', onClick: () => this.go(1) })}
      </div>
      <div aria-live=${rotating ? 'off' : 'polite'}>
        <div class="slide" part="slide" role="group" aria-roledescription=${l.msg('welcome.slide')} aria-label=${position}>
          ${this.renderCard(item)}
        </div>
      </div>
    </section>`;
  }

  private hover(on: boolean): void {
    this.hovered = on;
    this.paused = this.hovered || this.focused;
  }

  private focusWithin(on: boolean): void {
    this.focused = on;
    this.paused = this.hovered || this.focused;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.target instanceof HTMLTextAreaElement) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    this.go(rtl ? -step : step);
  }

  private renderCard(a: Announcement): TemplateResult {
    const l = this.localize;
    const { returner: r, reactions } = a;
    const name = l.personName(r, { honorific: true });
    // The viewer's calendar day: in Tokyo before 9 a.m. the UTC date is still yesterday.
    const returned = r.returnDate <= localToday();
    const date = l.formatDate(r.returnDate, { dateStyle: 'long' });
    const tenure = r.previousTenure;
    const years = { from: year(tenure.joined), to: year(tenure.left) };
    const department = tenure.department?.[l.lang];
    const headingId = `h-${a.id}`;
    const reactors = reactions.reactors ?? [];
    return html`<article class="card" part="card" aria-labelledby=${headingId} data-status=${a.status}>
      ${renderAvatar(l, { person: r, photoUrl: r.photoUrl, decorative: true })}
      <div class="body">
        <h3 class="heading" part="heading" id=${headingId}>
          <button class="open" part="open" type="button" @click=${() => this.dispatchEvent(new WelcomeOpenEvent({ announcementId: a.id }))}>
            ${l.msg('welcome.heading', { name })}
          </button>
        </h3>
        ${r.newRole || r.newTeam ? html`<p class="role" part="role">${[r.newRole, r.newTeam].filter(Boolean).join(' · ')}</p>` : nothing}
        <p class="meta" part="meta">
          <span>${l.msg(returned ? 'welcome.backSince' : 'welcome.returning', { date })}</span>
          <span>${department ? l.msg('welcome.tenure', { ...years, department }) : l.msg('welcome.tenureYears', years)}</span>
        </p>
        ${a.message ? html`<p class="message" part="message">${a.message}</p>` : nothing}
        ${a.whileAway
          ? html`<div class="while-away" part="while-away">
              <h4 class="label" part="label">${l.msg('welcome.whileAway')}</h4>
              <p>${a.whileAway}</p>
            </div>`
          : nothing}
        ${a.askMeAbout.length
          ? html`<div class="topics-wrap">
              <h4 class="label" part="label">${l.msg('welcome.askMeAbout')}</h4>
              <ul class="topics" part="topics" role="list">
                ${a.askMeAbout.map((topic) => html`<li class="topic" part="topic">${topic}</li>`)}
              </ul>
            </div>`
          : nothing}
        ${a.status === 'draft' ? this.renderDraft(a) : this.renderReactions(a, reactors)}
      </div>
    </article>`;
  }

  private renderReactions(a: Announcement, reactors: NonNullable<Announcement['reactions']['reactors']>): TemplateResult {
    const l = this.localize;
    const { count, mine } = a.reactions;
    const names = reactors.slice(0, MAX_NAMES).map((person) => l.personName(person));
    if (reactors.length > MAX_NAMES) names.push(l.msg('welcome.others', { count: count - MAX_NAMES }));
    return html`<div class="reactions" part="reactions">
      ${a.viewer.canReact
        ? html`<button
            class="react"
            part="react"
            type="button"
            aria-pressed=${mine ? 'true' : 'false'}
            aria-disabled=${this.mutations.isPending(a.id) ? 'true' : nothing}
            @click=${() => this.toggleReaction(a)}
          >
            ${l.msg('welcome.react')}
          </button>`
        : nothing}
      <span class="count" part="count">${l.msg('welcome.count', { count })}</span>
      ${names.length ? html`<p class="reactors" part="reactors">${l.msg('welcome.reactors', { names: l.formatList(names) })}</p>` : nothing}
    </div>`;
  }

  private renderDraft(a: Announcement): TemplateResult {
    const l = this.localize;
    const own = a.viewer.isReturner;
    const editing = this.editing === a.id;
    const running = this.mutations.isPending(`approve:${a.id}`);
    const failure = this.approveError?.id === a.id ? this.approveError.error : undefined;
    const textarea = (field: 'message' | 'whileAway' | 'reason', label: string, value: string, max: number, error?: string) =>
      renderField(l, { id: `${field}-${a.id}`, label, error, required: field === 'reason' }, (control) =>
        html`<textarea ${control} name=${field} maxlength=${max} rows="3" .value=${value}></textarea>`,
      );
    return html`<form class="draft" part="draft" @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      this.approve(a, event.currentTarget as HTMLFormElement);
    }}>
      <p class="draft-note"><strong>${l.msg('welcome.draft')}</strong> ${l.msg(own ? 'welcome.draftOwn' : 'welcome.draftOther')}</p>
      ${a.viewer.canApprove
        ? html`${editing
              ? html`<div class="editor" part="editor">
                  ${textarea('message', l.msg('welcome.messageLabel'), a.message ?? '', 1000)}
                  ${textarea('whileAway', l.msg('welcome.whileAway'), a.whileAway ?? '', 500)}
                  ${this.renderTopicsField(a)}
                </div>`
              : nothing}
            ${own ? nothing : textarea('reason', l.msg('welcome.reason'), '', 500, this.reasonMissing === a.id ? l.msg('validation.required') : undefined)}
            ${failure ? renderErrorBanner(l, { error: failure }) : nothing}
            <div class="actions">
              ${renderButton({ label: l.msg('welcome.approve'), type: 'submit', busy: running })}
              ${own && !editing ? renderButton({ label: l.msg('welcome.edit'), variant: 'quiet', onClick: () => ((this.editing = a.id), (this.topicsProblem = undefined)) }) : nothing}
            </div>`
        : nothing}
    </form>`;
  }

  /** "Ask me about", one topic per line, with its hint and (after a submit) its problem. */
  private renderTopicsField(a: Announcement): TemplateResult {
    const l = this.localize;
    const id = `topics-${a.id}`;
    const problem = this.topicsProblem;
    return renderField(
      l,
      { id, label: l.msg('welcome.askMeAbout'), hint: l.msg('welcome.topicsHint', TOPICS), error: problem ? l.msg(...problem) : undefined },
      (control) =>
        html`<textarea
          ${control}
          name="askMeAbout"
          rows=${TOPICS.max}
          .value=${a.askMeAbout.join('\n')}
          @input=${(event: InputEvent) => {
            // Once a problem is shown, it follows the typing and goes away when fixed.
            if (this.topicsProblem) this.topicsProblem = parseTopics((event.target as HTMLTextAreaElement).value).problem;
          }}
        ></textarea>`,
    );
  }
}
