/**
 * What the client property tests share: an in-process mock reached through a fetch that counts its calls
 * (so a test can prove a refused request never reached it), and random valid field values.
 */
import fc from 'fast-check';
import { createMockApp } from '../create-mock-app.js';

/** A fresh in-process mock and a fetch into it; `calls()` is how many requests reached it. */
export function countingMockFetch(): {
  fetch: (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
  calls(): number;
} {
  const app = createMockApp({ inboxSize: 50 });
  let calls = 0;
  return {
    fetch: async (input, init) => {
      calls++;
      return app.request(input instanceof Request && init === undefined ? input : new Request(input, init));
    },
    calls: () => calls,
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
