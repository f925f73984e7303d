import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SmsReceipt } from './receipt.js';
import { createReceiptWaiter } from './receipt-waiter.js';

const delivered: SmsReceipt = { biz_id: '100^0', state: '1', err_code: 'DELIVRD', extend: 'order-1' };
const failed: SmsReceipt = { biz_id: '200^0', state: '2', err_code: 'MK:0001' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createReceiptWaiter', () => {
  it('resolves a wait by module or by extend when the receipt arrives', async () => {
    const waiter = createReceiptWaiter();
    const byModule = waiter.waitFor({ module: '100^0' }, { timeout: 60_000 });
    const byExtend = waiter.waitFor({ extend: 'order-1' }, { timeout: 60_000 });
    const other = waiter.waitFor({ module: '200^0' }, { timeout: 60_000 });
    waiter.record(delivered);
    await expect(byModule).resolves.toEqual({ status: 'delivered', receipt: delivered });
    await expect(byExtend).resolves.toEqual({ status: 'delivered', receipt: delivered });
    waiter.record(failed);
    await expect(other).resolves.toEqual({ status: 'failed', receipt: failed });
  });

  it('answers at once for a receipt that arrived before the wait', async () => {
    const waiter = createReceiptWaiter();
    waiter.record(failed);
    await expect(waiter.waitFor({ module: '200^0' }, { timeout: 1 })).resolves.toMatchObject({
      status: 'failed',
    });
  });

  it('resolves timed-out after the timeout, and forgets receipts beyond `remember`', async () => {
    const waiter = createReceiptWaiter({ remember: 1 });
    waiter.record(delivered);
    waiter.record(failed);
    const wait = waiter.waitFor({ module: '100^0' }, { timeout: 5_000 });
    await vi.advanceTimersByTimeAsync(4_999);
    let outcome: unknown;
    void wait.then((value) => (outcome = value));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toEqual({ status: 'timed-out' });
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const waiter = createReceiptWaiter();
    const controller = new AbortController();
    const wait = waiter.waitFor({ extend: 'x' }, { timeout: 60_000, signal: controller.signal });
    controller.abort(new Error('shutting down'));
    await expect(wait).rejects.toThrow('shutting down');
    waiter.record({ biz_id: '1^0', state: '1', extend: 'x' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a bad timeout or remember', async () => {
    await expect(createReceiptWaiter().waitFor({ module: 'x' }, { timeout: -1 })).rejects.toThrow(RangeError);
    expect(() => createReceiptWaiter({ remember: 0 })).toThrow(RangeError);
  });
});
