import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OkaeriApiError } from '../api/errors.js';

// Apart from load-more.ts: the widgets that page with their own task (the directory, the HR
// console's members) import only the footer, and a bundler keeps a class it cannot prove unused.
/**
 * Loads the next page of a cursor-paged list, for the footer `renderLoadMore` draws: one page at a
 * time, dropped when the list is read again from its first page or the widget is removed; a 401 or
 * 403 goes to the widget's access states (`onDenied`), any other failure stays in the footer with
 * a retry.
 */
export class NextPageLoader implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly onDenied: (status: 401 | 403) => void;
  private controller?: AbortController;
  /** A page is on its way (the footer's `busy`). */
  busy = false;
  /** Why the last page failed (the footer's `error`). */
  error?: unknown;

  constructor(host: ReactiveControllerHost, onDenied: (status: 401 | 403) => void) {
    this.host = host;
    this.onDenied = onDenied;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  /** The list was read again from its first page: a page still on its way belongs to the old list. */
  reset(): void {
    this.controller?.abort();
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Fetches a page and hands it to `addPage`, unless one is already on its way or the list was read again meanwhile. */
  async load<P>(fetchPage: (signal: AbortSignal) => Promise<P>, addPage: (page: P) => void): Promise<void> {
    if (this.busy) return;
    const controller = (this.controller = new AbortController());
    this.busy = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await fetchPage(controller.signal);
      if (!controller.signal.aborted) addPage(page);
    } catch (error) {
      if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
      if (error instanceof OkaeriApiError && (error.status === 401 || error.status === 403)) this.onDenied(error.status);
      else this.error = error;
    } finally {
      if (this.controller === controller) this.busy = false;
      this.host.requestUpdate();
    }
  }
}
