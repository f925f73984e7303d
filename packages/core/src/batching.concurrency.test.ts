/**
 * resolveConcurrency: the default of 2, and a RangeError for anything but a positive integer.
 */
import { describe, expect, it } from 'vitest';
import { resolveConcurrency } from './batching.js';

describe('resolveConcurrency', () => {
  it('fills in the default of 2 and keeps a positive integer', () => {
    expect(resolveConcurrency(undefined)).toBe(2);
    expect(resolveConcurrency(1)).toBe(1);
    expect(resolveConcurrency(8)).toBe(8);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s with a RangeError',
    (concurrency) => {
      expect(() => resolveConcurrency(concurrency)).toThrow(
        new RangeError(`concurrency must be a positive integer, got ${concurrency}`),
      );
    },
  );
});
