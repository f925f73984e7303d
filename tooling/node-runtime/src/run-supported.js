#!/usr/bin/env node
/**
 * @module `node tooling/node-runtime/src/run-supported.js <command> [args…]` runs the command under a supported
 * Node.js: the running one when it is 22.12 or later, otherwise the pinned default fetched from the npm registry
 * (first on PATH, so `#!/usr/bin/env node` scripts such as vitest and pnpm pick it up). Signals are passed on to
 * the command and its exit code is ours, so Ctrl-C stops a server started this way.
 *
 * `node tooling/node-runtime/src/run-supported.js --fetch <version>` only fetches that version and prints the
 * folder of its binary (what `.ci/run` uses to test on every supported line).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchNode } from './fetch-node.js';
import { isAtLeast } from './node-version.js';

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
/** @type {{ minimum: string, default: string, lines: string[] }} */
const versions = JSON.parse(readFileSync(join(packageFolder, 'node-versions.json'), 'utf8'));
const cacheFolder =
  process.env.X_NODE_RUNTIME_CACHE ?? join(packageFolder, '..', '..', '.cache', 'node-runtime');

const [first, ...rest] = process.argv.slice(2);
if (first === undefined) {
  console.error('usage: run-supported.js <command> [args…] | --fetch <version>');
  process.exit(2);
}

if (first === '--fetch') {
  const version = rest[0] ?? versions.default;
  console.log(fetchNode(version, cacheFolder));
} else {
  const environment = { ...process.env };
  if (!isAtLeast(process.version, versions.minimum)) {
    const binFolder = fetchNode(versions.default, cacheFolder);
    console.error(
      `node-runtime: Node.js ${process.version} is older than ${versions.minimum}; running under ${versions.default}`,
    );
    const pathKey = Object.keys(environment).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
    environment[pathKey] = `${binFolder}${delimiter}${environment[pathKey] ?? ''}`;
  }
  runForwardingSignals(first, rest, environment);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} environment
 */
function runForwardingSignals(command, args, environment) {
  const ownGroup = process.platform !== 'win32';
  // The command gets a process group of its own, and a signal goes to that whole group: a package manager in
  // between (pnpm, npx) does not pass signals on to the script it runs, yet the server at the end must stop.
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: environment,
    shell: process.platform === 'win32',
    detached: ownGroup,
  });
  /** @type {NodeJS.Signals[]} */
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => {
    if (child.pid === undefined) return;
    try {
      if (ownGroup) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // The group is already gone: its exit ends this process below.
    }
  };
  for (const signal of forwarded) process.on(signal, forward);
  // Should this process end first, its command group must not live on.
  process.on('exit', () => forward('SIGTERM'));
  child.on('error', (error) => {
    console.error(`node-runtime: could not start ${command}: ${error.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => {
    for (const name of forwarded) process.off(name, forward);
    // Die of the same signal, so a parent (a shell, CI) sees the same outcome as without this wrapper.
    if (signal !== null) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
