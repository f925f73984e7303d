/**
 * Builds protocol answers. A plain-object header map and a string or byte body keep @hono/node-server on its
 * fast path (no Headers object, no web stream).
 */
import { gzipSync } from 'node:zlib';

export function respond(body: string, status: number, contentType: string, gzip: boolean): Response {
  if (gzip) {
    return new Response(gzipSync(body), {
      status,
      headers: { 'content-type': contentType, 'content-encoding': 'gzip', vary: 'Accept-Encoding' },
    });
  }
  return new Response(body, { status, headers: { 'content-type': contentType, vary: 'Accept-Encoding' } });
}
