/**
 * Host names are case-insensitive, but @hono/node-server refuses a `Host` that URL parsing changes
 * (`LOCALHOST:8787` becomes `localhost:8787`) with a bare 400. The header is lower-cased before any handler
 * sees it, so every endpoint answers `LOCALHOST:8787` as it answers `localhost:8787`.
 */
import type { RequestListener } from 'node:http';

const upperCase = /[A-Z]/;

export function withLowerCaseHost(listener: RequestListener): RequestListener {
  return (incoming, outgoing) => {
    const host = incoming.headers.host;
    if (host !== undefined && upperCase.test(host)) incoming.headers.host = host.toLowerCase();
    listener(incoming, outgoing);
  };
}
