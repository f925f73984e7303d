/**
 * @module The fw199 gateway: `POST /gateway/taobao/jst/sms/tid/send` and `POST /gateway/dd/sms/send`. Reads the
 * form (urlencoded or multipart), runs the call through the pipeline, journals it, and answers JSON — HTTP 200
 * for call-level errors too, like TOP; gzip only when asked.
 */
import { Hono } from 'hono';
import type { MockEnv } from '../../serve/mock-env.js';
import { gatewayTraceId } from '../../state/identifiers.js';
import { invalidParameter } from '../errors/gateway-errors.js';
import { finishAnswer } from '../pipeline/record-answer.js';
import { readProtocolRequest } from '../request/protocol-request.js';
import type { MockRuntime } from '../runtime/mock-runtime.js';
import { doudianEndpoint } from './doudian-endpoint.js';
import { answerGatewayCall, type GatewayAnswer, gatewayErrorAnswer } from './gateway-call.js';
import type { GatewayEndpoint } from './gateway-endpoint.js';
import { gatewayContentType, renderGatewayError, renderGatewaySuccess } from './gateway-envelope.js';
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
      return finishAnswer(
        c,
        runtime,
        request,
        receivedAt,
        {
          protocol: 'gateway',
          api: endpoint.path,
          appKey: request.parameters.params.appid ?? null,
          requestId: answer.traceId,
          verdict: answer.verdict,
          signature: answer.kind === 'error' ? answer.signature : undefined,
          transport: answer.transport,
        },
        { body, status, contentType: gatewayContentType },
      );
    });
  }
  return app;
}
