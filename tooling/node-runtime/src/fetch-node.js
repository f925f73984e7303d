/**
 * @module Installs a pinned Node.js from the npm registry into a cache folder (ignored by git) with the npm that
 * came with the running Node, and returns the folder holding its `node` binary. Installed once per version:
 * into a temporary folder first, renamed into place, so an interrupted download is never taken for a good one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nodePackageName } from './node-version.js';

/**
 * @param {string} version e.g. `'24.22.3'`
 * @param {string} cacheFolder where versions are kept, one folder each
 * @returns {string} the folder to put first on PATH
 */
export function fetchNode(version, cacheFolder) {
  const packageName = nodePackageName(process.platform, process.arch);
  const versionFolder = join(cacheFolder, version);
  const binFolder = join(versionFolder, 'node_modules', packageName, 'bin');
  if (reportsVersion(binFolder, version)) return binFolder;

  mkdirSync(cacheFolder, { recursive: true });
  const staging = `${versionFolder}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  console.error(`node-runtime: fetching Node.js ${version} (${packageName} from the npm registry)…`);
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      staging,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      `${packageName}@${version}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
  );
  if (npm.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`npm could not install ${packageName}@${version} (exit ${npm.status ?? npm.signal})`);
  }
  rmSync(versionFolder, { recursive: true, force: true });
  renameSync(staging, versionFolder);
  if (!reportsVersion(binFolder, version))
    throw new Error(`${packageName}@${version} installed, but ${binFolder} holds no Node.js ${version}`);
  return binFolder;
}

/**
 * @param {string} binFolder
 * @param {string} version
 */
function reportsVersion(binFolder, version) {
  const binary = join(binFolder, process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) return false;
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === `v${version}`;
}
