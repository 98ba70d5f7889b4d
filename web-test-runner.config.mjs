import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // The tsconfig carries legacy decorators; without it esbuild emits standard ones and Lit's
  // decorators fail at import.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), timezonePlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
};

/**
 * `executeServerCommand('emulate-timezone', { timezoneId })` puts the test's page in another time
 * zone (null restores the machine's), so a test can be a viewer in Tokyo before 9 a.m., when the
 * UTC date is still yesterday.
 */
function timezonePlugin() {
  return {
    name: 'okaeri-emulate-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      await session.browser.getPage(session.id).emulateTimezone(payload?.timezoneId ?? undefined);
      return true;
    },
  };
}
