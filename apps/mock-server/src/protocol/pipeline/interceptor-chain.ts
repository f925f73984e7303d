/**
 * Runs the interceptors in order. The first rejection ends the run (nothing after it is asked, nothing is
 * recorded); message failures from several interceptors are merged, the first one for a message wins; the
 * first transport effect wins.
 */
import type { MockClock } from '../../state/clock.js';
import type {
  CallDecision,
  InterceptorContext,
  InterceptorVerdict,
  MessageFailure,
  SendCall,
  SendInterceptor,
  TransportEffect,
} from './call/send-call.js';

const noFailures: ReadonlyMap<number, MessageFailure> = new Map();
const acceptAll: CallDecision = { kind: 'accepted', failures: noFailures };

/**
 * The decision for `call`. Synchronous while every interceptor answers synchronously (the usual case: magic
 * values, limits, templates), so a send pays for no promise here; from the first interceptor that returns a
 * promise on, the rest of the run continues asynchronously.
 */
export function runInterceptors(
  interceptors: readonly SendInterceptor[],
  call: SendCall,
  clock: MockClock,
): CallDecision | Promise<CallDecision> {
  if (interceptors.length === 0) return acceptAll;
  const run = new InterceptorRun(call, clock);
  // A snapshot: the list may change while a call runs through it (the fault interceptor leaves it when its
  // last fault is used), and no interceptor may be skipped for that.
  const snapshot = interceptors.length === 1 ? interceptors : [...interceptors];
  for (let index = 0; index < snapshot.length; index++) {
    const interceptor = snapshot[index] as SendInterceptor;
    const verdict = interceptor.intercept(call, run);
    if (verdict instanceof Promise) return finishAsynchronously(snapshot, index, verdict, call, run);
    const rejection = apply(run, interceptor, verdict);
    if (rejection !== undefined) return rejection;
  }
  return decisionOf(run);
}

/** The rest of a run once interceptor `index` answered with a promise. */
async function finishAsynchronously(
  snapshot: readonly SendInterceptor[],
  index: number,
  pending: Promise<InterceptorVerdict>,
  call: SendCall,
  run: InterceptorRun,
): Promise<CallDecision> {
  const rejection = apply(run, snapshot[index] as SendInterceptor, await pending);
  if (rejection !== undefined) return rejection;
  for (let next = index + 1; next < snapshot.length; next++) {
    const interceptor = snapshot[next] as SendInterceptor;
    const verdict = interceptor.intercept(call, run);
    const later = apply(run, interceptor, verdict instanceof Promise ? await verdict : verdict);
    if (later !== undefined) return later;
  }
  return decisionOf(run);
}

/** Takes one verdict into the run; a rejection ends the run and is returned. */
function apply(
  run: InterceptorRun,
  interceptor: SendInterceptor,
  verdict: InterceptorVerdict,
): CallDecision | undefined {
  if (verdict === undefined) return undefined;
  if (verdict.transport !== undefined) run.transport ??= verdict.transport;
  if ('reject' in verdict) {
    const decision: CallDecision = { kind: 'rejected', error: verdict.reject, by: interceptor.name };
    if (verdict.reason !== undefined) decision.reason = verdict.reason;
    if (run.transport !== undefined) decision.transport = run.transport;
    return decision;
  }
  if ('failMessages' in verdict) run.fail(verdict.failMessages);
  return undefined;
}

function decisionOf(run: InterceptorRun): CallDecision {
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
