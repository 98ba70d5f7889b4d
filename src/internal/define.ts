/**
 * Registers a custom element unless the tag is already taken. A page may load the bundle twice
 * (two micro-frontends, a CDN copy beside an npm copy); throwing would break the second one's
 * whole module graph, so it warns instead.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`[okaeri] <${tag}> is already defined by another copy of the library; keeping the first.`);
    }
    return;
  }
  customElements.define(tag, constructor);
}
