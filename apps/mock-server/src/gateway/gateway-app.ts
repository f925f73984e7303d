/**
 * @module The fw199 gateway: `POST /gateway/taobao/jst/sms/tid/send` and `POST /gateway/dd/sms/send`. Reads the
 * form (urlencoded or multipart), runs the call through the pipeline, journals it, and answers JSON — HTTP 200
 * for call-level errors too, like TOP; gzip only when asked.
 */
import { Hono } from 'hono';
import { deliverWithEffect, describeEffect, effectHttpStatus } from '../faults/transport-delivery.js';
import { acceptsGzip } from '../http/accept-encoding.js';
import type { MockEnv } from '../http/mock-env.js';
import { type ProtocolRequest, readProtocolRequest } from '../http/protocol-request.js';
import { respond } from '../http/respond.js';
import type { MockRuntime } from '../mock-runtime.js';
import { gatewayTraceId } from '../state/identifiers.js';
import { doudianEndpoint } from './doudian-endpoint.js';
import { answerGatewayCall, type GatewayAnswer, gatewayErrorAnswer } from './gateway-call.js';
import type { GatewayEndpoint } from './gateway-endpoint.js';
import { gatewayContentType, renderGatewayError, renderGatewaySuccess } from './gateway-envelope.js';
import { invalidParameter } from './gateway-errors.js';
import { tidEndpoint } from './tid-endpoint.js';

export const gatewayEndpoints: readonly GatewayEndpoint[] = [tidEndpoint, doudianEndpoint];

export function createGatewayApp(runtime: MockRuntime): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  for (const endpoint of gatewayEndpoints) {
    // One handler per path (see the TOP app): the method is checked here.
    app.all(endpoint.path, async (c) => {
      if (c.req.method !== 'POST') {
        // The gateway is POST only; anything else gets a bare 405 (no document covers it).
        return new Response(null, { status: 405, headers: { allow: 'POST' } });
      }
      const receivedAt = runtime.clock.now();
      const request = await readProtocolRequest(c, endpoint.path, runtime.config.bodyLimitBytes);
      if (request.outcome === 'aborted') return new Response(null, { status: 400 });

      let answer: GatewayAnswer;
      let status = 200;
      if (request.outcome === 'too-large') {
        answer = gatewayErrorAnswer(gatewayTraceId(), invalidParameter('body'), 'request body too large');
        status = 413;
      } else {
        const { params, bodyBytes } = request.parameters;
        answer = await answerGatewayCall(endpoint, params, bodyBytes, runtime, receivedAt);
      }

      const body =
        answer.kind === 'success'
          ? renderGatewaySuccess(answer.data, answer.traceId)
          : renderGatewayError(answer.error, answer.traceId);
      journal(runtime, request, endpoint, receivedAt, answer, status);
      const gzip = acceptsGzip(request.acceptEncoding);
      if (answer.transport === undefined) return respond(body, status, gatewayContentType, gzip);
      return deliverWithEffect(c, answer.transport, { body, status, contentType: gatewayContentType, gzip });
    });
  }
  return app;
}

function journal(
  runtime: MockRuntime,
  request: ProtocolRequest,
  endpoint: GatewayEndpoint,
  receivedAt: number,
  answer: GatewayAnswer,
  httpStatus: number,
): void {
  const { params, notes, bodyBytes } = request.parameters;
  const { transport } = answer;
  runtime.journal.record(
    {
      receivedAt,
      method: request.method,
      path: request.path,
      protocol: 'gateway',
      api: endpoint.path,
      appKey: params.appid ?? null,
      contentType: request.contentType,
      params,
      notes: transport === undefined ? notes : [...notes, describeEffect(transport)],
      verdict: answer.verdict,
      httpStatus: transport === undefined ? httpStatus : effectHttpStatus(transport, httpStatus),
      requestId: answer.traceId,
      ...(answer.kind === 'error' && answer.signature !== undefined ? { signature: answer.signature } : {}),
    },
    2 * bodyBytes + 1024,
  );
}
