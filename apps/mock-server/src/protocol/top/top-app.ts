/**
 * @module The TOP gateway: `GET|POST /router/rest`. Reads the request (query + form or multipart body), runs
 * the call through the pipeline, journals it, and renders the answer as the platform does — HTTP 200 for
 * errors too, JSON or XML by `format`, gzip only when asked.
 */
import { Hono } from 'hono';
import type { MockEnv } from '../../serve/mock-env.js';
import { topRequestId } from '../../state/identifiers.js';
import { requestTooLarge } from '../errors/top-errors.js';
import { finishAnswer } from '../pipeline/record-answer.js';
import { readProtocolRequest } from '../request/protocol-request.js';
import type { MockRuntime } from '../runtime/mock-runtime.js';
import { answerTopCall, errorAnswer, type TopAnswer } from './top-call.js';
import { renderTopError, renderTopSuccess, type TopFormat, topContentTypes } from './top-envelope.js';

export const topPath = '/router/rest';

export function createTopApp(runtime: MockRuntime): Hono<MockEnv> {
  const app = new Hono<MockEnv>();
  // One handler for every method: a second route on the same path would send each request through Hono's
  // slower multi-handler dispatch.
  app.all(topPath, async (c) => {
    // c.req.method is the real one (Hono routes HEAD as GET): a HEAD must not send — and record — a message.
    const httpMethod = c.req.method;
    if (httpMethod !== 'GET' && httpMethod !== 'POST') {
      // Only GET and POST are TOP; anything else gets a bare 405 (no platform document covers it).
      return new Response(null, { status: 405, headers: { allow: 'GET, POST' } });
    }
    const receivedAt = runtime.clock.now();
    const request = await readProtocolRequest(c, topPath, runtime.config.bodyLimitBytes);
    if (request.outcome === 'aborted') return new Response(null, { status: 400 });
    const { params } = request.parameters;
    const format: TopFormat = params.format === 'json' ? 'json' : 'xml';

    let answer: TopAnswer;
    let status = 200;
    if (request.outcome === 'too-large') {
      answer = errorAnswer(
        topRequestId(),
        requestTooLarge(runtime.config.bodyLimitBytes),
        'request body too large',
      );
      status = 413;
    } else {
      const answering = answerTopCall(params, request.parameters.bodyBytes, runtime, receivedAt);
      answer = answering instanceof Promise ? await answering : answering;
    }

    const body =
      answer.kind === 'success'
        ? renderTopSuccess(answer.responseKey, answer.fields, format, params.simplify === 'true')
        : renderTopError(answer.error, answer.requestId, format);
    return finishAnswer(
      c,
      runtime,
      request,
      receivedAt,
      {
        protocol: 'top',
        api: params.method ?? null,
        appKey: params.app_key ?? null,
        requestId: answer.requestId,
        verdict: answer.verdict,
        signature: answer.kind === 'error' ? answer.signature : undefined,
        transport: answer.transport,
      },
      { body, status, contentType: topContentTypes[format] },
    );
  });
  return app;
}
