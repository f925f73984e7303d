/**
 * Runs the interceptor chain in its fixed order — scripted faults, the `interceptors` option, magic values,
 * the template registry, per-recipient limits. The first rejection ends the run (nothing after it is asked,
 * nothing is recorded); message failures from several interceptors are merged, the first one for a message
 * wins; the first transport effect wins.
 */
import type { TemplateRegistry } from '../../config/resolve-config.js';
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
import type { FaultStore } from './faults/fault-store.js';
import { createLimitInterceptor, type RecipientLimiter } from './limits/recipient-limits.js';
import { magicInterceptor } from './magic/magic-interceptor.js';
import { createRegistryInterceptor } from './templates/template-registry.js';

/** What the chain is built from; the parts that are off are left out. */
export interface ChainParts {
  faults: FaultStore;
  /** The `interceptors` option. */
  custom: readonly SendInterceptor[];
  magicValues: boolean;
  registry: TemplateRegistry | undefined;
  limiter: RecipientLimiter | undefined;
}

/** The chain, built once per mock and never changed: faults → custom → magic → templates → limits. */
export function buildInterceptorChain(parts: ChainParts): readonly SendInterceptor[] {
  const chain: SendInterceptor[] = [parts.faults.interceptor, ...parts.custom];
  if (parts.magicValues) chain.push(magicInterceptor);
  if (parts.registry !== undefined) chain.push(createRegistryInterceptor(parts.registry));
  if (parts.limiter !== undefined) chain.push(createLimitInterceptor(parts.limiter));
  return Object.freeze(chain);
}

const noFailures: ReadonlyMap<number, MessageFailure> = new Map();
const acceptAll: CallDecision = { kind: 'accepted', failures: noFailures };

/**
 * The decision for `call`: each interceptor in turn, awaited (a custom interceptor may answer with a promise;
 * the built-in ones answer at once, and an await of a ready value costs one microtask turn, well below the
 * measurement noise).
 */
export async function runInterceptors(
  chain: readonly SendInterceptor[],
  call: SendCall,
  clock: MockClock,
): Promise<CallDecision> {
  const run = new InterceptorRun(call, clock);
  for (const interceptor of chain) {
    const rejection = apply(run, interceptor, await interceptor.intercept(call, run));
    if (rejection !== undefined) return rejection;
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
