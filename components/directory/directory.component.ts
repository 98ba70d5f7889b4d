import { TaskStatus } from '@lit/task';
import { adapterMethod } from '../../src/api/adapter.js';
import { getMeta, searchAlumni } from '../../src/api/operations.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Member, MemberList, Meta } from '../../src/api/types.js';
import { DirectoryContactEvent } from '../../src/events/directory-contact.js';
import { DirectorySelectEvent } from '../../src/events/directory-select.js';
import { avatarStyles } from '../../src/internal/avatar.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { fieldStyles } from '../../src/internal/field.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { NextPageLoader, renderLoadMore } from '../../src/internal/load-more.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { searchDelay } from '../../src/internal/search-delay.js';
import { renderSpinner } from '../../src/internal/spinner.js';
import { renderFilters } from './directory-filters.js';
import { emptyFilters, hasFilters, isBlank, orderedYears, toQuery, type DirectoryFilters } from './directory-query.js';
import { styles } from './directory.styles.js';
import { directoryEn } from './directory.messages.en.js';
import { memberCardEn } from './member-card.messages.en.js';
import { directoryJa } from './directory.messages.ja.js';
import { memberCardJa } from './member-card.messages.ja.js';
import { memberCardStyles, renderMemberCard } from './member-card.js';
import { readFiltersFromUrl, writeFiltersToUrl } from './url-sync.js';
import { WindowedList, type WindowRange } from '../../src/internal/windowed-list.js';

export type DirectoryLayout = 'cards' | 'list';

/** Load the next page when the last rendered item is this close to the end of what is loaded. */
const PREFETCH = 10;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * @tag okaeri-directory
 * @summary The alumni directory: alumni and employees find each other by name (kanji, kana or
 * latin), company, role or former department, with filters, infinite scroll over any number of
 * results and only the fields each person chose to show (the server leaves out the rest).
 *
 * Results render in a windowed list (only those near the viewport are in the DOM), so the DOM stays
 * bounded however many pages are loaded. The list is one tab stop; arrow keys, Page Up/Down, Home and End move through
 * the results, Enter (or a click) selects a person.
 *
 * @slot auth-required - Replaces the "sign in to see the directory" message (no token, or the server answered 401).
 *
 * @fires okaeri-directory-select - `DirectorySelectEvent`: the viewer selected a person; detail: the member as returned.
 * @fires okaeri-directory-contact - `DirectoryContactEvent`: "contact" on a member who allows it; detail: the member.
 * @fires okaeri-auth-required - `AuthRequiredEvent`: no token or a 401; detail `{ reason }`. Once per transition.
 *
 * @csspart search - The search form.
 * @csspart query - The search box.
 * @csspart filters-toggle - The button that shows or hides the filters.
 * @csspart filters - The filter controls.
 * @csspart clear - The "clear search and filters" button.
 * @csspart status - The visible result count.
 * @csspart results - The scrolling list of results (`role="list"`).
 * @csspart item - Each result (`role="listitem"`).
 * @csspart card - A member's card.
 * @csspart avatar - The member's photo or initials.
 * @csspart avatar-photo - The photo inside the avatar.
 * @csspart name - The member's name.
 * @csspart reading - The furigana reading of the name.
 * @csspart work - Current company and role.
 * @csspart tenure - Years at the company.
 * @csspart location - Where the member lives or works.
 * @csspart intent - Whether the member would consider returning (open now, from a month, contract work, referrals), where they let the viewer see it.
 * @csspart badges - The row of interest badges.
 * @csspart badge - One interest badge.
 * @csspart actions - The card's buttons.
 * @csspart contact - The "contact" button (members who allow it).
 * @csspart profile - The "profile" link.
 * @csspart skeleton - A placeholder card while the first page loads.
 * @csspart empty - The "no one matches" message and its suggestion.
 * @csspart more - The "load more" row.
 * @csspart field - Each filter field.
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
 * @cssproperty --okaeri-directory-block-size - Height of the scrolling result list (default `min(70vh, 40rem)`).
 * @cssproperty --okaeri-directory-badge-color - Interest badges' background (default: the raised surface).
 */
export class OkaeriDirectory extends OkaeriElement {
  static override styles = [OkaeriElement.styles, buttonStyles, errorBannerStyles, fieldStyles, avatarStyles, liveRegionStyles, memberCardStyles, styles];
  // The cards are the member card's, so the directory brings its strings along (as the signup form's preview does).
  static override messages = { en: { ...memberCardEn, ...directoryEn }, ja: { ...memberCardJa, ...directoryJa } };

  /** `cards` (the default) or a compact `list`. */
  @property({ reflect: true }) layout: DirectoryLayout = 'cards';

