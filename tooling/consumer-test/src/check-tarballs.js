#!/usr/bin/env node
/**
 * @module `node tooling/consumer-test/src/check-tarballs.js <folder> <name…>`: the folder holds exactly one
 * tarball for each named (public) package and nothing else, and every tarball passes `checkTarball`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkTarball } from './tarball-contents.js';

const [folder, ...expectedNames] = process.argv.slice(2);
if (folder === undefined || expectedNames.length === 0) {
  console.error('usage: check-tarballs.js <folder> <package name…>');
  process.exit(2);
}

const failures = [];
const packedNames = [];
for (const file of readdirSync(folder)
  .filter((name) => name.endsWith('.tgz'))
  .sort()) {
  const { manifest, problems } = checkTarball(join(folder, file));
  packedNames.push(String(manifest.name));
  console.log(`${file}: ${manifest.name}@${manifest.version}${problems.length === 0 ? ', ok' : ''}`);
  for (const problem of problems) failures.push(`${manifest.name} ${problem}`);
}
for (const name of expectedNames)
  if (!packedNames.includes(name)) failures.push(`${name} is public but was not packed`);
for (const name of packedNames)
  if (!expectedNames.includes(name)) failures.push(`${name} was packed but is not a public package`);

if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL: ${failure}`);
  process.exit(1);
}
console.log(`${packedNames.length} tarballs, exactly the public packages`);
