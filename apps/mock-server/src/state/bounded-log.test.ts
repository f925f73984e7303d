import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedLog } from './bounded-log.js';

describe('BoundedLog', () => {
  it('keeps the newest entries within the count', () => {
    const log = new BoundedLog<number>(3);
    for (let value = 1; value <= 5; value++) log.push(value);
    expect([...log.newestFirst()]).toEqual([5, 4, 3]);
    expect(log.size).toBe(3);
    expect(log.evicted).toBe(2);
  });

  it('keeps the total weight within the budget, evicting oldest first', () => {
    const log = new BoundedLog<string>(100, 10);
    log.push('a', 4);
    log.push('b', 4);
    log.push('c', 4);
    expect([...log.newestFirst()]).toEqual(['c', 'b']);
    // An entry heavier than the whole budget is still kept, alone.
    log.push('huge', 50);
    expect([...log.newestFirst()]).toEqual(['huge']);
    log.push('d', 1);
    expect([...log.newestFirst()]).toEqual(['d']);
  });

  it('clears all or a selection, keeping order and weights', () => {
    const log = new BoundedLog<number>(5, 100);
    for (let value = 1; value <= 7; value++) log.push(value, 10);
    expect(log.clear((value) => value % 2 === 0)).toBe(2);
    expect([...log.newestFirst()]).toEqual([7, 5, 3]);
    expect(log.clear()).toBe(3);
    expect([...log.newestFirst()]).toEqual([]);
    log.push(8);
    expect([...log.newestFirst()]).toEqual([8]);
  });

  it('behaves like "the last N of an array" for any sequence of pushes and clears', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant('clear-even' as const)), {
          maxLength: 60,
        }),
        (capacity, operations) => {
          const log = new BoundedLog<number>(capacity);
          let model: number[] = [];
          for (const operation of operations) {
            if (operation === 'clear-even') {
              log.clear((value) => value % 2 === 0);
              model = model.filter((value) => value % 2 !== 0);
            } else {
              log.push(operation);
              model.push(operation);
              if (model.length > capacity) model.shift();
            }
          }
          expect([...log.newestFirst()]).toEqual([...model].reverse());
        },
      ),
    );
  });
});
