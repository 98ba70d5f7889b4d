// `npm test`: every check the project promises, in order, stopping at the first failure.
// Each step is a real command a developer can run alone (see package.json scripts); this file only
// sequences them, times them, and adds up the tests the runners report.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'typecheck', command: 'npx tsc --noEmit -p tsconfig.json' },
  // The committed contract (the openapi test checks it is what the routes generate) against
  // Redocly's recommended rules, every warning an error: an integrator's generator must not trip.
  {
    name: 'openapi lint',
    command:
      'REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint server/openapi.json --extends recommended-strict --format stylish',
  },
  { name: 'build', command: 'npm run build --silent' },
  { name: 'consumer tests', command: 'npx tsx --test test/consumer/*.test.ts', tests: 'node' },
  { name: 'browser tests', command: 'npx web-test-runner', tests: 'wtr' },
  // The server suite twice, the same files on each backend (test/server/backend.ts reads
  // OKAERI_TEST_BACKEND), at the same time: the SQLite half keeps a core busy while the PostgreSQL
  // half mostly waits on its database. PostgreSQL needs a server: OKAERI_TEST_DATABASE_URL, which
  // .ci/run sets from a throwaway cluster (scripts/postgres.mjs); without it that half is
  // reported as skipped.
  [
    { name: 'server tests (SQLite)', command: 'npx tsx --test test/server/*.test.ts', tests: 'node', env: { OKAERI_TEST_BACKEND: 'sqlite' } },
    {
      name: 'server tests (PostgreSQL)',
      command: 'npx tsx --test test/server/*.test.ts',
      tests: 'node',
      env: { OKAERI_TEST_BACKEND: 'postgres' },
      requires: 'OKAERI_TEST_DATABASE_URL',
    },
  ],
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

/**
 * Runs a step's command. `live`: its output goes to the terminal as it comes; otherwise it is
 * held and printed whole when the step ends (a step running beside another must not interleave).
 */
function run(step, live) {
  return new Promise((resolve) => {
    const child = spawn(step.command, { shell: true, env: { ...env, ...step.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let held = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (live) process.stdout.write(chunk);
      else held += chunk;
    });
    child.stderr.on('data', (chunk) => {
      if (live) process.stderr.write(chunk);
      else held += chunk;
    });
    child.on('close', (code) => resolve({ code, output, held }));
  });
}

const totals = { passed: 0, failed: 0 };
const timings = [];
/** Each backend's share of the server tests, for the totals line. */
const halves = [];

function fail(name, why) {
  console.error(`\n${name} ${why}`);
  console.log(timings.join('\n'));
  console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
  process.exit(1);
}

/** Runs one step (the first of a group live, the others held), records its time and its tests. */
async function runStep(step, live) {
  if (step.requires && !process.env[step.requires]) {
    return { step, skipped: true };
  }
  if (live) console.log(`\n=== ${step.name}: ${step.command}`);
  const started = performance.now();
  const result = await run(step, live);
  return { step, ...result, seconds: ((performance.now() - started) / 1000).toFixed(1) };
}

function report({ step, skipped, code, output, held, seconds }, live) {
  if (skipped) {
    console.log(`\n=== ${step.name}: skipped (${step.requires} is not set; .ci/run sets it)`);
    timings.push(`${step.name.padEnd(24)} skipped`);
    halves.push(`${step.name}: skipped`);
    return;
  }
  if (!live) process.stdout.write(`\n=== ${step.name}: ${step.command} (ran beside the step above)\n${held}`);
  timings.push(`${step.name.padEnd(24)} ${seconds.padStart(6)} s`);
  if (step.tests) {
    const counted = countTests(step.tests, output);
    if (!counted || counted.passed === 0) fail(step.name, ': the runner reported no tests');
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    if (step.env?.OKAERI_TEST_BACKEND) halves.push(`${step.name}: ${counted.passed} passed, ${counted.failed} failed`);
  }
  if (code !== 0) fail(step.name, `failed (exit ${code})`);
}

for (const stage of steps) {
  const group = Array.isArray(stage) ? stage : [stage];
  const results = await Promise.all(group.map((step, index) => runStep(step, index === 0)));
  results.forEach((result, index) => report(result, index === 0));
}
console.log(`\n${timings.join('\n')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed (${halves.join('; ')})`);
