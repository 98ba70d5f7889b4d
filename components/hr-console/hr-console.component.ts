import { TaskStatus } from '@lit/task';
import { adoptStyles, html, nothing, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { adapterMethod } from '../../src/api/adapter.js';
import { approveMember, declineMember, exportHrMembers, getHrMember, getHrOverview, getMeta, importLeavers, listHrMembers } from '../../src/api/operations.js';
import { OkaeriApiError } from '../../src/api/errors.js';
import type { HrMember, HrMemberDetail, HrMemberList, HrOverview, LeaverImportResult, Meta } from '../../src/api/types.js';
import { HrExportEvent } from '../../src/events/hr-export.js';
import { HrMemberApproveEvent } from '../../src/events/hr-member-approve.js';
import { HrMemberDeclineEvent } from '../../src/events/hr-member-decline.js';
import type { MessageKey, WidgetCatalogs } from '../../src/i18n/messages.js';
import { buttonStyles, renderButton } from '../../src/internal/button.js';
import { errorBannerStyles, renderErrorBanner } from '../../src/internal/error-banner.js';
import { errorMessageKey } from '../../src/internal/error-message.js';
import { LiveAnnouncer, liveRegionStyles } from '../../src/internal/live-region.js';
import { NextPageLoader, renderLoadMore } from '../../src/internal/load-more.js';
import { Mutations } from '../../src/internal/mutation.js';
import { OkaeriElement } from '../../src/internal/okaeri-element.js';
import { searchDelay } from '../../src/internal/search-delay.js';
import { renderSpinner } from '../../src/internal/spinner.js';
import { WindowedList, type WindowRange } from '../../src/internal/windowed-list.js';
import { hrConsoleEn } from './hr-console.messages.en.js';
import { hrConsoleJa } from './hr-console.messages.ja.js';
import { styles } from './hr-console.styles.js';
import type { ExportPurpose } from './hr-export.js';
import { renderOverview } from './hr-overview.js';
import { emptySegment, isEverybody, orderedYears, toExportQuery, toMemberQuery, type HrSegment, type HrSort } from './hr-segment.js';

export const HR_SECTIONS = ['overview', 'members', 'approvals', 'returners', 'announcements', 'template'] as const;
export type HrSection = (typeof HR_SECTIONS)[number];

/** The sections that are elements of their own (components/hr-console/hr-<section>.define.ts). */
type ElementSection = 'returners' | 'announcements' | 'template';

/**
 * What each section needs beyond the shell and the overview, imported when its tab first opens
 * (a chunk of its own in a bundler's output): the Members and Approvals views, and the define
 * modules of the section elements, with the checklist and welcome card they embed.
 */
const sectionModules = {
  members: () => import('./hr-members-view.js'),
  approvals: () => import('./hr-approvals.js'),
  returners: () => import('./hr-returners.define.js'),
  announcements: () => import('./hr-announcements.define.js'),
  template: () => import('./hr-template.define.js'),
};
type LazySection = keyof typeof sectionModules;
type SectionModules = { [S in LazySection]: Awaited<ReturnType<(typeof sectionModules)[S]>> };

type Member = HrMemberDetail['member'];

/** Load the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH = 10;
const ROW_HEIGHT = 44;
const QUEUE_PAGE = 50;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
const statusOf = (error: unknown) => (error instanceof OkaeriApiError && error.kind === 'http' ? error.status : undefined);
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * @tag okaeri-hr-console
 * @summary The alumni program's administration for HR: who joined, segments of members with their
 * whole records, CSV export, approval of signups and leaver-list import, returners, welcome-back
 * announcements and the re-onboarding checklist template, in one widget.
 *
 * Only a viewer with the `hr` role sees the data; anyone else gets the no-permission state, no
 * token the sign-in state. The sections are ARIA tabs (arrow keys, Home, End); `section` opens
 * one and reflects, so a host can deep-link. Members is an ARIA grid over any number of members,
 * windowed like the directory: arrow keys move between cells, Home/End to the row's ends,
 * Ctrl+Home/End to the first and last member, Page Up/Down by a screenful, Enter opens the
 * member's record. Every view of a record and every export is audited by the server.
 *
 * @slot auth-required - Replaces the "sign in to administer the program" message (no token, or the server answered 401).
 *
 * @fires okaeri-hr-export - `HrExportEvent`: the segment's CSV arrived; detail `{ purpose, query, file, fileName }`. Cancelable: `preventDefault()` stops the download.
 * @fires okaeri-hr-member-approve - `HrMemberApproveEvent`: the server approved an awaiting signup; detail `{ member }`.
 * @fires okaeri-hr-member-decline - `HrMemberDeclineEvent`: the server declined an awaiting signup; detail `{ member, reason }`.
 * @fires okaeri-auth-required - `AuthRequiredEvent`: no token or a 401; detail `{ reason }`. Once per transition.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart panel - The open section.
 * @csspart figure - One overview number.
 * @csspart figure-link - The link on it that opens its segment.
 * @csspart figure-count - The number itself.
 * @csspart chart - The new-members-per-month chart.
 * @csspart bar - One month's bar.
 * @csspart returner - A returner in progress on the overview.
 * @csspart search - The members' search, filters and sort.
 * @csspart query - The search box.
 * @csspart filters-toggle - The button that shows or hides the filters.
 * @csspart filters - The filter controls.
 * @csspart status - The visible member count.
 * @csspart grid - The members grid (`role="grid"`).
 * @csspart row - A member's row.
 * @csspart more - The "load more" row.
 * @csspart empty - The "no one matches" message.
 * @csspart detail - The member's record.
 * @csspart hidden-mark - "Hidden from the directory" on a field.
 * @csspart export - The CSV export.
 * @csspart queue - The signups awaiting approval.
 * @csspart queue-item - One of them.
 * @csspart leavers - The leaver list import.
 * @csspart leaver-result - What the import approved and left for review.
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
 * @cssproperty --okaeri-hr-console-grid-block-size - Height of the scrolling members grid (default `min(70vh, 36rem)`).
 */
export class OkaeriHrConsole extends OkaeriElement {
  // The Members and Approvals tabs bring their styles (fields, grid, queue) when they first open.
  static override styles = [OkaeriElement.styles, buttonStyles, errorBannerStyles, liveRegionStyles, styles];
  static override messages = { en: hrConsoleEn, ja: hrConsoleJa };

  /** The open section: `overview`, `members`, `approvals`, `returners`, `announcements` or `template`. */
  @property({ reflect: true }) section: HrSection = 'overview';

  /** Where each section's module comes from (a subclass in a test replaces one to see the loading and failed states). */
  protected static sectionModules: typeof sectionModules = sectionModules;

  /** Members per request (the server caps it at 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Milliseconds of quiet typing before the member search runs (as in the directory). */
  @property({ type: Number }) debounce = 40;

  /** The segment the grid and the export show (applied after the debounce). */
  @state() private segment: HrSegment = emptySegment;
  @state() private typed = '';
  @state() private sort: HrSort = 'name';
  @state() private filtersOpen = false;
  @state() private members: HrMember[] = [];
  @state() private nextCursor: string | null = null;
  @state() private activeRow = 0;
  @state() private activeColumn = 0;
  @state() private openMemberId?: string;
  @state() private exportPurpose: ExportPurpose = 'outreach';
  @state() private exportError?: unknown;
  @state() private queue: HrMember[] = [];
  @state() private queueCursor: string | null = null;
  @state() private queueLoadingMore = false;
  @state() private declining?: string;
  @state() private decisionErrors: ReadonlyMap<string, string> = new Map();
  @state() private leaverText = '';
  @state() private leaverProblem?: string;
  @state() private leaverResult?: LeaverImportResult;
  /** Sections opened once stay loaded, so going back to them shows what was there. */
  @state() private visited: ReadonlySet<HrSection> = new Set();
  /** The sections' modules that have arrived, and why one failed to (shown with a retry). */
  @state() private modules: Partial<SectionModules> = {};
  @state() private moduleErrors: Partial<Record<LazySection, unknown>> = {};
  private readonly moduleLoads = new Map<LazySection, Promise<void>>();
  private readonly tabStyles = new Set<CSSResultOrNative>();

  private readonly announcer = new LiveAnnouncer(this);
  private readonly nextPage = new NextPageLoader(this, (status) => this.denyAccess(status));
  private readonly mutations = new Mutations(this, this.localize);
  private readonly window = new WindowedList(this, () => ROW_HEIGHT);
  private rendered?: WindowRange;
  private lastRange = '';
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** Where focus goes back to when the record closes. */
  private detailOpener?: HTMLElement;
  /** Focus is in the grid (or was, on a cell the window took away). */
  private gridFocused = false;

  private readonly metaTask = this.loadTask({
    args: () => [] as const,
    needsSignIn: false,
    task: async (_, { signal, api }): Promise<Meta | undefined> => {
      try {
        return await adapterMethod(api, 'getMeta', getMeta)({ signal });
      } catch (error) {
        // Department and interest names fall back to their ids; the HR loads report errors themselves.
        if (isAbort(error)) throw error;
        return undefined;
      }
    },
  });

  // Always loaded: it decides the access state and whether Approvals is a tab.
  private readonly overviewTask = this.loadTask({
    args: () => [] as const,
    task: (_, { signal, api }): Promise<HrOverview> => adapterMethod(api, 'getHrOverview', getHrOverview)({ signal }),
  });

  private readonly membersTask = this.loadTask({
    args: () => [this.visited.has('members'), JSON.stringify(this.segment), this.sort, this.pageSize, this.localize.lang] as const,
    task: async ([wanted, , sort, limit, lang], { signal, api }): Promise<HrMemberList | undefined> => {
      if (!wanted) return undefined;
      this.nextPage.abort();
      return adapterMethod(api, 'listHrMembers', listHrMembers)(toMemberQuery(this.segment, { sort, lang, limit }), { signal });
    },
    onComplete: (page) => {
      if (!page) return;
      this.nextPage.reset();
      this.members = page.items;
      this.nextCursor = page.nextCursor;
      this.activeRow = 0;
      this.window.reset();
      this.announceCount();
    },
  });

  private readonly detailTask = this.loadTask({
    args: () => [this.openMemberId] as const,
    task: ([id], { signal, api }): Promise<HrMemberDetail | undefined> =>
      id === undefined ? Promise.resolve(undefined) : adapterMethod(api, 'getHrMember', getHrMember)(id, { signal }),
  });

  private readonly queueTask = this.loadTask({
    args: () => [this.visited.has('approvals')] as const,
    task: async ([wanted], { signal, api }): Promise<HrMemberList | undefined> =>
      wanted ? adapterMethod(api, 'listHrMembers', listHrMembers)(this.queueQuery(), { signal }) : undefined,
    onComplete: (page) => {
      if (!page) return;
      this.queue = page.items;
      this.queueCursor = page.nextCursor;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('section')) {
      if (!HR_SECTIONS.includes(this.section)) this.section = 'overview';
      if (!this.visited.has(this.section)) this.visited = new Set([...this.visited, this.section]);
      void this.sectionModule(this.section);
    }
  }

  /** A tab's styles after the console's own, adopted like them (constructable sheets: no inline style for a CSP to refuse). */
  private addStyles(styles: CSSResultOrNative[]): void {
    for (const style of styles) this.tabStyles.add(style);
    adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof OkaeriHrConsole).elementStyles, ...this.tabStyles]);
  }

  /**
   * Imports a section's module the first time it is asked for (its tab opened); resolves once it
   * has arrived. A failure is kept for the section's error banner, whose retry imports it again.
   */
  private sectionModule(section: HrSection): Promise<void> {
    if (section === 'overview') return Promise.resolve();
    let load = this.moduleLoads.get(section);
    if (!load) {
      const { [section]: _, ...others } = this.moduleErrors;
      this.moduleErrors = others;
      load = (this.constructor as typeof OkaeriHrConsole).sectionModules[section]().then(
        (module) => {
          // The Members and Approvals views bring their strings.
          const { messages, styles } = module as { messages?: WidgetCatalogs; styles?: CSSResultOrNative[] };
          if (messages) this.localize.addMessages(messages);
          if (styles) this.addStyles(styles);
          this.modules = { ...this.modules, [section]: module };
        },
        (error: unknown) => {
          this.moduleLoads.delete(section);
          this.moduleErrors = { ...this.moduleErrors, [section]: error };
        },
      );
      this.moduleLoads.set(section, load);
    }
    return load;
  }

  private get overview(): HrOverview | undefined {
    return this.overviewTask.value;
  }

  /** Approvals is a tab when the program asks for approval or someone is waiting anyway (approval turned off since). */
  private get approvalsShown(): boolean {
    const overview = this.overview;
    return Boolean(overview?.approval || (overview?.members.awaitingApproval ?? 0) > 0 || this.section === 'approvals');
  }

  private get tabs(): HrSection[] {
    return HR_SECTIONS.filter((section) => section !== 'approvals' || this.approvalsShown);
  }

  private queueQuery() {
    return toMemberQuery({ ...emptySegment, statuses: ['awaiting-approval'] }, { sort: 'signedUp', lang: this.localize.lang, limit: QUEUE_PAGE });
  }

  // --- tabs ---

  private select(section: HrSection, { focusTab = false } = {}): void {
    this.section = section;
    if (focusTab) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${section}`)?.focus());
  }

  private onTabKeydown(event: KeyboardEvent): void {
    const tabs = this.tabs;
    const at = tabs.indexOf(this.section);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.select(tabs[(to + tabs.length) % tabs.length]!, { focusTab: true });
  }

  /** An overview number was followed: Members opens with exactly its segment. */
  private openSegment(segment: HrSegment): void {
    clearTimeout(this.searchTimer);
    this.segment = segment;
    this.typed = segment.q;
    this.openMemberId = undefined;
    this.select('members');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#panel-members')?.focus());
  }

  // --- members ---

  private onSearch(value: string): void {
    this.typed = value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      if (this.segment.q !== value) this.segment = { ...this.segment, q: value };
    }, searchDelay(value, this.debounce));
  }

  private clearSegment(): void {
    clearTimeout(this.searchTimer);
    this.typed = '';
    this.segment = emptySegment;
    this.renderRoot.querySelector<HTMLInputElement>('#m-q')?.focus();
  }

  private announceCount(): void {
    const count = this.members.length;
    const key: MessageKey = this.nextCursor ? 'hrConsole.members.countMore' : 'hrConsole.members.count';
    void this.announcer.announce(count ? this.localize.msg(key, { count }) : this.localize.msg(isEverybody(this.segment) ? 'hrConsole.members.emptyAll' : 'hrConsole.members.empty'));
  }

  /** The next page after the last cursor; ignored while one is loading or when there is none. */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.membersTask.status !== TaskStatus.COMPLETE || this.access) return;
    const query = toMemberQuery(this.segment, { sort: this.sort, lang: this.localize.lang, limit: this.pageSize, cursor });
    await this.nextPage.load(
      (signal) => adapterMethod(this.api, 'listHrMembers', listHrMembers)(query, { signal }),
      (page) => {
        const seen = new Set(this.members.map((member) => member.id));
        // A page boundary that moved must not show anyone twice.
        this.members = [...this.members, ...page.items.filter((member) => !seen.has(member.id))];
        this.nextCursor = page.nextCursor;
        this.announceCount();
      },
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const grid = this.renderRoot.querySelector<HTMLElement>('.grid') ?? undefined;
    this.window.attach(grid);
    // Through the CSSOM, not a style attribute: a page's CSP may forbid inline styles.
    const body = this.renderRoot.querySelector<HTMLElement>('.grid-body');
    if (body && this.rendered) {
      body.style.setProperty('padding-block-start', `${this.rendered.before}px`);
      body.style.setProperty('padding-block-end', `${this.rendered.after}px`);
    }
    this.window.measure();
    const range = grid ? this.rendered : undefined;
    if (range) queueMicrotask(() => this.onRange(range.last));
    this.keepGridFocus(grid);
  }

  /**
   * Rows render by position and the window moves, so after an update the focused cell may show
   * another member or be gone (a re-measure that renders fewer rows): focus follows the active
   * cell, never <body>.
   */
  private keepGridFocus(grid: HTMLElement | undefined): void {
    if (!this.gridFocused || !grid) return;
    const active = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.activeRow}"] [data-column="${this.activeColumn}"]`);
    const focused = this.shadowRoot!.activeElement;
    if (active && focused !== active && (!focused || grid.contains(focused))) active.focus({ preventScroll: true });
  }

  private onGridFocusOut(event: FocusEvent): void {
    const left = event.target as HTMLElement;
    const grid = event.currentTarget as HTMLElement;
    if (grid.contains(event.relatedTarget as Node | null)) return;
    // Still in the document: the viewer moved on; gone: the window took the cell away.
    queueMicrotask(() => {
      if (left.isConnected) this.gridFocused = false;
    });
  }

  private onRange(last: number): void {
    const key = `${last}:${this.members.length}`;
    if (key === this.lastRange) return;
    this.lastRange = key;
    if (last >= this.members.length - PREFETCH) void this.loadMore();
  }

  private onGridFocusIn(event: FocusEvent): void {
    this.gridFocused = true;
    const cell = (event.target as Element).closest<HTMLElement>('[data-column]');
    const row = cell?.closest<HTMLElement>('[data-index]');
    if (!cell || !row) return;
    this.activeRow = Number(row.dataset.index);
    this.activeColumn = Number(cell.dataset.column);
  }

  private onGridClick(event: MouseEvent): void {
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    this.activeRow = index;
    this.openMember(index, (event.target as Element).closest<HTMLElement>('[data-column]') ?? undefined);
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const last = this.members.length - 1;
    if (last < 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.openMember(this.activeRow, event.target as HTMLElement);
      return;
    }
    const page = Math.max(1, Math.floor((this.window.viewportHeight || 400) / ROW_HEIGHT) - 1);
    const row = this.activeRow;
    const column = this.activeColumn;
    const lastColumn = this.modules.members!.COLUMNS.length - 1;
    const ctrl = event.ctrlKey || event.metaKey;
    const moves: Record<string, [number, number]> = {
      ArrowDown: [row + 1, column],
      ArrowUp: [row - 1, column],
      ArrowRight: [row, Math.min(column + 1, lastColumn)],
      ArrowLeft: [row, Math.max(column - 1, 0)],
      PageDown: [row + page, column],
      PageUp: [row - page, column],
      Home: ctrl ? [0, 0] : [row, 0],
      End: ctrl ? [last, lastColumn] : [row, lastColumn],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    if (move[0] > last && this.nextCursor) void this.loadMore();
    void this.focusCell(Math.min(Math.max(move[0], 0), last), move[1]);
  }

  /** Scrolls the row into the window, waits until it is rendered, and focuses the cell. */
  private async focusCell(row: number, column: number): Promise<void> {
    this.activeRow = row;
    this.activeColumn = column;
    this.window.scrollToIndex(row);
    for (let attempt = 0; attempt < 20; attempt++) {
      await this.updateComplete;
      const cell = this.renderRoot.querySelector<HTMLElement>(`[data-index="${row}"] [data-column="${column}"]`);
      if (cell) {
        cell.focus();
        return;
      }
      await nextFrame();
    }
  }

  private openMember(index: number, opener?: HTMLElement): void {
    const member = this.members[index];
    if (!member) return;
    this.detailOpener = opener;
    this.openMemberId = member.id;
    void this.focusDetail();
  }

  /** Focus goes to the record once it is there (or to the panel with its error). */
  private async focusDetail(): Promise<void> {
    // The update starts the load; only then is taskComplete this load's.
    await this.updateComplete;
    await this.detailTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('#detail-heading') ?? this.renderRoot.querySelector<HTMLElement>('.detail'))?.focus();
  }

  private closeMember(): void {
    this.openMemberId = undefined;
    const opener = this.detailOpener;
    this.detailOpener = undefined;
    void this.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
      else void this.focusCell(this.activeRow, this.activeColumn);
    });
  }

  /** Opens the returners section's register form with the member filled in (C2's openRegister). */
  private async registerReturner(member: Member): Promise<void> {
    this.select('returners');
    await this.updateComplete;
    await this.sectionModule('returners');
    await this.updateComplete;
    await this.renderRoot.querySelector('okaeri-hr-returners')?.openRegister(member);
  }

  // --- export ---

  private async exportSegment(): Promise<void> {
    if (this.mutations.isPending('export')) return;
    this.exportError = undefined;
    const purpose = this.exportPurpose;
    const query = toExportQuery(this.segment, purpose, this.localize.lang);
    // A read: no Idempotency-Key, and nothing to undo.
    const result = await this.mutations.run({ id: 'export', send: ({ signal }) => adapterMethod(this.api, 'exportHrMembers', exportHrMembers)(query, { signal }) });
    if (!result.ok) {
      if (!result.aborted) this.exportError = result.error;
      return;
    }
    // The export button is in the Members tab: its module has arrived.
    const { exportFileName, download } = this.modules.members!;
    const fileName = exportFileName(this.localize, purpose);
    const event = new HrExportEvent({ purpose, query, file: result.value, fileName });
    if (this.dispatchEvent(event)) download(result.value, fileName);
    void this.announcer.announce(this.localize.msg('hrConsole.export.done'));
  }

  // --- approvals ---

  private setDecisionError(id: string, message: string | undefined): void {
    const next = new Map(this.decisionErrors);
    if (message === undefined) next.delete(id);
    else next.set(id, message);
    this.decisionErrors = next;
  }

  private decisionReason(error: unknown, fallback: string): string {
    const problem = error instanceof OkaeriApiError ? (error.problem as { code?: string } | undefined) : undefined;
    return statusOf(error) === 409 && problem?.code === 'not_awaiting_approval' ? this.localize.msg('hrConsole.approvals.notAwaiting') : fallback;
  }

  /**
   * Approves or declines at once on screen (the person leaves the queue) and puts them back, with
   * the reason beside them, if the server refuses. One Idempotency-Key per decision, so a retry
   * after a lost answer is replayed rather than applied twice.
   */
  private async decide(member: HrMember | Member, decision: { approve: true } | { approve: false; reason: string }): Promise<void> {
    const id = member.id;
    if (this.mutations.isPending(id)) return;
    const before = this.queue;
    this.setDecisionError(id, undefined);
    const reason = decision.approve ? undefined : decision.reason || undefined;
    const result = await this.mutations.run({
      id,
      body: decision.approve ? { approve: id } : { decline: id, reason },
      apply: () => {
        this.queue = this.queue.filter((each) => each.id !== id);
        this.declining = undefined;
      },
      rollback: () => (this.queue = before),
      send: (options) =>
        decision.approve ? adapterMethod(this.api, 'approveMember', approveMember)(id, options) : adapterMethod(this.api, 'declineMember', declineMember)(id, { reason }, options),
    });
    const name = this.localize.personName(member);
    if (!result.ok) {
      if (result.aborted) return;
      const message = this.decisionReason(result.error, result.reason);
      this.setDecisionError(id, message);
      void this.announcer.announce(this.localize.msg('hrConsole.approvals.failed', { reason: message }));
      return;
    }
    const decided = result.value.member;
    this.dispatchEvent(decision.approve ? new HrMemberApproveEvent({ member: decided }) : new HrMemberDeclineEvent({ member: decided, reason }));
    void this.announcer.announce(this.localize.msg(decision.approve ? 'hrConsole.approvals.approved' : 'hrConsole.approvals.declined', { name }));
    this.afterDecisions();
    if (this.openMemberId === id) void this.detailTask.run();
  }

  /** Decline asks for its reason in the queue: open it there, with focus in the reason. */
  private async declineFromDetail(member: Member): Promise<void> {
    this.declining = member.id;
    this.select('approvals');
    await this.updateComplete;
    await this.sectionModule('approvals');
    await this.queueTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#reason-${CSS.escape(member.id)}`)?.focus();
  }

  /** Counts and the grid's statuses changed on the server: read them again. */
  private afterDecisions(): void {
    void this.overviewTask.run();
    if (this.visited.has('members')) void this.membersTask.run();
  }

  private async loadMoreQueue(): Promise<void> {
    const cursor = this.queueCursor;
    if (!cursor || this.queueLoadingMore) return;
    this.queueLoadingMore = true;
    try {
      const page = await adapterMethod(this.api, 'listHrMembers', listHrMembers)({ ...this.queueQuery(), cursor });
      const seen = new Set(this.queue.map((member) => member.id));
      this.queue = [...this.queue, ...page.items.filter((member) => !seen.has(member.id))];
      this.queueCursor = page.nextCursor;
    } catch (error) {
      void this.announcer.announce(this.localize.msg('hrConsole.approvals.failed', { reason: this.localize.msg(errorMessageKey(error)) }));
    } finally {
      this.queueLoadingMore = false;
    }
  }

  private async importLeavers(form: HTMLFormElement): Promise<void> {
    if (this.mutations.isPending('leavers')) return;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const text = file ? await file.text() : this.leaverText;
    if (!text.trim()) {
      this.leaverProblem = this.localize.msg('hrConsole.leavers.missing');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#leavers-text')?.focus();
      return;
    }
    this.leaverProblem = undefined;
    const result = await this.mutations.run({ id: 'leavers', body: text, send: (options) => adapterMethod(this.api, 'importLeavers', importLeavers)(text, options) });
    if (!result.ok) {
      if (result.aborted) return;
      const status = statusOf(result.error);
      this.leaverProblem = status === 413 ? this.localize.msg('hrConsole.leavers.tooLarge') : status === 400 || status === 415 ? this.localize.msg('hrConsole.leavers.invalid') : result.reason;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#leavers-text')?.focus();
      return;
    }
    this.leaverResult = result.value;
    form.reset();
    this.leaverText = '';
    void this.queueTask.run();
    this.afterDecisions();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.leaver-result')?.focus();
  }

  // --- rendering ---

  override render(): TemplateResult {
    const access = this.renderAccess({ signedOut: 'hrConsole.signedOut', forbidden: 'hrConsole.forbidden' });
    if (access) return html`${access} ${this.announcer.render()}`;
    const l = this.localize;
    const tabs = this.tabs;
    const awaiting = this.overview?.members.awaitingApproval ?? 0;
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${l.msg('hrConsole.label')} @keydown=${this.onTabKeydown}>
        ${tabs.map(
          (section) => html`<button
            class="tab"
            part="tab"
            role="tab"
            type="button"
            id="tab-${section}"
            aria-selected=${section === this.section ? 'true' : 'false'}
            aria-controls="panel-${section}"
            tabindex=${section === this.section ? '0' : '-1'}
            @click=${() => this.select(section)}
          >
            ${l.msg(`hrConsole.tab.${section}`)}${section === 'approvals' && awaiting
              ? html` <span class="badge">${l.msg('hrConsole.awaitingBadge', { count: awaiting })}</span>`
              : nothing}
          </button>`,
        )}
      </div>
      <div class="panel" part="panel" role="tabpanel" id="panel-${this.section}" aria-labelledby="tab-${this.section}" tabindex="0">${this.renderSection()}</div>
      ${this.announcer.render()}`;
  }

  private renderSection(): TemplateResult {
    const section = this.section;
    if (section === 'overview') return this.renderOverviewSection();
    const { members, approvals } = this.modules;
    if (section === 'members' && members) return this.renderMembersSection(members);
    if (section === 'approvals' && approvals) return this.renderApprovalsSection(approvals);
    if (section !== 'members' && section !== 'approvals' && this.modules[section]) return this.renderElementSection(section);
    const error = this.moduleErrors[section];
    return error === undefined
      ? this.renderLoading()
      : renderErrorBanner(this.localize, { error, onRetry: () => void this.sectionModule(section) });
  }

  /** The section elements resolve their configuration themselves; the console's own overrides go along. */
  private renderElementSection(section: ElementSection): TemplateResult {
    const lang = this.lang || undefined;
    const theme = this.theme;
    const baseUrl = this.baseUrl;
    switch (section) {
      case 'returners':
        return html`<okaeri-hr-returners lang=${ifDefined(lang)} theme=${ifDefined(theme)} base-url=${ifDefined(baseUrl)}></okaeri-hr-returners>`;
      case 'announcements':
        return html`<okaeri-hr-announcements lang=${ifDefined(lang)} theme=${ifDefined(theme)} base-url=${ifDefined(baseUrl)}></okaeri-hr-announcements>`;
      case 'template':
        return html`<okaeri-hr-template lang=${ifDefined(lang)} theme=${ifDefined(theme)} base-url=${ifDefined(baseUrl)}></okaeri-hr-template>`;
    }
  }

  private renderLoading(label: MessageKey = 'hrConsole.sectionLoading'): TemplateResult {
    return html`<p class="loading">${renderSpinner(this.localize, { label: this.localize.msg(label) })} <span aria-hidden="true">${this.localize.msg(label)}</span></p>`;
  }

  private renderOverviewSection(): TemplateResult {
    const l = this.localize;
    return this.overviewTask.render({
      initial: () => this.renderLoading(),
      pending: () => (this.overview ? this.renderOverviewBody(this.overview) : this.renderLoading()),
      complete: (overview) => (overview ? this.renderOverviewBody(overview) : this.renderLoading()),
      error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.overviewTask.run() }),
    });
  }

  private renderOverviewBody(overview: HrOverview): TemplateResult {
    return html`<h2 class="visually-hidden">${this.localize.msg('hrConsole.tab.overview')}</h2>
      ${renderOverview(this.localize, overview, {
        onSegment: (segment) => this.openSegment(segment),
        onSection: (section) => this.select(section),
      })}`;
  }

  private renderMembersSection(view: SectionModules['members']): TemplateResult {
    const { renderMemberFilters, renderExport } = view;
    const l = this.localize;
    return html`<h2 class="visually-hidden">${l.msg('hrConsole.tab.members')}</h2>
      ${renderMemberFilters(
        l,
        { typed: this.typed, segment: this.segment, sort: this.sort, meta: this.metaTask.value, open: this.filtersOpen },
        {
          onSearch: (value) => this.onSearch(value),
          onChange: (patch) => (this.segment = orderedYears({ ...this.segment, ...patch })),
          onSort: (sort) => (this.sort = sort),
          onClear: () => this.clearSegment(),
          onToggle: () => (this.filtersOpen = !this.filtersOpen),
        },
      )}
      ${renderExport(
        l,
        { purpose: this.exportPurpose, busy: this.mutations.isPending('export'), error: this.exportError },
        { onPurpose: (purpose) => (this.exportPurpose = purpose), onExport: () => void this.exportSegment() },
      )}
      <div class="members-layout">
        <div class="members-results">${this.renderResults(view)}</div>
        ${this.openMemberId === undefined ? nothing : this.renderDetail(view)}
      </div>`;
  }

  private renderResults({ renderGrid }: SectionModules['members']): TemplateResult {
    const l = this.localize;
    const task = this.membersTask;
    const pending = task.status === TaskStatus.PENDING || task.status === TaskStatus.INITIAL;
    if (task.status === TaskStatus.ERROR) return renderErrorBanner(l, { error: task.error, onRetry: () => void task.run() });
    if (pending && !this.members.length) return this.renderLoading('hrConsole.members.searching');
    if (!this.members.length) {
      return html`<div class="empty" part="empty">
        <p>${l.msg(isEverybody(this.segment) ? 'hrConsole.members.emptyAll' : 'hrConsole.members.empty')}</p>
        ${isEverybody(this.segment) ? nothing : renderButton({ label: l.msg('hrConsole.members.clear'), variant: 'secondary', onClick: () => this.clearSegment() })}
      </div>`;
    }
    const count = this.members.length;
    const range = (this.rendered = this.window.range(count));
    return html`<p class="status" part="status">
        <span>${l.msg(this.nextCursor ? 'hrConsole.members.countMore' : 'hrConsole.members.count', { count })}</span>
        ${pending ? renderSpinner(l, { label: l.msg('hrConsole.members.searching') }) : nothing}
      </p>
      <p class="visually-hidden" id="grid-keys">${l.msg('hrConsole.members.keys')}</p>
      ${renderGrid(
        l,
        {
          members: this.members,
          meta: this.metaTask.value,
          range,
          more: Boolean(this.nextCursor),
          busy: pending,
          activeRow: this.activeRow,
          activeColumn: this.activeColumn,
          openId: this.openMemberId,
        },
        {
          onKeydown: (event) => this.onGridKeydown(event),
          onClick: (event) => this.onGridClick(event),
          onFocusIn: (event) => this.onGridFocusIn(event),
          onFocusOut: (event) => this.onGridFocusOut(event),
        },
      )}
      ${this.renderMore()}`;
  }

  private renderMore(): TemplateResult | typeof nothing {
    return renderLoadMore(this.localize, {
      error: this.nextPage.error,
      more: Boolean(this.nextCursor),
      busy: this.nextPage.busy,
      onLoadMore: () => void this.loadMore(),
      messages: { loadMore: 'hrConsole.members.loadMore', failed: 'hrConsole.members.pageError' },
    });
  }


  private renderDetail(view: SectionModules['members']): TemplateResult {
    const l = this.localize;
    const detail = this.detailTask.value;
    const body = this.detailTask.render({
      initial: () => this.renderLoading('hrConsole.detail.loading'),
      pending: () => (detail ? this.renderDetailBody(view, detail) : this.renderLoading('hrConsole.detail.loading')),
      complete: (value) => (value ? this.renderDetailBody(view, value) : this.renderLoading('hrConsole.detail.loading')),
      error: (error) => renderErrorBanner(l, { error, onRetry: () => void this.detailTask.run() }),
    });
    return html`<section class="detail" part="detail" tabindex="-1" aria-label=${l.msg('hrConsole.detail.label')} @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.closeMember()}>
      ${body}
    </section>`;
  }

  private renderDetailBody({ renderMemberDetail }: SectionModules['members'], detail: HrMemberDetail): TemplateResult {
    return renderMemberDetail(
      this.localize,
      { detail, meta: this.metaTask.value, busy: this.mutations.isPending(detail.member.id) },
      {
        onClose: () => this.closeMember(),
        onRegister: (member) => void this.registerReturner(member),
        onApprove: (member) => void this.decide(member, { approve: true }),
        onDecline: (member) => void this.declineFromDetail(member),
      },
    );
  }

  private renderApprovalsSection({ renderQueue, renderLeaverImport }: SectionModules['approvals']): TemplateResult {
    const l = this.localize;
    const task = this.queueTask;
    const queue =
      task.status === TaskStatus.ERROR
        ? renderErrorBanner(l, { error: task.error, onRetry: () => void task.run() })
        : task.status === TaskStatus.COMPLETE && task.value
          ? renderQueue(
              l,
              {
                members: this.queue,
                meta: this.metaTask.value,
                declining: this.declining,
                pending: (id) => this.mutations.isPending(id),
                errors: this.decisionErrors,
                more: Boolean(this.queueCursor),
                loadingMore: this.queueLoadingMore,
              },
              {
                onApprove: (member) => void this.decide(member, { approve: true }),
                onAskDecline: (member) => {
                  this.declining = member.id;
                  void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#reason-${CSS.escape(member.id)}`)?.focus());
                },
                onDecline: (member, reason) => void this.decide(member, { approve: false, reason }),
                onCancelDecline: () => {
                  const id = this.declining;
                  this.declining = undefined;
                  void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#q-${CSS.escape(id ?? '')} .actions button:last-child`)?.focus());
                },
                onLoadMore: () => void this.loadMoreQueue(),
              },
            )
          : this.renderLoading();
    return html`<h2 class="visually-hidden">${l.msg('hrConsole.tab.approvals')}</h2>
      <section class="approvals" aria-labelledby="queue-heading">
        <h3 id="queue-heading">${l.msg('hrConsole.approvals.queue')}</h3>
        <p class="muted">${l.msg(this.overview?.approval === false ? 'hrConsole.approvals.off' : 'hrConsole.approvals.queueHint')}</p>
        ${queue}
      </section>
      ${renderLeaverImport(
        l,
        { text: this.leaverText, problem: this.leaverProblem, busy: this.mutations.isPending('leavers'), result: this.leaverResult },
        { onText: (text) => (this.leaverText = text), onSubmit: (form) => void this.importLeavers(form) },
      )}`;
  }
}
