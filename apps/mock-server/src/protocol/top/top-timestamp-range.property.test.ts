/**
 * A TOP `timestamp` that is no instant a Date can hold (epoch milliseconds beyond ±8.64e15, up to 16 digits)
 * must be `31 Invalid timestamp`, as any other bad timestamp: a NaN clock difference must never pass the
 * tolerance check, or a signed request would never expire.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../serve/create-mock-app.js';
import { createManualClock } from '../../state/clock.js';
import {
  fixedNow,
  jsonOf,
  jstBusiness,
  signedTopParams,
  topRequest,
} from '../../test-support/signed-requests.js';

/** Largest epoch milliseconds a Date holds (ECMAScript's time value range). */
const maxTimeValue = 8.64e15;

describe('TOP timestamps outside the representable range', () => {
  const app = createMockApp({ clock: createManualClock(fixedNow) });

  async function errorFor(timestamp: string) {
    const response = await app.request(...topRequest(signedTopParams(jstBusiness(), { timestamp })));
    return ((await jsonOf(response)) as { error_response?: unknown }).error_response;
  }

  it('answers 31 Invalid timestamp for every epoch-milliseconds text beyond the Date range', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: BigInt(maxTimeValue) + 1n, max: 10n ** 16n - 1n }),
        async (milliseconds) => {
          expect(await errorFor(milliseconds.toString())).toEqual({
            code: 31,
            msg: 'Invalid timestamp',
            request_id: expect.any(String),
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says why in the journal', async () => {
    await errorFor('9999999999999999');
    expect(app.mock.journal.newestFirst().next().value?.verdict).toMatchObject({
      outcome: 'rejected',
      code: 31,
      reason: expect.stringContaining('not an instant'),
    });
  });

  it('still accepts every in-range epoch-milliseconds text within the tolerance', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -600_000, max: 600_000 }), async (skew) => {
        expect(await errorFor(String(fixedNow + skew))).toBeUndefined();
      }),
      { numRuns: 30 },
    );
  });
});