  /** Keep the query and filters in the page URL (`okaeri-q`, `okaeri-department`, …) and restore them on load. Off by default. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Results per request (the server caps it at 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 30;

  /**
   * Milliseconds of quiet typing before the search runs. Short on purpose: a search that a later
   * keystroke supersedes is aborted, and the previous results stay on screen until the new ones
   * arrive, so searching while the viewer types costs nothing they can see.
   */
  @property({ type: Number }) debounce = 20;

  /**
   * The list scrolls with the page instead of inside its own box (phones, long pages). The DOM
   * stays bounded (only results near the viewport are rendered) and keyboard navigation scrolls
   * the page.
   */
  @property({ type: Boolean, reflect: true, attribute: 'page-scroll' }) pageScroll = false;

  /** What the results are for (applied after the debounce). */
  @state() private filters: DirectoryFilters = emptyFilters;
  /** What is in the text boxes right now. */
  @state() private typed = { q: '', location: '' };
  @state() private items: Member[] = [];
  @state() private nextCursor: string | null = null;
  @state() private activeIndex = 0;
  /** On narrow widths the filters are behind a button; whether they are shown. */
  @state() private filtersOpen = false;

  @query('.results') private list?: HTMLElement;

  private readonly announcer = new LiveAnnouncer(this);
  private readonly nextPage = new NextPageLoader(this, (status) => this.denyAccess(status));
  // Estimated heights until measured: a card with a few lines, or one row of the list.
  private readonly window = new WindowedList(this, () => (this.layout === 'list' ? 56 : 150));
  private lastRange = '';
  private rendered?: WindowRange;
  /** The control in the list that last had focus. */
  private lastFocused?: HTMLElement;
  private timers: Partial<Record<'q' | 'location', ReturnType<typeof setTimeout>>> = {};
  private seen = new Set<string>();
  private restored = false;

  private readonly metaTask = this.loadTask({
    args: () => [] as const,
    needsSignIn: false,
    task: async (_, { signal, api }): Promise<Meta | undefined> => {
      try {
        return await adapterMethod(api, 'getMeta', getMeta)({ signal });
      } catch (error) {
        // Filters without department and interest choices still work; the search itself reports errors.
        if (isAbort(error)) throw error;
        return undefined;
      }
    },
  });

