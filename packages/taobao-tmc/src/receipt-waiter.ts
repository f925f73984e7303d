import { BoundedMap } from '@x/core';
import type { SmsReceipt } from './receipt.js';

/** Which send to wait for: the `module` its answer carried (the receipt's `biz_id`), or the `extend` you sent. */
export type ReceiptKey = { readonly module: string } | { readonly extend: string };

/**
 * How a wait ended. `delivered` and `failed` carry the receipt; `timed-out` means no receipt arrived in
 * time, which does not prove the SMS was not sent (receipts can be late).
 */
export type ReceiptOutcome =
  | { readonly status: 'delivered'; readonly receipt: SmsReceipt }
  | { readonly status: 'failed'; readonly receipt: SmsReceipt }
  | { readonly status: 'timed-out' };

/** Options of one wait. */
export interface WaitForReceiptOptions {
  /** How long to wait, in milliseconds. */
  readonly timeout: number;
  /** Stops waiting; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** Settles sends by their receipts. Feed it every receipt (`record`); ask it about a send (`waitFor`). */
export interface ReceiptWaiter {
  /** Hands over a receipt: settles the waits for its `biz_id` and `extend`, and keeps it for later waits. */
  record(receipt: SmsReceipt): void;
  /**
   * Resolves when the receipt of the send arrives (or has already arrived, within the remembered window),
   * or with `timed-out` after `timeout` milliseconds.
   */
  waitFor(key: ReceiptKey, options: WaitForReceiptOptions): Promise<ReceiptOutcome>;
}

/** Options of {@link createReceiptWaiter}. */
export interface ReceiptWaiterOptions {
  /**
   * How many receipts to remember for waits that start after their receipt arrived.
   * @default 10000
   */
  readonly remember?: number | undefined;
}

interface Pending {
  readonly settle: (outcome: ReceiptOutcome) => void;
}

/**
 * Creates a waiter that tells whether a send whose outcome was unknown (a timeout, a lost answer: an error
 * with `maybeSent`) went out: wait for its receipt by `module` or by `extend`.
 *
 * @throws {RangeError} when `remember` is not a positive integer.
 */
export function createReceiptWaiter(options: ReceiptWaiterOptions = {}): ReceiptWaiter {
  const remember = options.remember ?? 10_000;
  if (!Number.isSafeInteger(remember) || remember < 1)
    throw new RangeError('remember must be a positive integer');
  // Recent receipts by lookup key (`m:` + biz_id, `e:` + extend), oldest first.
  const recent = new BoundedMap<string, SmsReceipt>(remember);
  const pending = new Map<string, Set<Pending>>();

  const keep = (key: string, receipt: SmsReceipt) => {
    // Deleted first, so that a receipt seen again is the last to be forgotten.
    recent.delete(key);
    recent.set(key, receipt);
  };
  const settleAll = (key: string, receipt: SmsReceipt) => {
    const waiting = pending.get(key);
    if (waiting === undefined) return;
    pending.delete(key);
    for (const wait of waiting) wait.settle(outcomeOf(receipt));
  };

  return {
    record(receipt) {
      const keys = [`m:${receipt.biz_id}`];
      if (receipt.extend !== undefined && receipt.extend !== '') keys.push(`e:${receipt.extend}`);
      for (const key of keys) {
        keep(key, receipt);
        settleAll(key, receipt);
      }
    },
    waitFor(key, waitOptions) {
      const { timeout, signal } = waitOptions;
      if (!Number.isSafeInteger(timeout) || timeout < 0)
        return Promise.reject(new RangeError('timeout must be a non-negative integer of milliseconds'));
      const lookup = 'module' in key ? `m:${key.module}` : `e:${key.extend}`;
      const known = recent.get(lookup);
      if (known !== undefined) return Promise.resolve(outcomeOf(known));
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<ReceiptOutcome>((resolve, reject) => {
        const entry: Pending = {
          settle: (outcome) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(outcome);
          },
        };
        const forget = () => {
          const waiting = pending.get(lookup);
          waiting?.delete(entry);
          if (waiting?.size === 0) pending.delete(lookup);
        };
        const onAbort = () => {
          clearTimeout(timer);
          forget();
          reject(signal?.reason);
        };
        const timer = setTimeout(() => {
          forget();
          signal?.removeEventListener('abort', onAbort);
          resolve({ status: 'timed-out' });
        }, timeout);
        signal?.addEventListener('abort', onAbort, { once: true });
        const waiting = pending.get(lookup) ?? new Set<Pending>();
        waiting.add(entry);
        pending.set(lookup, waiting);
      });
    },
  };
}

function outcomeOf(receipt: SmsReceipt): ReceiptOutcome {
  return receipt.state === '1' ? { status: 'delivered', receipt } : { status: 'failed', receipt };
}
