/**
 * The first stage of both protocol endpoints: read what arrived — method, path, headers that matter, and the
 * merged parameters — from the raw Node request when there is one (the fast path) or the web Request.
 */
import type { Context } from 'hono';
import type { MockEnv } from './mock-env.js';
import { readNodeBody, readWebBody } from './read-body.js';
import { type RequestParameters, readRequestParameters } from './request-parameters.js';

export interface ProtocolRequest {
  method: string;
  path: string;
  contentType: string | null;
  acceptEncoding: string | null;
  /** Bytes of the body, or `too-large` / `aborted` when it was not read. */
  outcome: 'read' | 'too-large' | 'aborted';
  /** Set when `outcome` is `read`; for `too-large`, only the query string's parameters. */
  parameters: RequestParameters;
}

export async function readProtocolRequest(
  c: Context<MockEnv>,
  bodyLimitBytes: number,
): Promise<ProtocolRequest> {
  const incoming = c.env?.incoming;
  let rawUrl: string;
  let contentType: string | null;
  let acceptEncoding: string | null;
  if (incoming !== undefined) {
    rawUrl = incoming.url ?? '/';
    contentType = incoming.headers['content-type'] ?? null;
    acceptEncoding = headerText(incoming.headers['accept-encoding']);
  } else {
    rawUrl = c.req.url;
    contentType = c.req.raw.headers.get('content-type');
    acceptEncoding = c.req.raw.headers.get('accept-encoding');
  }
  const queryStart = rawUrl.indexOf('?');
  const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);
  const base = { method: c.req.method, path: c.req.path, contentType, acceptEncoding };

  const body =
    incoming !== undefined
      ? await readNodeBody(incoming, bodyLimitBytes)
      : await readWebBody(c.req.raw, bodyLimitBytes);
  if (body.kind === 'too-large' || body.kind === 'aborted') {
    const parameters = await readRequestParameters(rawQuery, null, { kind: 'empty' });
    parameters.notes.push(
      body.kind === 'too-large'
        ? `body larger than ${bodyLimitBytes} bytes: refused without reading it`
        : 'the client closed the connection before the body was complete',
    );
    return { ...base, outcome: body.kind, parameters };
  }
  return { ...base, outcome: 'read', parameters: await readRequestParameters(rawQuery, contentType, body) };
}

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
