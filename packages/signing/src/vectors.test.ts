import { describe, expect, it } from 'vitest';
import { loadSigningVectors } from './__fixtures__/vectors.js';
import { gatewayCanonicalString, signGateway, verifyGateway } from './gateway-sign.js';
import { signTop, topCanonicalString } from './top-sign.js';
import { verifyTop } from './top-verify.js';

const vectors = loadSigningVectors();
const topVectors = vectors.filter((vector) => vector.protocol === 'top');
const gatewayVectors = vectors.filter((vector) => vector.protocol === 'fw199');

describe('shared TOP vectors', () => {
  it('covers every sign method', () => {
    expect(new Set(topVectors.map((vector) => vector.sign_method))).toEqual(
      new Set(['md5', 'hmac', 'hmac-sha256']),
    );
  });

  for (const vector of topVectors) {
    const bareKeyVariant = vector.name.includes('empty-value-included');
    describe(vector.name, () => {
      it('builds the canonical string', () => {
        expect(topCanonicalString(vector.params, bareKeyVariant ? 'bare-key' : 'skip')).toBe(
          vector.canonical,
        );
      });

      if (!bareKeyVariant) {
        it('signs', () => {
          expect(signTop(vector.params, vector.secret, vector.sign_method ?? 'md5')).toBe(vector.sign);
        });
      }

      it('verifies the vector sign, in either case', () => {
        expect(verifyTop({ ...vector.params, sign: vector.sign }, vector.secret)).toEqual({ ok: true });
        expect(verifyTop({ ...vector.params, sign: vector.sign.toLowerCase() }, vector.secret)).toEqual({
          ok: true,
        });
      });

      it('rejects the vector sign under another secret', () => {
        const result = verifyTop({ ...vector.params, sign: vector.sign }, `${vector.secret}x`);
        expect(result.ok).toBe(false);
      });
    });
  }
});

describe('shared fw199 vectors', () => {
  for (const vector of gatewayVectors) {
    describe(vector.name, () => {
      it('builds the canonical string, secret at both ends', () => {
        expect(gatewayCanonicalString(vector.params, vector.secret)).toBe(vector.canonical);
      });

      it('signs in lower-case hex', () => {
        expect(signGateway(vector.params, vector.secret)).toBe(vector.sign);
      });

      it('verifies the vector sign, in either case', () => {
        expect(verifyGateway({ ...vector.params, sign: vector.sign }, vector.secret)).toEqual({ ok: true });
        expect(verifyGateway({ ...vector.params, sign: vector.sign.toUpperCase() }, vector.secret)).toEqual({
          ok: true,
        });
      });

      it('rejects a sign for other params', () => {
        const result = verifyGateway({ ...vector.params, extra: 'x', sign: vector.sign }, vector.secret);
        expect(result).toMatchObject({
          ok: false,
          reason: 'mismatch',
          expected: expect.stringMatching(/^[0-9a-f]{32}$/),
        });
      });
    });
  }
});
