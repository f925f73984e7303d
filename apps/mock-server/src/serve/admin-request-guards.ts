/**
 * Guards for every route that is not a protocol endpoint — the `/__mock` API and the inbox page — which a
 * browser on the same machine can reach:
 * - `Host` must name this mock (a loopback name or address, any IP address, the host it is bound to), compared
 *   case-insensitively: a name that resolves here by DNS rebinding cannot read the journal. With an admin token,
 *   a request that carries it may use any name.
 * - A state change (anything but GET/HEAD/OPTIONS) is refused when the browser says it comes from another site
 *   (`Sec-Fetch-Site: cross-site`, or an `Origin` that is neither loopback nor this host): a page elsewhere
 *   cannot POST `text/plain` JSON to `/__mock/faults`.
 * - With `adminToken`, every request needs `Authorization: Bearer <token>` (or Basic authentication with the
 *   token as the password, which a browser asks for by itself), except `GET /__mock/health`.
 * - A body is read up to 64 KiB, counted on the bytes read (chunked bodies too).
 * The protocol endpoints are not guarded: SDKs send whatever host they were configured with.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { hostname as machineName } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { readAdminBody } from './admin-body-limit.js';
import type { MockEnv } from './mock-env.js';

/** Largest body a non-protocol route reads. */
export const adminBodyLimitBytes = 64 * 1024;

export interface AdminGuardOptions {
  /** The host the mock is bound to (`--host`). */
  boundHost: string;
  adminToken: string | undefined;
}

const wildcardHosts = new Set(['0.0.0.0', '::', '[::]', '']);
const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function adminRequestGuards(options: AdminGuardOptions): MiddlewareHandler<MockEnv> {
  const bound = hostnameOf(
    options.boundHost.includes(':') && !options.boundHost.startsWith('[')
      ? `[${options.boundHost}]`
      : options.boundHost,
  );
  const wildcard = wildcardHosts.has(bound);
  const ownName = wildcard ? machineName().toLowerCase() : bound;
  const tokenDigest = options.adminToken === undefined ? undefined : digest(options.adminToken);

  return async (c, next) => {
    const authorized = tokenDigest !== undefined && carriesToken(c.req.header('authorization'), tokenDigest);
    if (tokenDigest !== undefined && !authorized && !isHealthCheck(c)) {
      const answer = refuse(c, 401, 'unauthorized', 'send Authorization: Bearer <admin token>');
      answer.headers.set('www-authenticate', 'Basic realm="x-mock-server", charset="UTF-8"');
      return answer;
    }
    const host = hostnameOf(c.req.header('host') ?? new URL(c.req.url).host);
    if (!authorized && !isLoopback(host) && !isIpAddress(host) && host !== bound && host !== ownName) {
      return refuse(
        c,
        403,
        'host not allowed',
        `Host ${JSON.stringify(host)} is not a name this mock listens on (a loopback name, an IP address, or ${JSON.stringify(bound)}); start it with --admin-token and send the token to use other names`,
      );
    }
    if (!readOnlyMethods.has(c.req.method)) {
      const crossSite = crossSiteProblem(c.req.header('sec-fetch-site'), c.req.header('origin'), host, bound);
      if (crossSite !== undefined) return refuse(c, 403, 'cross-site request refused', crossSite);
    }
    const body = await readAdminBody(c, adminBodyLimitBytes);
    if (body === 'too-large') {
      return refuse(c, 413, 'body too large', `the body must be at most ${adminBodyLimitBytes} bytes`);
    }
    if (body === 'aborted') return new Response(null, { status: 400 }); // nobody is left to read it
    return next();
  };
}

function refuse(c: Context<MockEnv>, status: 401 | 403 | 413, error: string, problem: string): Response {
  return c.json({ error, problems: [problem] }, status);
}

function isHealthCheck(c: Context<MockEnv>): boolean {
  return (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.path === '/__mock/health';
}

/** Why a state change looks like it comes from another site, or undefined. */
function crossSiteProblem(
  fetchSite: string | undefined,
  origin: string | undefined,
  host: string,
  bound: string,
): string | undefined {
  if (fetchSite === 'cross-site') {
    return 'the browser says the request comes from another site (Sec-Fetch-Site: cross-site)';
  }
  if (origin === undefined) return undefined; // curl, scripts, SDKs: no browser involved
  let originHost: string;
  try {
    originHost = new URL(origin).hostname.toLowerCase();
  } catch {
    return `the request comes from another site (Origin ${JSON.stringify(origin)})`;
  }
  if (isLoopback(originHost) || originHost === host || originHost === bound) return undefined;
  return `the request comes from another site (Origin ${JSON.stringify(origin)})`;
}

/** `LOCALHOST:8787` → `localhost`, `[::1]:8787` → `[::1]`, a trailing dot dropped. */
function hostnameOf(host: string): string {
  const lowered = host.trim().toLowerCase();
  if (lowered.startsWith('[')) {
    const end = lowered.indexOf(']');
    return end === -1 ? lowered : lowered.slice(0, end + 1);
  }
  const colon = lowered.lastIndexOf(':');
  const name = colon === -1 ? lowered : lowered.slice(0, colon);
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

function isLoopback(name: string): boolean {
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '[::1]' ||
    (isIP(name) === 4 && name.startsWith('127.'))
  );
}

/** An address, not a name: DNS rebinding needs a name, so an address is never one. */
function isIpAddress(name: string): boolean {
  return isIP(name) === 4 || (name.startsWith('[') && name.endsWith(']') && isIP(name.slice(1, -1)) === 6);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `Bearer <token>`, or `Basic base64(<anyone>:<token>)`; compared in constant time. */
function carriesToken(authorization: string | undefined, tokenDigest: Buffer): boolean {
  if (authorization === undefined) return false;
  const space = authorization.indexOf(' ');
  if (space === -1) return false;
  const scheme = authorization.slice(0, space).toLowerCase();
  const credentials = authorization.slice(space + 1).trim();
  let presented: string;
  if (scheme === 'bearer') presented = credentials;
  else if (scheme === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    presented = decoded.slice(decoded.indexOf(':') + 1);
  } else return false;
  return timingSafeEqual(digest(presented), tokenDigest);
}
