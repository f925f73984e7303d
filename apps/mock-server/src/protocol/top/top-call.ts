/**
 * One TOP call through the pipeline, after parsing: verify system parameters and signature → validate business
 * parameters with the adapter's schema → interceptors (faults, limits, templates) → record → the answer to
 * render. Pure of HTTP: the endpoint reads the request and renders what this returns.
 */

import { topRequestId } from '../../state/identifiers.js';
import type { PendingMessage } from '../../state/recorded-message.js';
import type { JournalVerdict, SignatureDiagnostic } from '../../state/request-journal.js';
import { unprocessedVerdict } from '../answer/transport-effect.js';
import { topErrorOf } from '../errors/call-errors.js';
import type { TopError } from '../errors/top-errors.js';
import type { CallDecision, TransportEffect } from '../pipeline/call/send-call.js';
import { runInterceptors } from '../pipeline/interceptor-chain.js';
import type { MockRuntime } from '../runtime/mock-runtime.js';
import type { TopAnswerFields } from '../tmc/tmc-top-answer.js';
import type { TmcTopMethod } from '../tmc/tmc-top-methods.js';
import type { TopFields } from './top-envelope.js';
import type { TopMethod } from './top-method.js';
import { checkTopSystemParameters } from './top-system-checks.js';

/** What to answer; `transport` (from a fault or magic value) changes how it reaches the client. */
export type TopAnswer = (
  | {
      kind: 'error';
      requestId: string;
      error: TopError;
      verdict: JournalVerdict;
      signature?: SignatureDiagnostic;
    }
  | { kind: 'success'; requestId: string; responseKey: string; fields: TopFields; verdict: JournalVerdict }
  | {
      /** A success with lists and Int64 values (the TMC methods). */
      kind: 'structured';
      requestId: string;
      responseKey: string;
      fields: TopAnswerFields;
      verdict: JournalVerdict;
    }
) & { transport?: TransportEffect };

export async function answerTopCall(
  params: Readonly<Record<string, string>>,
  bodyBytes: number,
  runtime: MockRuntime,
  receivedAt: number,
): Promise<TopAnswer> {
  const requestId = topRequestId();

  const system = checkTopSystemParameters(
    params,
    runtime.config,
    runtime.clock.timestampCheckTime(receivedAt),
  );
  if (!system.ok) return errorAnswer(requestId, system.error, system.reason, system.signature);

  const { method, appKey, seller } = system;
  if ('kind' in method) return answerTmcTopCall(method, params, appKey, runtime, requestId);
  const validation = method.validate(params, { appKey, seller, config: runtime.config });
  if (!validation.ok) return errorAnswer(requestId, validation.error, validation.reason);

  const accepted: AcceptedTopCall = { method, message: validation.message, requestId, bodyBytes, receivedAt };
  const decision = await runInterceptors(
    runtime.interceptors,
    {
      protocol: 'top',
      platform: method.platform,
      api: method.name,
      appKey,
      seller,
      receivedAt,
      params,
      messages: [validation.message],
    },
    runtime.clock,
  );
  return settleTopCall(accepted, decision, runtime);
}

/** A call that passed its checks, waiting for the interceptors' decision. */
interface AcceptedTopCall {
  method: TopMethod;
  message: PendingMessage;
  requestId: string;
  bodyBytes: number;
  receivedAt: number;
}

/** Answers by the interceptors' decision; records the message when it is sent. */
function settleTopCall(call: AcceptedTopCall, decision: CallDecision, runtime: MockRuntime): TopAnswer {
  const { method, requestId } = call;
  const { transport } = decision;
  if (decision.kind === 'rejected') {
    const reason = decision.reason === undefined ? '' : `: ${decision.reason}`;
    const answer = errorAnswer(requestId, topErrorOf(decision.error), `rejected by ${decision.by}${reason}`);
    return transport === undefined ? answer : { ...answer, transport };
  }

  const failure = decision.failures.get(0);
  if (failure !== undefined) {
    const answer: TopAnswer = {
      kind: 'success',
      requestId,
      responseKey: method.responseKey,
      fields: method.rejectionFields(failure, requestId),
      verdict: {
        outcome: 'accepted',
        recorded: 0,
        failedItems: 1,
        failures: [{ item: 0, orderId: null, code: failure.code, message: failure.message }],
      },
    };
    return transport === undefined ? answer : { ...answer, transport };
  }

  const messageId = method.newMessageId();
  if (transport?.process === false) {
    // Stopped before the platform processed it (a dropped connection, a proxy): the answer is never seen.
    return {
      kind: 'success',
      requestId,
      responseKey: method.responseKey,
      fields: method.successFields(requestId, messageId),
      verdict: unprocessedVerdict(transport),
      transport,
    };
  }
  runtime.inbox.record(
    call.message,
    { requestId, messageId, receivedAt: call.receivedAt },
    call.bodyBytes + 512,
  );
  if (method.platform === 'taobao-jst') scheduleSmsReceipt(call, messageId, runtime);
  const answer: TopAnswer = {
    kind: 'success',
    requestId,
    responseKey: method.responseKey,
    fields: method.successFields(requestId, messageId),
    verdict: { outcome: 'accepted', recorded: 1, failedItems: 0 },
  };
  return transport === undefined ? answer : { ...answer, transport };
}

/** An accepted JST send gets its delivery receipt on TMC, on the mock's clock. */
function scheduleSmsReceipt(call: AcceptedTopCall, messageId: string, runtime: MockRuntime): void {
  const { message } = call;
  const extend = message.details.extend;
  runtime.tmc.receipts.schedule({
    appKey: message.appKey,
    module: messageId,
    receiver: message.recipient,
    extend: typeof extend === 'string' ? extend : undefined,
    seller: message.seller,
    sentAt: call.receivedAt,
  });
}

/** A TMC method: no interceptors (they are about sends), the queues of the caller's namespace. */
function answerTmcTopCall(
  method: TmcTopMethod,
  params: Readonly<Record<string, string>>,
  appKey: string,
  runtime: MockRuntime,
  requestId: string,
): TopAnswer {
  const result = method.answer(params, appKey, runtime.tmc);
  if (!result.ok) return errorAnswer(requestId, result.error, result.reason);
  return {
    kind: 'structured',
    requestId,
    responseKey: result.responseKey,
    fields: { ...result.fields, request_id: requestId },
    verdict: { outcome: 'accepted', recorded: 0, failedItems: 0 },
  };
}

export function errorAnswer(
  requestId: string,
  error: TopError,
  reason: string,
  signature?: SignatureDiagnostic,
): TopAnswer {
  const verdict: JournalVerdict = { outcome: 'rejected', code: error.code, message: error.msg, reason };
  if (error.sub_code !== undefined) verdict.subCode = error.sub_code;
  if (error.sub_msg !== undefined) verdict.subMessage = error.sub_msg;
  return signature === undefined
    ? { kind: 'error', requestId, error, verdict }
    : { kind: 'error', requestId, error, verdict, signature };
}
