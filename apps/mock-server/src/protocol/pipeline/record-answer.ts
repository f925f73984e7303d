/**
 * The last two steps of every protocol request, the same for TOP and the fw199 gateway: write the journal
 * entry (with any transport fault noted) and build the answer — plainly, or as the fault's transport effect
 * changes it (delay, drop, malformed body, proxy error).
 */
import type { JournalVerdict, RequestJournal, SignatureDiagnostic } from '../../state/request-journal.js';
import { type Answer, platformAnswer } from '../answer/answer.js';
import { answerWithEffect, describeEffect, effectHttpStatus } from '../answer/transport-effect.js';
import { acceptsGzip } from '../request/accept-encoding.js';
import type { ProtocolRequest, ReadRequest } from '../request/protocol-request.js';
import type { TransportEffect } from './call/send-call.js';
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

/** Journals the request, then builds the answer (gzip when the request accepts it). */
export function finishAnswer(
  journal: RequestJournal,
  request: ProtocolRequest,
  read: ReadRequest,
  answered: AnsweredRequest,
  rendered: RenderedAnswer,
): Answer {
  const { params, notes, bodyBytes } = read.parameters;
  const { transport } = answered;
  journal.record(
    {
      receivedAt: request.receivedAt,
      method: request.method,
      path: request.path,
      protocol: answered.protocol,
      api: answered.api,
      appKey: answered.appKey,
      contentType: request.contentType,
      params,
      notes: transport === undefined ? notes : [...notes, describeEffect(transport)],
      verdict: withUnreadableBodyReason(answered.verdict, read.parameters.unreadableBody),
      httpStatus: transport === undefined ? rendered.status : effectHttpStatus(transport, rendered.status),
      requestId: answered.requestId,
      ...(answered.signature !== undefined ? { signature: answered.signature } : {}),
    },
    2 * bodyBytes + 1024,
  );
  const gzip = acceptsGzip(request.acceptEncoding);
  if (transport === undefined)
    return platformAnswer(rendered.body, rendered.status, rendered.contentType, gzip);
  return answerWithEffect(transport, { ...rendered, gzip });
}
