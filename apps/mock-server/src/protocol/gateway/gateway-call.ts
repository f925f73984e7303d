/**
 * One fw199 call through the pipeline: form checks (appid, timestamp, sign, seller) → `request_data` into a
 * batch → each item validated with the adapter's schema (a bad item is an item result) → interceptors →
 * record the sent items → the answer. Pure of HTTP, like the TOP call.
 */

import { gatewayTraceId } from '../../state/identifiers.js';
import type { PendingMessage } from '../../state/recorded-message.js';
import type { FailedItem, JournalVerdict, SignatureDiagnostic } from '../../state/request-journal.js';
import { unprocessedVerdict } from '../answer/transport-effect.js';
import type { GatewayError } from '../errors/gateway-errors.js';
import type { MessageFailure, TransportEffect } from '../pipeline/call/send-call.js';
import { runInterceptors } from '../pipeline/interceptor-chain.js';
import type { MockRuntime } from '../runtime/mock-runtime.js';
import { checkGatewayForm } from './gateway-checks.js';
import type { GatewayEndpoint } from './gateway-endpoint.js';

/** What to answer; `transport` (from a fault or magic value) changes how it reaches the client. */
export type GatewayAnswer = (
  | {
      kind: 'error';
      traceId: string;
      error: GatewayError;
      verdict: JournalVerdict;
      signature?: SignatureDiagnostic;
    }
  | { kind: 'success'; traceId: string; data: Record<string, unknown>[]; verdict: JournalVerdict }
) & { transport?: TransportEffect };

export async function answerGatewayCall(
  endpoint: GatewayEndpoint,
  params: Readonly<Record<string, string>>,
  bodyBytes: number,
  runtime: MockRuntime,
  receivedAt: number,
): Promise<GatewayAnswer> {
  const traceId = gatewayTraceId();

  const form = checkGatewayForm(
    params,
    endpoint.sellerField,
    runtime.config,
    runtime.clock.timestampCheckTime(receivedAt),
  );
  if (!form.ok) return gatewayErrorAnswer(traceId, form.error, form.reason, form.signature);

  const batch = endpoint.parseRequestData(params.request_data);
  if (!batch.ok) return gatewayErrorAnswer(traceId, batch.error, batch.reason);

  const context = { appId: form.appId, seller: form.seller, config: runtime.config };
  const results: (Record<string, unknown> | undefined)[] = new Array(batch.items.length);
  const messages: PendingMessage[] = [];
  const messageItems: number[] = [];
  for (let index = 0; index < batch.items.length; index++) {
    const item = batch.items[index];
    const validation = batch.validateItem(item, context);
    if (validation.ok) {
      messages.push(validation.message);
      messageItems.push(index);
    } else {
      results[index] = endpoint.failureItem(item, validation.failure);
    }
  }

  const decision =
    messages.length === 0
      ? undefined
      : await runInterceptors(
          runtime.interceptors,
          {
            protocol: 'gateway',
            platform: endpoint.platform,
            api: endpoint.path,
            appKey: form.appId,
            seller: form.seller,
            receivedAt,
            params,
            messages,
          },
          runtime.clock,
        );
  const transport = decision?.transport;
  if (decision?.kind === 'rejected') {
    const reason = decision.reason === undefined ? '' : `: ${decision.reason}`;
    const answer = gatewayErrorAnswer(
      traceId,
      { code: decision.error.code, message: decision.error.message },
      `rejected by ${decision.by}${reason}`,
    );
    return transport === undefined ? answer : { ...answer, transport };
  }
  // Stopped before the platform processed it (a dropped connection, a proxy): nothing is recorded.
  const processed = transport?.process !== false;

  const weight = Math.ceil(bodyBytes / batch.items.length) + 512;
  let recorded = 0;
  for (let position = 0; position < messages.length; position++) {
    const index = messageItems[position] as number;
    const item = batch.items[index];
    const message = messages[position] as PendingMessage;
    const failure: MessageFailure | undefined = decision?.failures.get(position);
    if (failure !== undefined) {
      results[index] = endpoint.failureItem(item, failure);
      continue;
    }
    const success = endpoint.successItem(item, message);
    results[index] = success.fields;
    if (!processed) continue;
    runtime.inbox.record(
      success.details === undefined
        ? message
        : { ...message, details: { ...message.details, ...success.details } },
      { requestId: traceId, messageId: success.messageId, receivedAt },
      weight,
    );
    recorded++;
  }

  const answer: GatewayAnswer = {
    kind: 'success',
    traceId,
    data: results as Record<string, unknown>[],
    verdict:
      transport !== undefined && !processed
        ? unprocessedVerdict(transport)
        : acceptedVerdict(results, recorded),
  };
  return transport === undefined ? answer : { ...answer, transport };
}

/** The verdict of an answered batch, naming each item the answer failed (all but the `recorded` ones). */
function acceptedVerdict(
  results: readonly (Record<string, unknown> | undefined)[],
  recorded: number,
): JournalVerdict {
  const failedItems = results.length - recorded;
  if (failedItems === 0) return { outcome: 'accepted', recorded, failedItems };
  const failures: FailedItem[] = [];
  results.forEach((result, item) => {
    if (result === undefined || result.code === 0) return;
    const orderId = typeof result.order_id === 'string' && result.order_id !== '' ? result.order_id : null;
    const code = typeof result.code === 'number' || typeof result.code === 'string' ? result.code : '';
    failures.push({ item, orderId, code, message: String(result.message ?? '') });
  });
  return { outcome: 'accepted', recorded, failedItems, failures };
}

export function gatewayErrorAnswer(
  traceId: string,
  error: GatewayError,
  reason: string,
  signature?: SignatureDiagnostic,
): GatewayAnswer {
  const verdict: JournalVerdict = { outcome: 'rejected', code: error.code, message: error.message, reason };
  return signature === undefined
    ? { kind: 'error', traceId, error, verdict }
    : { kind: 'error', traceId, error, verdict, signature };
}
