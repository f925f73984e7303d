/**
 * The scripted faults: a queue in the order they were added. A call takes the oldest fault that matches it
 * (one fault per call), which loses one of its `times`; a fault with none left is gone. Faults that name an
 * app (`match.app`) only ever see that namespace's calls, so parallel tests cannot trip over each other's.
 */

import type { PendingMessage } from '../../../state/recorded-message.js';
import type {
  InterceptorVerdict,
  MessageFailure,
  SendCall,
  SendInterceptor,
  TransportEffect,
} from '../call/send-call.js';
import { magicOutcome } from '../magic/magic-catalog.js';
import { OutcomeVerdict } from '../magic/outcome-verdict.js';
import type { FaultSpec } from './fault-schema.js';
import { type Scripted, ScriptedQueue } from './scripted-queue.js';

/** A queued send fault, as `GET /__mock/faults` shows it. */
export type ScriptedFault = Scripted<FaultSpec>;

export class FaultStore extends ScriptedQueue<FaultSpec> {
  /** The interceptor that applies the queue: always first in the chain, done at once when nothing is queued. */
  readonly interceptor: SendInterceptor = {
    name: 'scripted fault',
    intercept: (call) => (this.size === 0 ? undefined : this.take((fault) => faultVerdict(fault, call))),
  };
}

/** What the fault does to the call, or undefined when it does not match it. */
function faultVerdict(fault: ScriptedFault, call: SendCall): InterceptorVerdict | undefined {
  const { match } = fault;
  if (match.app !== undefined && match.app !== call.appKey) return undefined;
  if (match.api !== undefined && match.api !== call.api && match.api !== call.platform) return undefined;
  const selected = selectMessages(call.messages, match.recipient, match.template);
  if (selected.length === 0) return undefined;
  const source = `fault ${fault.id}`;
  const reason = `fault ${fault.id} (${fault.kind})`;
  const delay = fault.delayMs === undefined || fault.delayMs === 0 ? {} : { delayMs: fault.delayMs };
  const withDelay = <Verdict extends object>(verdict: Verdict): Verdict & { transport?: TransportEffect } =>
    fault.delayMs ? { ...verdict, transport: { delayMs: fault.delayMs, source } } : verdict;

  switch (fault.kind) {
    case 'error': {
      const error = {
        code: fault.code,
        message: (fault.msg ?? fault.message) as string,
        ...(fault.sub_code === undefined ? {} : { subCode: fault.sub_code }),
        ...(fault.sub_msg === undefined ? {} : { subMessage: fault.sub_msg }),
      };
      return withDelay({ reject: error, reason });
    }
    case 'item-failure': {
      const failure: MessageFailure = { code: fault.code, message: fault.message };
      return withDelay({ failMessages: new Map(selected.map((index) => [index, failure])) });
    }
    case 'delay':
      return { transport: { delayMs: fault.delayMs, source } };
    case 'drop':
      return { transport: { ...delay, replace: 'drop', process: fault.when === 'after-recording', source } };
    case 'malformed-body':
      return { transport: { ...delay, replace: 'malformed-body', process: fault.recorded, source } };
    case 'proxy-error':
      return {
        transport: {
          ...delay,
          replace: 'proxy-error',
          status: fault.status,
          process: fault.recorded,
          source,
        },
      };
    case 'outcome': {
      const outcome = magicOutcome(fault.outcome);
      const effect = outcome.effect(call.platform, fault.parameter);
      // An outcome that does not exist for this API (order-not-found on TOP) leaves the call alone.
      if (effect === undefined) return undefined;
      const collected = new OutcomeVerdict();
      const targets = effect.level === 'message' ? selected : [0];
      for (const index of targets) collected.add(index, effect, source, `${reason}: ${outcome.name}`);
      const verdict = collected.verdict();
      if (verdict === undefined || !fault.delayMs) return verdict;
      if ('transport' in verdict && verdict.transport !== undefined) {
        return { ...verdict, transport: { ...verdict.transport, delayMs: fault.delayMs } };
      }
      return { ...verdict, transport: { delayMs: fault.delayMs, source } };
    }
  }
}

/** Positions of the messages the match selects: every message when it names no recipient or template. */
function selectMessages(
  messages: readonly PendingMessage[],
  recipient: string | string[] | undefined,
  template: string | string[] | undefined,
): number[] {
  const selected: number[] = [];
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as PendingMessage;
    if (recipient !== undefined && !includes(recipient, message.recipient)) continue;
    if (
      template !== undefined &&
      !includes(template, message.template) &&
      !includes(template, String(message.details.template_id ?? ''))
    )
      continue;
    selected.push(index);
  }
  return selected;
}

function includes(wanted: string | string[], value: string): boolean {
  return typeof wanted === 'string' ? wanted === value : wanted.includes(value);
}
