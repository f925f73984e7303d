/**
 * The body limit of the non-protocol routes, counted on the bytes read: a declared `Content-Length` above it
 * is refused unread (Node never delivers more than it declares), a chunked or undeclared body is read up to
 * the limit and refused as soon as it passes it. A body within the limit is handed on as bytes, so the
 * handler reads it as usual.
 */
import type { Context } from 'hono';
import type { MockEnv } from './mock-env.js';
import { readWebBody } from './read-body.js';

/** `'too-large'`, `'aborted'`, or `'ok'` once `c.req.raw` holds the body read within `limit`. */
export async function readAdminBody(
  c: Context<MockEnv>,
  limit: number,
): Promise<'ok' | 'too-large' | 'aborted'> {
  const request = c.req.raw;
  if (request.body === null) return 'ok';
  const chunked = request.headers.has('transfer-encoding');
  const declared = request.headers.get('content-length');
  if (declared !== null && !chunked) return Number(declared) > limit ? 'too-large' : 'ok';
  // Chunked, or neither header (`app.request()` with a stream; served by Node that body is empty): read it.
  const body = await readWebBody(request, limit);
  if (body.kind === 'too-large' || body.kind === 'aborted') return body.kind;
  const headers = new Headers(request.headers);
  headers.delete('transfer-encoding');
  c.req.raw = new Request(request.url, {
    method: request.method,
    headers,
    body: body.kind === 'bytes' ? body.bytes : null,
  });
  return 'ok';
}
