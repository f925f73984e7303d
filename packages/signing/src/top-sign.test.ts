import { describe, expect, it } from 'vitest';
import { signTop, topCanonicalString } from './top-sign.js';
import { verifyTop } from './top-verify.js';

const params = {
  method: 'taobao.jst.sms.message.send',
  app_key: '12345678',
  v: '2.0',
  timestamp: '2026-01-01 00:00:00',
};

describe('signTop', () => {
  it('ignores a sign parameter already present', () => {
    expect(signTop({ ...params, sign: 'ABC' }, 'secret', 'md5')).toBe(signTop(params, 'secret', 'md5'));
  });

  it('returns 32 hex characters for md5 and hmac, 64 for hmac-sha256, all upper case', () => {
    expect(signTop(params, 'secret', 'md5')).toMatch(/^[0-9A-F]{32}$/);
    expect(signTop(params, 'secret', 'hmac')).toMatch(/^[0-9A-F]{32}$/);
    expect(signTop(params, 'secret', 'hmac-sha256')).toMatch(/^[0-9A-F]{64}$/);
  });

  it('sorts keys by byte order, not by locale', () => {
    expect(topCanonicalString({ b: '1', B: '2', a: '3', _: '4' })).toBe('B2_4a3b1');
  });

  it('sorts keys outside the basic plane by code point (UTF-8 byte order)', () => {
    // U+FF21 (UTF-8 EF BC A1) sorts before U+1F600 (F0 9F 98 80) in byte order, after it in UTF-16 order.
    expect(topCanonicalString({ '\u{1F600}': 'x', '\uFF21': 'y' })).toBe('\uFF21y\u{1F600}x');
  });

  it('names the parameter that is not a string', () => {
    expect(() => signTop({ ...params, num: 5 } as unknown as Record<string, string>, 's', 'md5')).toThrow(
      new TypeError('params.num must be a string, got number'),
    );
    expect(() => signTop({ ...params, obj: {} } as unknown as Record<string, string>, 's', 'md5')).toThrow(
      /params\.obj must be a string, got object/,
    );
    expect(() => signTop(null as unknown as Record<string, string>, 's', 'md5')).toThrow(TypeError);
  });

  it('rejects an unknown sign method and an empty secret', () => {
    expect(() => signTop(params, 's', 'sha1' as 'md5')).toThrow(RangeError);
    expect(() => signTop(params, 's', 'sha1' as 'md5')).toThrow(
      /signMethod must be one of md5, hmac, hmac-sha256/,
    );
    expect(() => signTop(params, '', 'md5')).toThrow(new RangeError('secret must not be empty'));
    expect(() => signTop(params, undefined as unknown as string, 'md5')).toThrow(TypeError);
  });
});

describe('verifyTop', () => {
  it('uses md5 when sign_method is absent', () => {
    const sign = signTop(params, 'secret', 'md5');
    expect(verifyTop({ ...params, sign }, 'secret')).toEqual({ ok: true });
  });

  it('uses the sign_method named in the params', () => {
    const signed = { ...params, sign_method: 'hmac-sha256' };
    expect(verifyTop({ ...signed, sign: signTop(signed, 'secret', 'hmac-sha256') }, 'secret')).toEqual({
      ok: true,
    });
    // An md5 sign does not pass as an hmac-sha256 one.
    expect(verifyTop({ ...signed, sign: signTop(signed, 'secret', 'md5') }, 'secret').ok).toBe(false);
  });

  it('reports a missing sign with what it expected', () => {
    expect(verifyTop(params, 'secret')).toMatchObject({
      ok: false,
      reason: 'missing-sign',
      expected: signTop(params, 'secret', 'md5'),
      canonical: topCanonicalString(params),
    });
  });

  it('reports an unknown sign_method', () => {
    expect(verifyTop({ ...params, sign_method: 'sha1', sign: 'AA' }, 'secret')).toEqual({
      ok: false,
      reason: 'unknown-sign-method',
      signMethod: 'sha1',
    });
  });

  it('reports a mismatch with the expected sign and canonical string, never the secret', () => {
    const result = verifyTop({ ...params, sign: '0'.repeat(32) }, 'canary-secret');
    expect(result).toMatchObject({
      ok: false,
      reason: 'mismatch',
      expected: signTop(params, 'canary-secret', 'md5'),
    });
    expect(JSON.stringify(result)).not.toContain('canary-secret');
  });

  it('rejects the "[object Object]" signature some clients produce', () => {
    const wire = { ...params, params: '{"a":"b"}' };
    const buggy = signTop({ ...params, params: '[object Object]' }, 'secret', 'md5');
    expect(verifyTop({ ...wire, sign: buggy }, 'secret').ok).toBe(false);
  });
});
