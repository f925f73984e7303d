import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map.js';

type Operation =
  | { readonly kind: 'set'; readonly key: number; readonly value: number }
  | { readonly kind: 'delete'; readonly key: number }
  | { readonly kind: 'shift' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: fc.nat(40), value: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.nat(40) }),
  fc.record({ kind: fc.constant('shift' as const) }),
);

/** The obvious bounded map: a Map whose first key is the oldest. */
function referenceStep(reference: Map<number, number>, capacity: number, step: Operation, evicted: number[]) {
  if (step.kind === 'set') {
    if (!reference.has(step.key) && reference.size >= capacity) {
      const oldest = reference.keys().next().value as number;
      reference.delete(oldest);
      evicted.push(oldest);
    }
    reference.set(step.key, step.value);
  } else if (step.kind === 'delete') reference.delete(step.key);
  else {
    const oldest = reference.keys().next();
    if (oldest.done !== true) reference.delete(oldest.value);
  }
}

describe('BoundedMap', () => {
  it('behaves as a Map that forgets its oldest entry when full, whatever the sequence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(operation, { maxLength: 400 }),
        (capacity, steps) => {
          const reference = new Map<number, number>();
          const expectedEvictions: number[] = [];
          const evictions: number[] = [];
          const bounded = new BoundedMap<number, number>(capacity, (key) => evictions.push(key));
          for (const step of steps) {
            referenceStep(reference, capacity, step, expectedEvictions);
            if (step.kind === 'set') bounded.set(step.key, step.value);
            else if (step.kind === 'delete') bounded.delete(step.key);
            else bounded.shift();
            expect([...bounded.entries()]).toEqual([...reference.entries()]);
            expect(bounded.size).toBe(reference.size);
            expect(bounded.oldest()).toEqual(reference.size === 0 ? undefined : [...reference.entries()][0]);
          }
          expect(evictions).toEqual(expectedEvictions);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the reference past both compactions (stale slots, a long consumed front)', () => {
    const capacity = 1_000;
    const reference = new Map<number, number>();
    const bounded = new BoundedMap<number, number>(capacity);
    for (let index = 0; index < 60_000; index++) {
      const step: Operation =
        index % 3 === 0 ? { kind: 'delete', key: index - 1 } : { kind: 'set', key: index, value: index };
      referenceStep(reference, capacity, step, []);
      if (step.kind === 'set') bounded.set(step.key, step.value);
      else if (step.kind === 'delete') bounded.delete(step.key);
    }
    expect([...bounded.entries()]).toEqual([...reference.entries()]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
    expect(() => new BoundedMap(1.5)).toThrow(RangeError);
  });
});
