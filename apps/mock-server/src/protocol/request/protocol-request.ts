/**
 * The first stage of both protocol endpoints: read what arrived — method, headers that matter, and the merged
 * parameters — from the raw Node request when there is one (the fast path) or the web Request.
 */
import type { Context } from 'hono';
import type { MockEnv } from '../../serve/mock-env.js';
import { readNodeBody, readWebBody } from '../../serve/read-body.js';
import { type RequestParameters, readRequestParameters } from './request-parameters.js';

export interface ProtocolRequest {
  method: string;
  path: string;
  contentType: string | null;
  acceptEncoding: string | null;
  /** `too-large` and `aborted` bodies were not read: `parameters` then holds the query string's only. */
  outcome: 'read' | 'too-large' | 'aborted';
  parameters: RequestParameters;
}

/** `path` is the route's own (known to the caller, cheaper than asking Hono to cut it out of the URL). */
export async function readProtocolRequest(
  c: Context<MockEnv>,
  path: string,
  bodyLimitBytes: number,
): Promise<ProtocolRequest> {
  const incoming = c.env?.incoming;
  let method: string;
  let rawUrl: string;
  let contentType: string | null;
  let acceptEncoding: string | null;
  if (incoming !== undefined) {
    method = incoming.method ?? 'GET';
    rawUrl = incoming.url ?? '/';
    contentType = incoming.headers['content-type'] ?? null;
    acceptEncoding = headerText(incoming.headers['accept-encoding']);
  } else {
    method = c.req.method;
    rawUrl = c.req.url;
    contentType = c.req.raw.headers.get('content-type');
    acceptEncoding = c.req.raw.headers.get('accept-encoding');
  }
  const queryStart = rawUrl.indexOf('?');
  const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);

  // Each step is awaited only when it has to wait: an await of a ready value still costs a microtask turn.
  const reading =
    incoming !== undefined ? readNodeBody(incoming, bodyLimitBytes) : readWebBody(c.req.raw, bodyLimitBytes);
  const body = reading instanceof Promise ? await reading : reading;
  if (body.kind === 'too-large' || body.kind === 'aborted') {
    const parameters = readRequestParameters(rawQuery, null, { kind: 'empty' }) as RequestParameters;
    parameters.notes.push(
      body.kind === 'too-large'
        ? `body larger than ${bodyLimitBytes} bytes: refused without reading it`
        : 'the client closed the connection before the body was complete',
    );
    return { method, path, contentType, acceptEncoding, outcome: body.kind, parameters };
  }
  const parsing = readRequestParameters(rawQuery, contentType, body);
  const parameters = parsing instanceof Promise ? await parsing : parsing;
  return { method, path, contentType, acceptEncoding, outcome: 'read', parameters };
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
