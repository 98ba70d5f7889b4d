// The one place that knows how to start Chromium: web-test-runner, the end-to-end tests and the
// benchmarks all import it. Debian's package by default; CHROME_PATH points elsewhere (a
// developer's Chrome). The flags keep a headless Chromium quiet on a closed network and runnable
// as root in CI.
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
