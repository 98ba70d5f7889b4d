// `npm test`: every check the project promises, in order, stopping at the first failure.
// Each step is a real command a developer can run alone (see package.json scripts); this file only
// sequences them, times them, and adds up the tests the runners report.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'typecheck', command: 'npx tsc --noEmit -p tsconfig.json' },
  { name: 'build', command: 'npm run build --silent' },
  { name: 'consumer tests', command: 'npx tsx --test test/consumer/*.test.ts', tests: 'node' },
  { name: 'browser tests', command: 'npx web-test-runner', tests: 'wtr' },
  { name: 'server tests', command: 'npx tsx --test test/server/*.test.ts', tests: 'node' },
  { name: 'storybook build', command: 'npx storybook build --quiet -o storybook-static' },
  { name: 'end-to-end tests', command: 'npx tsx --test --test-concurrency=1 test/e2e/*.test.ts', tests: 'node' },
];

const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', FORCE_COLOR: '0' };

/** Reads the runner's own totals from its output: web-test-runner's "N passed, N failed" line, node's "# pass N". */
function countTests(kind, rawOutput) {
  const output = rawOutput.replace(/\x1b\[[0-9;]*m/g, ''); // runners colour their totals
  if (kind === 'wtr') {
    const all = [...output.matchAll(/(\d+) passed, (\d+) failed/g)];
    const last = all.at(-1);
    return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
  }
  const pass = output.match(/^# pass (\d+)/m);
  const fail = output.match(/^# fail (\d+)/m);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : null;
}

function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, { shell: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const totals = { passed: 0, failed: 0 };
const timings = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command}`);
  const started = performance.now();
  const { code, output } = await run(step);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  timings.push(`${step.name.padEnd(18)} ${seconds.padStart(6)} s`);
  if (step.tests) {
    const counted = countTests(step.tests, output);
    if (!counted || counted.passed === 0) {
      console.error(`\n${step.name}: the runner reported no tests`);
      process.exit(1);
    }
    totals.passed += counted.passed;
    totals.failed += counted.failed;
  }
  if (code !== 0) {
    console.error(`\n${step.name} failed (exit ${code})`);
    console.log(timings.join('\n'));
    console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\n${timings.join('\n')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
