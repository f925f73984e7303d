/**
 * What the protocol core is asked: what arrived, already read by an adapter — the method, the path and raw
 * query, the headers the protocols read, the body bytes (read within the body limit) and when it arrived.
 * Both adapters build the same `ProtocolRequest` for the same bytes, so the core answers them alike.
 */
import type { RequestBody } from './request-body.js';
import { type RequestParameters, readRequestParameters } from './request-parameters.js';

export interface ProtocolRequest {
  /** The HTTP method as received (`HEAD` too: it must not send, and record, a message). */
  readonly method: string;
  /** The endpoint's path. */
  readonly path: string;
  /** The raw query string after `?`, not decoded; `''` when there is none. */
  readonly query: string;
  /** The `Content-Type` header, or null. */
  readonly contentType: string | null;
  /** The `Accept-Encoding` header (repeated headers joined with `, `), or null. */
  readonly acceptEncoding: string | null;
  readonly body: RequestBody;
  /** When it arrived, epoch milliseconds on the mock's clock (taken before the body was read). */
  readonly receivedAt: number;
}

/** The parameters of a request whose body was read; those of the query alone when it was not. */
export interface ReadRequest {
  outcome: 'read' | 'too-large' | 'aborted';
  parameters: RequestParameters;
}

/** Merges the query and the body into the flat parameter map the protocols work on. */
export async function readParameters(request: ProtocolRequest): Promise<ReadRequest> {
  const { body } = request;
  if (body.kind === 'too-large' || body.kind === 'aborted') {
    const parameters = readRequestParameters(request.query, null, { kind: 'empty' });
    parameters.notes.push(
      body.kind === 'too-large'
        ? `body larger than ${body.limit} bytes: refused without reading it`
        : 'the client closed the connection before the body was complete',
    );
    return { outcome: body.kind, parameters };
  }
  return {
    outcome: 'read',
    parameters: readRequestParameters(request.query, request.contentType, body),
  };
}
