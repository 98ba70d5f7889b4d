/**
 * Base of every Okaeri event: a typed `detail`, and bubbling across shadow boundaries so a page
 * can listen on `document` or any ancestor. Each event gets its own subclass in this folder and
 * a `GlobalEventHandlersEventMap` entry.
 */
export class OkaeriEvent<T> extends Event {
  readonly detail: T;

  constructor(type: `okaeri-${string}`, detail: T, { cancelable = false }: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}
