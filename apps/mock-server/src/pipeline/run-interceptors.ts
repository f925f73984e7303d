/**
 * Runs the interceptors in order. The first rejection ends the run (nothing after it is asked, nothing is
 * recorded); message failures from several interceptors are merged, the first one for a message wins; the
 * first transport effect wins.
 */
import type { MockClock } from '../state/clock.js';
import type {
  CallDecision,
  InterceptorContext,
  InterceptorVerdict,
  MessageFailure,
  SendCall,
  SendInterceptor,
  TransportEffect,
} from './send-call.js';

const noFailures: ReadonlyMap<number, MessageFailure> = new Map();
const acceptAll: CallDecision = { kind: 'accepted', failures: noFailures };

export async function runInterceptors(
  interceptors: readonly SendInterceptor[],
  call: SendCall,
  clock: MockClock,
): Promise<CallDecision> {
  if (interceptors.length === 0) return acceptAll;
  const run = new InterceptorRun(call, clock);
  // A snapshot: the list may change while a call runs through it (the fault interceptor leaves it when its
  // last fault is used), and no interceptor may be skipped for that.
  const snapshot = interceptors.length === 1 ? interceptors : [...interceptors];
  for (const interceptor of snapshot) {
    const pending = interceptor.intercept(call, run);
    const verdict: InterceptorVerdict = pending instanceof Promise ? await pending : pending;
    if (verdict === undefined) continue;
    if (verdict.transport !== undefined) run.transport ??= verdict.transport;
    if ('reject' in verdict) {
      const decision: CallDecision = { kind: 'rejected', error: verdict.reject, by: interceptor.name };
      if (verdict.reason !== undefined) decision.reason = verdict.reason;
      if (run.transport !== undefined) decision.transport = run.transport;
      return decision;
    }
    if ('failMessages' in verdict) run.fail(verdict.failMessages);
  }
  if (run.failures === undefined && run.transport === undefined) return acceptAll;
  const decision: CallDecision = { kind: 'accepted', failures: run.failures ?? noFailures };
  if (run.transport !== undefined) decision.transport = run.transport;
  return decision;
}

/** The state of one run, which is also the context the interceptors see. */
class InterceptorRun implements InterceptorContext {
  failures: Map<number, MessageFailure> | undefined;
  transport: TransportEffect | undefined;
  readonly #call: SendCall;
  readonly #clock: MockClock;

  constructor(call: SendCall, clock: MockClock) {
    this.#call = call;
    this.#clock = clock;
  }

  now(): number {
    return this.#clock.now();
  }

  willRecord(index: number): boolean {
    return this.transport?.process !== false && this.failures?.has(index) !== true;
  }

  fail(failures: ReadonlyMap<number, MessageFailure>): void {
    for (const [index, failure] of failures) {
      if (index < 0 || index >= this.#call.messages.length) continue;
      this.failures ??= new Map();
      if (!this.failures.has(index)) this.failures.set(index, failure);
    }
  }
}
