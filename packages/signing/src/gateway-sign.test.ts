import { describe, expect, it } from 'vitest';
import { gatewayCanonicalString, signGateway, verifyGateway } from './gateway-sign.js';

describe('gateway signing', () => {
  it('includes empty values, unlike TOP', () => {
    expect(gatewayCanonicalString({ a: '', b: '2' }, 's')).toBe('sab2s');
  });

  it('ignores the sign field', () => {
    expect(signGateway({ a: '1', b: '2', sign: 'x' }, 's')).toBe(signGateway({ a: '1', b: '2' }, 's'));
  });

  it('reports a missing sign', () => {
    expect(verifyGateway({ a: '1' }, 's')).toMatchObject({ ok: false, reason: 'missing-sign' });
  });

  it('rejects bad input by name', () => {
    expect(() => signGateway({ a: 1 } as unknown as Record<string, string>, 's')).toThrow(
      new TypeError('params.a must be a string, got number'),
    );
    expect(() => signGateway({ a: '1' }, '')).toThrow(RangeError);
    expect(() => verifyGateway([] as unknown as Record<string, string>, 's')).toThrow(TypeError);
  });
});
