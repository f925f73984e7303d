import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signGateway, verifyGateway } from './gateway-sign.js';
import { signTop } from './top-sign.js';
import { verifyTop } from './top-verify.js';
import type { TopSignMethod } from './types.js';

const unicodeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 });
const paramKey = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((key) => key !== 'sign' && key !== 'sign_method');
const paramMap = fc.dictionary(paramKey, unicodeText, { minKeys: 1, maxKeys: 10 });
const secret = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 32 });
const signMethod = fc.constantFrom<TopSignMethod>('md5', 'hmac', 'hmac-sha256');

function withSignMethod(params: Record<string, string>, method: TopSignMethod): Record<string, string> {
  return { ...params, sign_method: method };
}

/** A different string of the same shape: one character replaced, added or removed. */
function mutate(text: string, position: number, replacement: string): string {
  const characters = Array.from(text);
  const index = position % (characters.length + 1);
  if (index === characters.length) return text + replacement;
  const changed = characters[index] === replacement ? `${replacement}!` : replacement;
  return [...characters.slice(0, index), changed, ...characters.slice(index + 1)].join('');
}

describe('TOP signing properties', () => {
  it('verifyTop(signTop(x)) holds for random Unicode params and secrets', () => {
    fc.assert(
      fc.property(paramMap, secret, signMethod, (params, key, method) => {
        const signed = withSignMethod(params, method);
        expect(verifyTop({ ...signed, sign: signTop(signed, key, method) }, key)).toEqual({ ok: true });
      }),
    );
  });

  it('parameter order never changes the sign', () => {
    fc.assert(
      fc.property(paramMap, secret, signMethod, fc.integer(), (params, key, method, seed) => {
        const entries = Object.entries(withSignMethod(params, method));
        const shuffled = [...entries].sort((left, right) => hashOf(left[0], seed) - hashOf(right[0], seed));
        expect(signTop(Object.fromEntries(shuffled), key, method)).toBe(
          signTop(Object.fromEntries(entries), key, method),
        );
      }),
    );
  });

  it('any single-character change to a value, key or secret makes verify fail', () => {
    fc.assert(
      fc.property(
        paramMap,
        secret,
        signMethod,
        fc.nat(),
        fc.nat(),
        fc.constantFrom('value', 'key', 'secret'),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        (params, key, method, keyIndex, position, target, replacement) => {
          const signed = withSignMethod(params, method);
          const sign = signTop(signed, key, method);
          const names = Object.keys(params);
          const name = names[keyIndex % names.length] as string;
          const tampered = { ...signed };
          let verifyKey = key;
          if (target === 'secret') verifyKey = mutate(key, position, replacement);
          else if (target === 'value') tampered[name] = mutate(params[name] as string, position, replacement);
          else {
            const newName = mutate(name, position, replacement);
            // Renaming onto an existing key or onto "sign" is a different change, not a one-character edit.
            fc.pre(!(newName in tampered) && newName !== 'sign' && newName !== 'sign_method');
            tampered[newName] = tampered[name] as string;
            delete tampered[name];
          }
          expect(verifyTop({ ...tampered, sign }, verifyKey).ok).toBe(false);
        },
      ),
    );
  });
});

describe('gateway signing properties', () => {
  it('verifyGateway(signGateway(x)) holds and any single-character value change fails', () => {
    fc.assert(
      fc.property(
        paramMap,
        secret,
        fc.nat(),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        (params, key, position, replacement) => {
          const sign = signGateway(params, key);
          expect(verifyGateway({ ...params, sign }, key)).toEqual({ ok: true });
          const name = Object.keys(params)[position % Object.keys(params).length] as string;
          const tampered = { ...params, [name]: mutate(params[name] as string, position, replacement), sign };
          expect(verifyGateway(tampered, key).ok).toBe(false);
        },
      ),
    );
  });
});

function hashOf(text: string, seed: number): number {
  let value = seed | 0;
  for (let index = 0; index < text.length; index++)
    value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value;
}
