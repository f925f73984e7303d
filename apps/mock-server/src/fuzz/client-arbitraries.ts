/**
 * What the client property tests share: an in-process mock reached through a fetch that counts its calls
 * (so a test can prove a refused request never reached it), and random valid field values.
 */
import { isValidationError } from '@x/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';

/** A fresh in-process mock and a fetch into it that counts the requests reaching the mock. */
export function countingMockFetch(): {
  fetch: (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
  /** Runs `send`, expecting a ValidationError and no request at the mock; returns the field the error names. */
  refusedField(send: () => Promise<unknown>): Promise<string>;
} {
  const app = createMockApp({ inboxSize: 50 });
  let calls = 0;
  return {
    fetch: async (input, init) => {
      calls++;
      return app.request(input instanceof Request && init === undefined ? input : new Request(input, init));
    },
    async refusedField(send) {
      const before = calls;
      const error = await send().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(isValidationError(error), String(error)).toBe(true);
      expect(calls).toBe(before);
      return (error as { field: string }).field;
    },
  };
}

/** Text with at least one visible character (required text fields). */
export const visibleText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .filter((text) => text.trim() !== '');

/** Template variables: string or number values. */
export const templateVariables = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.integer()),
  { maxKeys: 4 },
);

// Magic recipients (1990000xxxx) answer scripted failures by design: random ones stay out of that range.
const notMagic = (value: string) => !value.startsWith('1990000');

/** A mainland mobile number. */
export const mobileNumber = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`)
  .filter(notMagic);

/** An order id, beyond 2^53 too. */
export const orderIdNumber = fc.bigInt({ min: 1n, max: 10n ** 19n }).filter((id) => notMagic(String(id)));
