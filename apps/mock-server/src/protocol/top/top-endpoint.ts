/**
 * @module The TOP gateway: `GET|POST /router/rest`. Reads the parameters (query + form or multipart body),
 * runs the call through the pipeline, journals it, and renders the answer as the platform does — HTTP 200 for
 * errors too, JSON or XML by `format`, gzip only when asked.
 */
import { topRequestId } from '../../state/identifiers.js';
import { type Answer, bareAnswer } from '../answer/answer.js';
import { requestTooLarge } from '../errors/top-errors.js';
import { finishAnswer } from '../pipeline/record-answer.js';
import { type ProtocolRequest, readParameters } from '../request/protocol-request.js';
import type { MockRuntime } from '../runtime/mock-runtime.js';
import { renderTopAnswer } from '../tmc/tmc-top-answer.js';
import { answerTopCall, errorAnswer, type TopAnswer } from './top-call.js';
import { renderTopError, renderTopSuccess, type TopFormat, topContentTypes } from './top-envelope.js';

export const topPath = '/router/rest';

/** The answer to one request on `/router/rest`. */
export async function answerTopRequest(request: ProtocolRequest, runtime: MockRuntime): Promise<Answer> {
  // The method as received: a HEAD must not send — and record — a message.
  if (request.method !== 'GET' && request.method !== 'POST') {
    // Only GET and POST are TOP; anything else gets a bare 405 (no platform document covers it).
    return bareAnswer(405, { allow: 'GET, POST' });
  }
  const read = await readParameters(request);
  if (read.outcome === 'aborted') return bareAnswer(400);
  const { params } = read.parameters;
  const format: TopFormat = params.format === 'json' ? 'json' : 'xml';

  let answer: TopAnswer;
  let status = 200;
  if (read.outcome === 'too-large') {
    answer = errorAnswer(
      topRequestId(),
      requestTooLarge(runtime.config.bodyLimitBytes),
      'request body too large',
    );
    status = 413;
  } else {
    answer = await answerTopCall(params, read.parameters.bodyBytes, runtime, request.receivedAt);
  }

  const simplify = params.simplify === 'true';
  const body =
    answer.kind === 'success'
      ? renderTopSuccess(answer.responseKey, answer.fields, format, simplify)
      : answer.kind === 'structured'
        ? renderTopAnswer(answer.responseKey, answer.fields, format, simplify)
        : renderTopError(answer.error, answer.requestId, format);
  return finishAnswer(
    runtime.journal,
    request,
    read,
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
}
