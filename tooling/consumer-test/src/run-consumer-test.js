#!/usr/bin/env node
/**
 * @module `node tooling/consumer-test/src/run-consumer-test.js <tarball folder>`: what a user does. A fresh npm
 * project (no workspace, no pnpm) gets the packed tarballs with a plain `npm install`, next to its own zod; then
 * an ESM script and a CommonJS TypeScript project (type-checked with tsc) use every client against the packed
 * mock server, and `npm ls zod` must show a single copy. Exits non-zero on the first failure.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryFolder = join(packageFolder, '..', '..');
const tarballFolder = process.argv[2];
if (tarballFolder === undefined) {
  console.error('usage: run-consumer-test.js <tarball folder>');
  process.exit(2);
}
const tarballs = readdirSync(tarballFolder)
  .filter((name) => name.endsWith('.tgz'))
  .map((name) => resolve(tarballFolder, name));

/**
 * The version the repository itself installed, so the consumer uses the same TypeScript and zod.
 * @param {string} from a folder whose node_modules holds the package
 * @param {string} name
 */
function installedVersion(from, name) {
  const manifest = JSON.parse(
    readFileSync(join(repositoryFolder, from, 'node_modules', name, 'package.json'), 'utf8'),
  );
  return String(manifest.version);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} folder
 */
function run(command, args, folder) {
  console.log(
    `$ ${command} ${args.map((arg) => (arg.startsWith('/') ? `…/${basename(arg)}` : arg)).join(' ')}`,
  );
  return execFileSync(command, args, { cwd: folder, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
}

const app = mkdtempSync(join(tmpdir(), 'x-consumer-'));
let passed = false;
try {
  cpSync(join(packageFolder, 'fixtures', 'cjs-app'), app, { recursive: true });
  cpSync(join(packageFolder, 'fixtures', 'esm-check.mjs'), join(app, 'esm-check.mjs'));
  // No "type" field: CommonJS, as most existing Node apps (and NestJS's starter) are.
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'consumer-app', private: true }, null, 2)}\n`,
  );

  const ownZod = `zod@${installedVersion('packages/core', 'zod')}`;
  const typescript = `typescript@${installedVersion('.', 'typescript')}`;
  const nodeTypes = `@types/node@${installedVersion('.', '@types/node')}`;
  run('npm', ['install', '--no-audit', '--no-fund', ...tarballs, ownZod, typescript, nodeTypes], app);

  process.stdout.write(run('node', ['esm-check.mjs'], app));

  process.stdout.write(run('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], app));
  const compiled = readFileSync(join(app, 'dist', 'check.js'), 'utf8');
  if (!compiled.includes('require("@x/taobao-jst")'))
    throw new Error('the CommonJS build does not require("@x/taobao-jst")');
  process.stdout.write(run('node', ['dist/check.js'], app));

  const zodCopies = new Set(
    run('npm', ['ls', 'zod', '--all', '--parseable'], app)
      .split('\n')
      .filter((line) => line.trim() !== ''),
  );
  if (zodCopies.size !== 1)
    throw new Error(`expected one copy of zod, found ${zodCopies.size}: ${[...zodCopies].join(', ')}`);
  console.log(`npm ls zod: one copy (${[...zodCopies][0]?.replace(app, '.')})`);
  passed = true;
} finally {
  if (passed) rmSync(app, { recursive: true, force: true });
  else console.error(`consumer test FAILED; the project is left in ${app}`);
}
