// When a page has had its chance to configure the widgets.
//
// The README's pattern is `<okaeri-config base-url=…>` in the markup and then
// `config.getToken = …` / `config.paths = …` in a `<script type="module">` after the library's
// scripts. Custom elements upgrade (and Lit renders) while the document is still being parsed, and
// deferred module scripts run after parsing but *before* DOMContentLoaded — so a widget that loads
// in its first update sends a request without the token, to the default paths, or concludes that
// nobody is signed in. Widgets therefore wait for this gate before any request or auth-required
// event: DOMContentLoaded (every classic and module script in the markup has run), then one more
// task, so code that configures in a DOMContentLoaded listener or a microtask of it is in too.

let configured = false;
let gate: Promise<void> | undefined;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function parsedAndScriptsRun(): boolean {
  if (document.readyState === 'complete') return true;
  if (document.readyState === 'loading') return false;
  // 'interactive' is the state *during* deferred and module scripts, and also after
  // DOMContentLoaded until the load event; navigation timing tells the two apart.
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return Boolean(navigation && navigation.domContentLoadedEventEnd > 0);
}

/** Resolves once the page has had its chance to configure widgets (see above). */
export function pageConfigured(): Promise<void> {
  return (gate ??= new Promise<void>((resolve) => {
    if (parsedAndScriptsRun()) resolve();
    else {
      const done = () => {
        document.removeEventListener('DOMContentLoaded', done);
        document.removeEventListener('readystatechange', onState);
        resolve();
      };
      const onState = () => document.readyState === 'complete' && done();
      document.addEventListener('DOMContentLoaded', done);
      document.addEventListener('readystatechange', onState);
    }
  })
    .then(nextTask)
    .then(() => {
      configured = true;
    }));
}

/** Whether pageConfigured() has resolved; synchronous, for a widget's first render. */
export function isPageConfigured(): boolean {
  return configured;
}
