import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signTmcConnect } from './connect-sign.js';

describe('signTmcConnect', () => {
  it('matches the published vector', () => {
    expect(
      signTmcConnect({ appKey: '4272', groupName: 'default', timestamp: '1700000000000' }, 'secret'),
    ).toBe('519908D0B920AAC9AC38E6E7B7613B90');
  });

  it('is MD5(secret + app_key… + group_name… + timestamp… + secret) in upper-case hex', () => {
    const word = fc.string({
      minLength: 1,
      maxLength: 16,
      unit: fc.constantFrom('a', 'Z', '0', '_', '短', '😀'),
    });
    fc.assert(
      fc.property(word, word, fc.nat().map(String), word, (appKey, groupName, timestamp, secret) => {
        const plain = `${secret}app_key${appKey}group_name${groupName}timestamp${timestamp}${secret}`;
        const expected = createHash('md5').update(plain, 'utf8').digest('hex').toUpperCase();
        expect(signTmcConnect({ appKey, groupName, timestamp }, secret)).toBe(expected);
      }),
    );
  });
});
