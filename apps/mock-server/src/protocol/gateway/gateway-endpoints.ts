/**
 * @module The fw199 gateway: `POST /gateway/taobao/jst/sms/tid/send` and `POST /gateway/dd/sms/send`. Reads the
 * form (urlencoded or multipart), runs the call through the pipeline, journals it, and answers JSON — HTTP 200
 * for call-level errors too, like TOP; gzip only when asked.
 */
import { gatewayTraceId } from '../../state/identifiers.js';
import { type Answer, bareAnswer } from '../answer/answer.js';
import { invalidParameter } from '../errors/gateway-errors.js';
import { finishAnswer } from '../pipeline/record-answer.js';
import { type ProtocolRequest, readParameters } from '../request/protocol-request.js';
import type { MockRuntime } from '../runtime/mock-runtime.js';
import { doudianEndpoint } from './doudian-endpoint.js';
import { answerGatewayCall, type GatewayAnswer, gatewayErrorAnswer } from './gateway-call.js';
import type { GatewayEndpoint } from './gateway-endpoint.js';
import { gatewayContentType, renderGatewayError, renderGatewaySuccess } from './gateway-envelope.js';
import { tidEndpoint } from './tid-endpoint.js';

export const gatewayEndpoints: readonly GatewayEndpoint[] = [tidEndpoint, doudianEndpoint];

/** The answer to one request on a gateway endpoint's path. */
export async function answerGatewayRequest(
  endpoint: GatewayEndpoint,
  request: ProtocolRequest,
  runtime: MockRuntime,
): Promise<Answer> {
  if (request.method !== 'POST') {
    // The gateway is POST only; anything else gets a bare 405 (no document covers it).
    return bareAnswer(405, { allow: 'POST' });
  }
  const read = await readParameters(request);
  if (read.outcome === 'aborted') return bareAnswer(400);

  let answer: GatewayAnswer;
  let status = 200;
  if (read.outcome === 'too-large') {
    answer = gatewayErrorAnswer(gatewayTraceId(), invalidParameter('body'), 'request body too large');
    status = 413;
  } else {
    const { params, bodyBytes } = read.parameters;
    answer = await answerGatewayCall(endpoint, params, bodyBytes, runtime, request.receivedAt);
  }

  const body =
    answer.kind === 'success'
      ? renderGatewaySuccess(answer.data, answer.traceId)
      : renderGatewayError(answer.error, answer.traceId);
  return finishAnswer(
    runtime.journal,
    request,
    read,
    {
      protocol: 'gateway',
      api: endpoint.path,
      appKey: read.parameters.params.appid ?? null,
      requestId: answer.traceId,
      verdict: answer.verdict,
      signature: answer.kind === 'error' ? answer.signature : undefined,
      transport: answer.transport,
    },
    { body, status, contentType: gatewayContentType },
  );
}
