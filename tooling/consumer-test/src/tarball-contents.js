/**
 * @module What a packed tarball must hold: a LICENSE and a README, a manifest that is not private, and
 * `exports`, `imports`, `bin`, `main` and `types` that point only at files inside the tarball (no `src/`, no
 * `@x/source` condition). Reads the tarball with the system `tar`.
 */
import { execFileSync } from 'node:child_process';

/**
 * Every path a manifest field points at, with the field it came from.
 * @param {unknown} value
 * @param {string} where
 * @returns {Array<{ where: string, target: string }>}
 */
export function pointedPaths(value, where) {
  if (typeof value === 'string') return value.startsWith('./') ? [{ where, target: value.slice(2) }] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => pointedPaths(inner, `${where}.${key}`));
}

/**
 * @param {string} tarballPath
 * @returns {{ manifest: Record<string, unknown>, problems: string[] }}
 */
export function checkTarball(tarballPath) {
  const files = new Set(
    execFileSync('tar', ['-tzf', tarballPath], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^package\//, '')),
  );
  /** @type {Record<string, unknown>} */
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarballPath, 'package/package.json'], { encoding: 'utf8' }),
  );
  const problems = [];
  if (manifest.private === true) problems.push('is private, yet was packed');
  for (const required of ['LICENSE', 'README.md', 'package.json'])
    if (!files.has(required)) problems.push(`has no ${required}`);
  if (JSON.stringify([manifest.exports, manifest.imports]).includes('@x/source'))
    problems.push('still names the @x/source condition');
  const pointed = [
    ...pointedPaths(manifest.exports, 'exports'),
    ...pointedPaths(manifest.imports, 'imports'),
    ...pointedPaths(typeof manifest.bin === 'string' ? `./${manifest.bin}` : manifest.bin, 'bin'),
    ...pointedPaths(manifest.main, 'main'),
    ...pointedPaths(manifest.types, 'types'),
  ];
  for (const { where, target } of pointed) {
    const normalized = target.replace(/^\.\//, '');
    if (!files.has(normalized)) problems.push(`${where} points at ${target}, which is not in the tarball`);
  }
  return { manifest, problems };
}
