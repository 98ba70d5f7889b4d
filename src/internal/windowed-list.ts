import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface WindowRange {
  /** First and last index to render (inclusive); last < first when there is nothing. */
  first: number;
  last: number;
  /** Space above and below the rendered items, standing in for the ones left out. */
  before: number;
  after: number;
}

/**
 * A windowed list: of `count` items in a scrolling element, only those in or near the viewport are
 * rendered; padding stands in for the rest. Heights are measured once rendered (cards differ:
 * hidden fields are absent) and estimated before. It replaces @lit-labs/virtualizer, which alone
 * is about 8 kB gzip, two thirds of the directory's 12 kB budget. The directory and the HR console's members grid use it.
 *
 * The host renders items with `data-index` inside the element given to `attach()`, and calls
 * `measure()` after each update. With `page` the element does not scroll itself: the page does,
 * and the window is what of the element is inside the browser's viewport.
 */
export class WindowedList implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly estimate: () => number;
  private heights: (number | undefined)[] = [];
  private scroller?: HTMLElement;
  private page = false;
  private observer?: ResizeObserver;
  private scrollTop = 0;
  private viewport = 0;
  private width = 0;
  private frame = 0;

  constructor(host: ReactiveControllerHost, estimate: () => number) {
    this.host = host;
    this.estimate = estimate;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.attach(undefined);
  }

  /** The list element (call after each update; a no-op when unchanged); `page`: the page scrolls it. */
  attach(scroller: HTMLElement | undefined, page = false): void {
    if (scroller === this.scroller && page === this.page) return;
    this.scroller?.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    this.scroller = scroller;
    this.page = page;
    if (!scroller) return;
    this.read();
    if (page) {
      window.addEventListener('scroll', this.onScroll, { passive: true });
      window.addEventListener('resize', this.onScroll, { passive: true });
    } else {
      scroller.addEventListener('scroll', this.onScroll, { passive: true });
    }
    this.observer = new ResizeObserver(() => {
      const { clientWidth } = scroller;
      // The page's list grows with what it renders: only its width matters (the viewport is the window's).
      if (page && clientWidth === this.width) return;
      // Text wraps differently at another width: measure again.
      if (clientWidth !== this.width) this.heights = [];
      this.width = clientWidth;
      this.read();
      // A frame later, so the re-render's own resizing is not part of this observation.
      requestAnimationFrame(() => this.host.requestUpdate());
    });
    this.observer.observe(scroller);
  }

  /** Where the window is: the element's own scroll position, or how far the page scrolled past its top. */
  private read(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    if (this.page) {
      this.scrollTop = Math.max(0, -scroller.getBoundingClientRect().top);
      this.viewport = window.innerHeight;
    } else {
      this.scrollTop = scroller.scrollTop;
      this.viewport = scroller.clientHeight;
    }
  }

  /** The height of what is visible at once (a page step for the keyboard). */
  get viewportHeight(): number {
    return this.viewport;
  }

  private readonly onScroll = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.read();
      this.host.requestUpdate();
    });
  };

  /** Forget measured heights and scroll back to the top (a new result set). */
  reset(): void {
    this.heights = [];
    this.scrollTop = 0;
    if (!this.page) {
      this.scroller?.scrollTo({ top: 0 });
      return;
    }
    // The page: bring the list's top back into view only if it was scrolled past.
    const top = this.scroller?.getBoundingClientRect().top;
    if (top !== undefined && top < 0) window.scrollBy({ top });
  }

  private height(index: number): number {
    return this.heights[index] ?? this.estimate();
  }

  range(count: number): WindowRange {
    // Before the first layout the viewport is unknown: render one screenful by the estimate.
    const viewport = this.viewport || 600;
    const top = this.scrollTop - viewport / 2;
    const bottom = this.scrollTop + viewport * 1.5;
    let offset = 0;
    let first = 0;
    let before = 0;
    let last = -1;
    let after = 0;
    for (let i = 0; i < count; i++) {
      const height = this.height(i);
      if (offset + height <= top) {
        first = i + 1;
        before = offset + height;
      } else if (offset < bottom) {
        last = i;
      } else {
        after += height;
      }
      offset += height;
    }
    if (last < first) last = Math.min(first, count - 1);
    return { first, last, before, after };
  }

  /** Records the rendered items' heights; re-renders when an estimate was off. */
  measure(): void {
    if (!this.scroller) return;
    let changed = false;
    for (const item of this.scroller.querySelectorAll<HTMLElement>('[data-index]')) {
      const index = Number(item.dataset.index);
      const height = item.offsetHeight;
      if (height && Math.abs((this.heights[index] ?? -1) - height) > 0.5) {
        this.heights[index] = height;
        changed = true;
      }
    }
    // A frame later: an update requested while the host finishes one would only be warned about.
    if (changed) requestAnimationFrame(() => this.host.requestUpdate());
  }

  /** Scrolls just enough for the item to be in view (it renders in the next update). */
  scrollToIndex(index: number): void {
    const scroller = this.scroller;
    if (!scroller) return;
    let top = 0;
    for (let i = 0; i < index; i++) top += this.height(i);
    const bottom = top + this.height(index);
    if (this.page) {
      // Positions in the list, made positions on the page.
      const listTop = scroller.getBoundingClientRect().top;
      if (listTop + top < 0) window.scrollBy({ top: listTop + top });
      else if (listTop + bottom > window.innerHeight) window.scrollBy({ top: listTop + bottom - window.innerHeight });
    } else if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    this.read();
    this.host.requestUpdate();
  }
}
