/**
 * Waiting on the mock's clock: a timer fires when real time gets there or when the clock is moved past it,
 * whichever is first — so tests move the clock instead of sleeping. Real time is faked here (vi fake timers).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdjustableClock, createManualClock } from './clock.js';
import { createTimerQueue } from './timer-queue.js';

const start = Date.parse('2024-03-01T04:00:00Z');

describe('clock.sleep', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends when the clock is advanced past it, without real time passing', async () => {
    const clock = createAdjustableClock(createManualClock(start));
    const ended = vi.fn();
    void clock.sleep(30_000).then(ended);
    clock.advance(29_999);
    await Promise.resolve();
    expect(ended).not.toHaveBeenCalled();
    clock.advance(1);
    await vi.waitFor(() => expect(ended).toHaveBeenCalledOnce());
  });

  it('ends when the manual base clock a test holds is moved', async () => {
    const base = createManualClock(start);
    const clock = createAdjustableClock(base);
    const ended = vi.fn();
    void clock.sleep(1_000).then(ended);
    base.advance(1_000);
    await vi.waitFor(() => expect(ended).toHaveBeenCalledOnce());
  });

  it('ends after that much real time, also on a clock that stands still', async () => {
    const clock = createAdjustableClock(createManualClock(start));
    const ended = vi.fn();
    void clock.sleep(1_000).then(ended);
    await vi.advanceTimersByTimeAsync(999);
    expect(ended).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ended).toHaveBeenCalledOnce();
  });

  it('ends at once when its signal aborts, and at once for no delay', async () => {
    const clock = createAdjustableClock();
    const controller = new AbortController();
    const ended = vi.fn();
    void clock.sleep(60_000, controller.signal).then(ended);
    controller.abort();
    await vi.waitFor(() => expect(ended).toHaveBeenCalledOnce());
    await expect(clock.sleep(0)).resolves.toBeUndefined();
    await expect(clock.sleep(10, AbortSignal.abort())).resolves.toBeUndefined();
  });

  it('ends every pending sleep when the timers are cancelled (the server closes)', async () => {
    const clock = createAdjustableClock();
    const ended = vi.fn();
    void clock.sleep(60_000).then(ended);
    void clock.sleep(120_000).then(ended);
    clock.cancelTimers();
    await vi.waitFor(() => expect(ended).toHaveBeenCalledTimes(2));
  });
});

describe('clock.schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs when real time reaches the instant on a clock that follows real time', async () => {
    const clock = createAdjustableClock();
    const ran = vi.fn();
    clock.schedule(start + 5_000, ran);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(ran).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toHaveBeenCalledOnce();
  });

  it('runs when the clock is set or advanced past the instant, once, and in order', () => {
    const clock = createAdjustableClock(createManualClock(start));
    const order: string[] = [];
    clock.schedule(start + 2_000, () => order.push('second'));
    clock.schedule(start + 1_000, () => order.push('first'));
    clock.set(start + 1_500);
    expect(order).toEqual(['first']);
    clock.advance(10_000);
    clock.advance(10_000);
    expect(order).toEqual(['first', 'second']);
  });

  it('waits for the clock itself when it stands still: real time alone does not reach the instant', async () => {
    const clock = createAdjustableClock(createManualClock(start));
    const ran = vi.fn();
    clock.schedule(start + 1_000, ran);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ran).not.toHaveBeenCalled();
    clock.advance(1_000);
    expect(ran).toHaveBeenCalledOnce();
  });

  it('waits longer when the clock is set back, and never runs once cancelled or when timers are cancelled', async () => {
    const clock = createAdjustableClock();
    const ran = vi.fn();
    clock.schedule(start + 1_000, ran);
    clock.advance(-10_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ran).toHaveBeenCalledOnce();

    const cancelled = vi.fn();
    const cancel = clock.schedule(clock.now() + 1_000, cancelled);
    cancel();
    clock.schedule(clock.now() + 1_000, cancelled);
    clock.cancelTimers();
    clock.advance(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('waits on when its timeout fires before a real-time clock shows the instant (a busy event loop)', async () => {
    let lag = 0;
    const timers = createTimerQueue(() => Date.now() - lag, true);
    const ran = vi.fn();
    timers.schedule(start + 2, ran);
    // The loop's cached time ran ahead of the clock: the 2 ms timeout fires while the clock shows 3 ms less.
    lag = 3;
    await vi.advanceTimersByTimeAsync(2);
    expect(ran).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3);
    expect(ran).toHaveBeenCalledOnce();
  });

  it('runs at once for an instant already past', () => {
    const clock = createAdjustableClock();
    const ran = vi.fn();
    clock.schedule(start - 1, ran);
    expect(ran).toHaveBeenCalledOnce();
  });
});