  // The shared load (src/internal/okaeri-element.ts): waits for the page's configuration, handles
  // signed-out/forbidden, aborts superseded runs; the list state changes only for the latest run.
  private readonly searchTask = this.loadTask({
    args: () => [JSON.stringify(this.filters), this.pageSize, this.localize.lang] as const,
    task: async ([, pageSize, lang], { signal, api }): Promise<MemberList> => {
      // Network only: a next page of the old results is now wasted work. The footer's state
      // changes in onComplete, for the latest run only.
      this.nextPage.abort();
      return adapterMethod(api, 'searchAlumni', searchAlumni)(toQuery(this.filters, pageSize, lang), { signal });
    },
    onComplete: (page) => {
      this.nextPage.reset();
      this.seen = new Set();
      this.items = this.fresh(page.items);
      this.nextCursor = page.nextCursor;
      this.activeIndex = 0;
      this.window.reset();
      this.announceCount();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl && !this.restored) this.restoreFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of Object.values(this.timers)) clearTimeout(timer);
    this.timers = {};
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('syncUrl') && this.syncUrl && !this.restored) this.restoreFromUrl();
    if (changed.has('filters') && this.syncUrl && this.restored) writeFiltersToUrl(this.filters);
    if (changed.has('access') && this.access) {
      this.items = [];
      this.nextCursor = null;
    }
  }

  /** Moves focus to the search box. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus(options);
  }

  private restoreFromUrl(): void {
    this.restored = true;
    const fromUrl = readFiltersFromUrl();
    if (!fromUrl) return;
    this.filters = { ...emptyFilters, ...fromUrl };
    this.typed = { q: this.filters.q, location: this.filters.location };
  }

  /** Members not already listed: a page boundary that moved must not show anyone twice. */
  private fresh(members: Member[]): Member[] {
    return members.filter((member) => !this.seen.has(member.id) && this.seen.add(member.id));
  }

  private announceCount(): void {
    const count = this.items.length;
    const key = this.nextCursor ? 'directory.countMore' : 'directory.count';
    void this.announcer.announce(this.items.length ? this.localize.msg(key, { count }) : this.localize.msg(isBlank(this.filters) ? 'directory.emptyAll' : 'directory.empty'));
  }

  private onText(field: 'q' | 'location', value: string): void {
    this.typed = { ...this.typed, [field]: value };
    clearTimeout(this.timers[field]);
    this.timers[field] = setTimeout(() => {
      delete this.timers[field];
      if (this.filters[field] !== value) this.filters = { ...this.filters, [field]: value };
    }, searchDelay(value, this.debounce));
  }

  private onChange(patch: Partial<DirectoryFilters>): void {
    // An inverted year range is put in order where the viewer sees it, not only in the request.
    this.filters = orderedYears({ ...this.filters, ...patch });
  }

  private clear(): void {
    for (const timer of Object.values(this.timers)) clearTimeout(timer);
    this.timers = {};
    this.typed = { q: '', location: '' };
    this.filters = emptyFilters;
    this.focus();
  }

  /** The next page, after the last cursor; ignored while one is loading or when there is none. */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.searchTask.status !== TaskStatus.COMPLETE || this.access) return;
    await this.nextPage.load(
      (signal) => adapterMethod(this.api, 'searchAlumni', searchAlumni)(toQuery(this.filters, this.pageSize, this.localize.lang, cursor), { signal }),
      (page) => {
        this.items = [...this.items, ...this.fresh(page.items)];
        this.nextCursor = page.nextCursor;
        this.announceCount();
      },
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.window.attach(this.list, this.pageScroll);
    // Through the CSSOM, not a style attribute: a page's CSP may forbid inline styles
    // (style-src without 'unsafe-inline'), and the CSSOM is not an inline style.
    const windowElement = this.renderRoot.querySelector<HTMLElement>('.window');
    if (windowElement && this.rendered) {
      windowElement.style.setProperty('padding-block-start', `${this.rendered.before}px`);
      windowElement.style.setProperty('padding-block-end', `${this.rendered.after}px`);
    }
    this.window.measure();
    const range = this.list ? this.rendered : undefined;
    if (range) queueMicrotask(() => this.onRange(range.first, range.last));
  }

  /** The rendered range moved: load more near the end, and keep the list's tab stop on a rendered item. */
  private onRange(first: number, last: number): void {
    this.keepFocus();
    const key = `${first}:${last}:${this.items.length}`;
    if (key === this.lastRange) return;
    this.lastRange = key;
    if (last >= this.items.length - PREFETCH) void this.loadMore();
    const focusInside = this.list?.contains(this.shadowRoot!.activeElement);
    if (!focusInside && (this.activeIndex < first || this.activeIndex > last)) this.activeIndex = first;
  }

  private onFocusIn(event: FocusEvent): void {
    const item = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (item) this.activeIndex = Number(item.dataset.index);
    this.lastFocused = event.target as HTMLElement;
  }

  private onFocusOut(event: FocusEvent): void {
    const left = event.target as HTMLElement;
    // Still in the document: the viewer moved on (not an item the window took away).
    if (!this.list?.contains(event.relatedTarget as Node)) queueMicrotask(() => left.isConnected && this.lastFocused === left && (this.lastFocused = undefined));
  }

  /**
   * Items render by position, so after the window moved the focused button may show someone else
   * or be gone: put focus back on the same control of the person it was on, or on the list when
   * they scrolled out of the window.
   */
  private keepFocus(): void {
    const last = this.lastFocused;
    if (!last) return;
    const focused = this.shadowRoot!.activeElement as HTMLElement | null;
    const lost = !focused && !last.isConnected && (document.activeElement === document.body || !document.activeElement);
    const item = focused?.closest<HTMLElement>('[data-index]');
    if (!lost && (!item || Number(item.dataset.index) === this.activeIndex)) return;
    const control = (focused ?? last).classList.contains('contact') ? '.contact' : '.name';
    const target = this.renderRoot.querySelector(`[data-index="${this.activeIndex}"]`);
    (target?.querySelector<HTMLElement>(control) ?? target?.querySelector<HTMLElement>('.name') ?? this.list)?.focus({ preventScroll: true });
  }

  private onItemClick(event: MouseEvent): void {
    const target = event.target as Element;
    const item = target.closest<HTMLElement>('[role="listitem"]');
    if (!item || target.closest('a')) return;
    const index = Number(item.dataset.index);
    const member = this.items[index];
    if (!member) return;
    this.activeIndex = index;
    if (target.closest('.contact')) {
      if (member.contactable) this.dispatchEvent(new DirectoryContactEvent(member));
      return;
    }
    this.dispatchEvent(new DirectorySelectEvent(member));
  }

  private onListKeydown(event: KeyboardEvent): void {
    const last = this.items.length - 1;
    if (last < 0 || (event.target as Element).closest('input, select, textarea')) return;
    const page = Math.max(1, Math.floor((this.window.viewportHeight || 400) / 120));
    const from = this.activeIndex;
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    if (to > last && this.nextCursor) void this.loadMore();
    void this.focusItem(Math.min(Math.max(to, 0), last), (event.target as Element).closest('.contact') ? '.contact' : '.name');
  }

  /** Scrolls the item into the window, waits until it is rendered, and focuses it. */
  private async focusItem(index: number, selector: string): Promise<void> {
    this.activeIndex = index;
    this.window.scrollToIndex(index);
    for (let attempt = 0; attempt < 20; attempt++) {
      await this.updateComplete;
      const item = this.renderRoot.querySelector(`[data-index="${index}"]`);
      const target = item?.querySelector<HTMLElement>(selector) ?? item?.querySelector<HTMLElement>('.name');
      if (target) {
        target.focus();
        return;
      }
      await nextFrame();
    }
  }

  override render(): TemplateResult {
    const l = this.localize;
    const meta = this.metaTask.value;
    return html`${this.access
      ? nothing
      : renderFilters(l, { typed: this.typed, applied: this.filters, meta, open: this.filtersOpen }, {
          onText: (field, value) => this.onText(field, value),
          onChange: (patch) => this.onChange(patch),
          onClear: () => this.clear(),
          onToggle: () => (this.filtersOpen = !this.filtersOpen),
        })}
    ${this.renderAccess({ signedOut: 'directory.authRequired' }) ?? this.renderResults()} ${this.announcer.render()}`;
  }

  private renderResults(): TemplateResult {
    const l = this.localize;
    const pending = this.searchTask.status === TaskStatus.PENDING || this.searchTask.status === TaskStatus.INITIAL;
    if (this.searchTask.status === TaskStatus.ERROR) {
      return renderErrorBanner(l, { error: this.searchTask.error, onRetry: () => void this.searchTask.run() });
    }
    if (pending && !this.items.length) return this.renderSkeletons();
    if (!this.items.length) return this.renderEmpty();
    const count = this.items.length;
    const setSize = this.nextCursor ? -1 : this.items.length;
    const range = (this.rendered = this.window.range(this.items.length));
    return html`<p class="status" part="status">
        <span>${l.msg(this.nextCursor ? 'directory.countMore' : 'directory.count', { count })}</span>
        ${pending ? renderSpinner(l, { label: l.msg('directory.searching') }) : nothing}
      </p>
      <div class="results" part="results" tabindex="-1" @click=${this.onItemClick} @keydown=${this.onListKeydown} @focusin=${this.onFocusIn} @focusout=${this.onFocusOut}>
        <div
          class="window"
          role="list"
          aria-label=${l.msg('directory.results')}
          aria-busy=${pending ? 'true' : 'false'}
        >
          ${
            // By position, not keyed: repeat() leaks a marker per removed item in lit-html ≥ 3.3.1
            // (lit/lit#5298), which a sliding window would pile up. keepFocus() follows the person.
            this.items.slice(range.first, range.last + 1).map((member, offset) => {
              const index = range.first + offset;
              return renderMemberCard(l, member, { index, setSize, active: index === this.activeIndex, meta: this.metaTask.value });
            })
          }
        </div>
      </div>
      ${this.renderMore()}`;
  }

  private renderMore(): TemplateResult | typeof nothing {
    return renderLoadMore(this.localize, {
      error: this.nextPage.error,
      more: Boolean(this.nextCursor),
      busy: this.nextPage.busy,
      onLoadMore: () => void this.loadMore(),
      messages: { loadMore: 'directory.loadMore', failed: 'directory.pageError' },
    });
  }


  private renderSkeletons(): TemplateResult {
    const l = this.localize;
    return html`<p class="status" part="status">${renderSpinner(l, { label: l.msg('directory.searching') })}</p>
      <div class="skeletons" aria-hidden="true">
        ${[0, 1, 2].map(() => html`<div class="skeleton" part="skeleton"><span class="bone avatar-bone"></span><span class="bone"></span></div>`)}
      </div>`;
  }

  private renderEmpty(): TemplateResult {
    const l = this.localize;
    if (isBlank(this.filters)) return html`<div class="empty" part="empty"><p>${l.msg('directory.emptyAll')}</p></div>`;
    return html`<div class="empty" part="empty">
      <p class="empty-title">${l.msg('directory.empty')}</p>
      <p>${l.msg('directory.emptyHint')}</p>
      ${hasFilters(this.filters) || this.filters.q
        ? renderButton({ label: l.msg('directory.clear'), variant: 'secondary', onClick: () => this.clear() })
        : nothing}
    </div>`;
  }
}
