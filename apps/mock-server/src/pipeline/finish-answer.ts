/**
 * The last two steps of every protocol request, the same for TOP and the fw199 gateway: write the journal
 * entry (with any transport fault noted) and send the rendered answer — plainly, or through the fault's
 * transport effect (delay, drop, malformed body, proxy error).
 */
import type { Context } from 'hono';
import { deliverWithEffect, describeEffect, effectHttpStatus } from '../faults/transport-delivery.js';
import { acceptsGzip } from '../http/accept-encoding.js';
import type { MockEnv } from '../http/mock-env.js';
import type { ProtocolRequest } from '../http/protocol-request.js';
import { respond } from '../http/respond.js';
import type { MockRuntime } from '../mock-runtime.js';
import type { JournalVerdict, SignatureDiagnostic } from '../state/request-journal.js';
import type { TransportEffect } from './send-call.js';
import { withUnreadableBodyReason } from './unreadable-body.js';

/** What the journal needs to know about how a request was answered. */
export interface AnsweredRequest {
  protocol: 'top' | 'gateway';
  /** The TOP method or gateway path, when known. */
  api: string | null;
  /** The app key / appid the request named, when it named one. */
  appKey: string | null;
  /** The `request_id` / `trace_id` of the answer. */
  requestId: string;
  verdict: JournalVerdict;
  signature?: SignatureDiagnostic | undefined;
  transport?: TransportEffect | undefined;
}

/** The rendered answer. */
export interface RenderedAnswer {
  body: string;
  status: number;
  contentType: string;
}

/** Journals the request, then delivers the answer (gzip when the request accepts it). */
export function finishAnswer(
  c: Context<MockEnv>,
  runtime: MockRuntime,
  request: ProtocolRequest,
  receivedAt: number,
  answered: AnsweredRequest,
  rendered: RenderedAnswer,
): Response | Promise<Response> {
  const { params, notes, bodyBytes } = request.parameters;
  const { transport } = answered;
  runtime.journal.record(
    {
      receivedAt,
      method: request.method,
      path: request.path,
      protocol: answered.protocol,
      api: answered.api,
      appKey: answered.appKey,
      contentType: request.contentType,
      params,
      notes: transport === undefined ? notes : [...notes, describeEffect(transport)],
      verdict: withUnreadableBodyReason(answered.verdict, request.parameters.unreadableBody),
      httpStatus: transport === undefined ? rendered.status : effectHttpStatus(transport, rendered.status),
      requestId: answered.requestId,
      ...(answered.signature !== undefined ? { signature: answered.signature } : {}),
    },
    2 * bodyBytes + 1024,
  );
  const gzip = acceptsGzip(request.acceptEncoding);
  if (transport === undefined) return respond(rendered.body, rendered.status, rendered.contentType, gzip);
  return deliverWithEffect(c, transport, { ...rendered, gzip });
}
