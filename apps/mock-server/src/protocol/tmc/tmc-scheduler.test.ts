import { describe, expect, it } from 'vitest';
import { createSteppedScheduler } from './tmc-scheduler.js';

describe('createSteppedScheduler', () => {
  it('runs due tasks in time order, same-time tasks in scheduling order, and moves the clock to each', () => {
    const scheduler = createSteppedScheduler(1_000);
    const ran: Array<[string, number]> = [];
    const note = (name: string) => () => ran.push([name, scheduler.now()]);
    scheduler.schedule(1_300, note('c'));
    scheduler.schedule(1_100, note('a'));
    scheduler.schedule(1_300, note('d'));
    scheduler.schedule(1_200, note('b'));
    scheduler.schedule(5_000, note('later'));
    scheduler.advance(300);
    expect(ran).toEqual([
      ['a', 1_100],
      ['b', 1_200],
      ['c', 1_300],
      ['d', 1_300],
    ]);
    expect(scheduler.now()).toBe(1_300);
    expect(scheduler.pending).toBe(1);
  });

  it('never runs a cancelled task, and cancelling twice is harmless', () => {
    const scheduler = createSteppedScheduler(0);
    let runs = 0;
    const cancel = scheduler.schedule(10, () => runs++);
    cancel();
    cancel();
    scheduler.advance(100);
    expect(runs).toBe(0);
    expect(scheduler.pending).toBe(0);
  });

  it('runs a task that a task scheduled within the same advance, and a past-due one on runDue', () => {
    const scheduler = createSteppedScheduler(0);
    const ran: number[] = [];
    scheduler.schedule(10, () => {
      scheduler.schedule(scheduler.now() + 5, () => ran.push(scheduler.now()));
    });
    scheduler.advance(20);
    expect(ran).toEqual([15]);
    expect(scheduler.now()).toBe(20);
    scheduler.schedule(3, () => ran.push(-1));
    expect(ran).toEqual([15]);
    scheduler.runDue();
    expect(ran).toEqual([15, -1]);
  });

  it('keeps order over many tasks (the heap)', () => {
    const scheduler = createSteppedScheduler(0);
    const times = Array.from({ length: 500 }, (_, index) => (index * 7919) % 1000);
    const ran: number[] = [];
    for (const time of times) scheduler.schedule(time, () => ran.push(time));
    scheduler.advance(1_000);
    expect(ran).toEqual([...times].sort((left, right) => left - right));
  });

  it('refuses to move backwards or by a non-finite amount', () => {
    const scheduler = createSteppedScheduler(0);
    expect(() => scheduler.advance(-1)).toThrow(RangeError);
    expect(() => scheduler.advance(Number.NaN)).toThrow(RangeError);
  });
});
