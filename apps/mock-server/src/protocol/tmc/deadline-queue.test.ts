import { describe, expect, it } from 'vitest';
import { DeadlineQueue } from './deadline-queue.js';
import { createSteppedScheduler, type TmcScheduler } from './tmc-scheduler.js';

describe('DeadlineQueue', () => {
  it('runs items in time order with a single timer, whatever order they were added in', () => {
    const scheduler = createSteppedScheduler(0);
    const ran: Array<[string, number]> = [];
    const queue = new DeadlineQueue<string>(scheduler, (item, at) => ran.push([item, at]));
    for (let index = 0; index < 100; index++) queue.add(1_000 + index, `in-order-${index}`);
    queue.add(500, 'early');
    queue.add(1_050, 'middle');
    expect(scheduler.pending).toBe(1);
    scheduler.advance(1_050);
    expect(ran.slice(0, 2)).toEqual([
      ['early', 500],
      ['in-order-0', 1_000],
    ]);
    expect(ran.at(-1)).toEqual(['middle', 1_050]);
    expect(ran.at(-2)).toEqual(['in-order-50', 1_050]);
    expect(queue.size).toBe(49);
    queue.clear();
    scheduler.advance(10_000);
    expect(ran).toHaveLength(53);
    expect(scheduler.pending).toBe(0);
  });

  it('arms what a due item adds once the due items have run', () => {
    const scheduler = createSteppedScheduler(0);
    const ran: number[] = [];
    const queue: DeadlineQueue<number> = new DeadlineQueue(scheduler, (item) => {
      ran.push(item);
      if (item < 3) queue.add(scheduler.now() + 10, item + 1);
    });
    queue.add(10, 1);
    scheduler.advance(100);
    expect(ran).toEqual([1, 2, 3]);
  });

  it('works with a clock that runs a task already due inside schedule()', () => {
    let now = 0;
    const scheduler: TmcScheduler = {
      now: () => now,
      schedule(at, callback) {
        if (at <= now) callback();
        return () => {};
      },
    };
    const ran: string[] = [];
    const queue = new DeadlineQueue<string>(scheduler, (item) => ran.push(item));
    queue.add(0, 'at once');
    expect(ran).toEqual(['at once']);
    now = 5;
    queue.add(5, 'also at once');
    expect(ran).toEqual(['at once', 'also at once']);
    expect(queue.size).toBe(0);
  });
});
