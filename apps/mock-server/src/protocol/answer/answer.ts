/**
 * Builds protocol answers. A plain-object header map and a string or byte body keep @hono/node-server on its
 * fast path (no Headers object, no web stream); the same parts ride along on the Response, so the served fast
 * path (node-fast-path.ts) writes them without reading the Response back.
 */
import { gzipSync } from 'node:zlib';

/** What an answer is made of: written as-is by the fast path. */
export interface AnswerParts {
  status: number;
  body: string | Uint8Array;
  /** Plain lower-case header names; the writer adds `Content-Length`. */
  headers: Record<string, string | number>;
}

const partsKey = Symbol('answerParts');
type ResponseWithParts = Response & { [partsKey]?: AnswerParts };

export function respond(body: string, status: number, contentType: string, gzip: boolean): Response {
  const payload = gzip ? gzipSync(body) : body;
  const headers: Record<string, string | number> = gzip
    ? { 'content-type': contentType, 'content-encoding': 'gzip', vary: 'Accept-Encoding' }
    : { 'content-type': contentType, vary: 'Accept-Encoding' };
  const response: ResponseWithParts = new Response(payload, {
    status,
    headers: headers as Record<string, string>,
  });
  response[partsKey] = { status, body: payload, headers };
  return response;
}

/** The parts of an answer built by `respond`, or undefined for any other Response. */
export function answerParts(response: Response): AnswerParts | undefined {
  return (response as ResponseWithParts)[partsKey];
}
