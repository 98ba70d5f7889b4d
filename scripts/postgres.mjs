// A throwaway PostgreSQL cluster for tests, CI and local development: initdb into a directory,
// start it on a free port of 127.0.0.1, print its URL; stop it and delete the directory.
//
//   node scripts/postgres.mjs start [dir]   prints the URL on stdout (dir: a fresh temp directory)
//   node scripts/postgres.mjs stop <dir>    stops the cluster and removes dir
//
// PostgreSQL refuses to run as root, so as root initdb and pg_ctl run as the `postgres` user
// (Debian's package creates it) in a directory chowned to it. Authentication is `trust` on
// 127.0.0.1 only: the cluster holds nothing but test data and lives as long as one run.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const USER = 'okaeri';

/** Where Debian puts the server binaries (initdb and pg_ctl are not on PATH there). */
function binary(name) {
  for (const version of ['17', '16', '15']) {
    const path = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (existsSync(path)) return path;
  }
  return name; // on PATH (Homebrew, other distributions)
}

export function postgresAvailable() {
  try {
    execFileSync(binary('pg_ctl'), ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function asOwner(command, args) {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Creates and starts a cluster in `dir` (created if missing); resolves to its URL. */
export async function startCluster(dir = mkdtempSync(join(tmpdir(), 'okaeri-pg-'))) {
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  const data = join(dir, 'data');
  // C collation: text sorts by code point (UTF-8 bytes), exactly as SQLite's BINARY does, so
  // cursors and the directory order are the same on both backends.
  asOwner(binary('initdb'), ['-D', data, '-A', 'trust', '-U', USER, '--encoding=UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // fsync off: a throwaway cluster that a crash would lose anyway; it only makes tests slower.
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c max_connections=300',
  ].join(' ');
  asOwner(binary('pg_ctl'), ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-o', options, 'start']);
  const url = `postgres://${USER}@127.0.0.1:${port}/postgres`;
  writeFileSync(join(dir, 'url'), `${url}\n`);
  return { dir, url };
}

/** Stops the cluster in `dir` (if it runs) and removes the directory. */
export function stopCluster(dir) {
  dir = resolve(dir);
  const data = join(dir, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    try {
      asOwner(binary('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch (error) {
      console.error(`pg_ctl stop failed: ${error.stderr ?? error.message}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

export function clusterUrl(dir) {
  return readFileSync(join(resolve(dir), 'url'), 'utf8').trim();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    try {
      const cluster = await startCluster(dir);
      if (!dir) console.error(`PostgreSQL cluster in ${cluster.dir} (stop: node scripts/postgres.mjs stop ${cluster.dir})`);
      console.log(cluster.url);
    } catch (error) {
      console.error(`Could not start PostgreSQL: ${error.stderr ?? error.message}`);
      process.exit(1);
    }
  } else if (command === 'stop' && dir) {
    stopCluster(dir);
  } else {
    console.error('usage: node scripts/postgres.mjs start [dir] | stop <dir>');
    process.exit(2);
  }
}
