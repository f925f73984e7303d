/**
 * Runs the interceptors in order. The first rejection ends the run (nothing after it is asked, nothing is
 * recorded); message failures from several interceptors are merged, the first one for a message wins.
 */
import type {
  CallDecision,
  InterceptorContext,
  MessageFailure,
  SendCall,
  SendInterceptor,
} from './send-call.js';

const noFailures: ReadonlyMap<number, MessageFailure> = new Map();
const acceptAll: CallDecision = { kind: 'accepted', failures: noFailures };

export async function runInterceptors(
  interceptors: readonly SendInterceptor[],
  call: SendCall,
  context: InterceptorContext,
): Promise<CallDecision> {
  if (interceptors.length === 0) return acceptAll;
  let failures: Map<number, MessageFailure> | undefined;
  for (const interceptor of interceptors) {
    const verdict = await interceptor.intercept(call, context);
    if (verdict === undefined) continue;
    if ('reject' in verdict) return { kind: 'rejected', error: verdict.reject, by: interceptor.name };
    for (const [index, failure] of verdict.failMessages) {
      if (index < 0 || index >= call.messages.length) continue;
      failures ??= new Map();
      if (!failures.has(index)) failures.set(index, failure);
    }
  }
  return failures === undefined ? acceptAll : { kind: 'accepted', failures };
}
