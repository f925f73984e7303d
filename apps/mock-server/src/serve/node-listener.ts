/**
 * The served hot path: `GET|POST` on a protocol endpoint goes from the Node request straight to the route's
 * own Hono handler, skipping what only costs time there — the web `Request` @hono/node-server builds for every
 * request (a `URL` parse, header copies, a close listener), Hono's per-request route lookup, and the
 * `Response` round trip on the way out. Everything else, and anything this path does not recognise, goes
 * through @hono/node-server and Hono as before.
 *
 * Faithful by construction: the handler that runs is the one Hono's router returns for that method and path,
 * looked up once — and only when it is the sole handler (no middleware) — with a `Context` built the way Hono
 * builds it (`c.env` holds the Node request and response, `c.req` a request view of the same Node request).
 * Its errors go to the app's `onError`, as in Hono. Its answer is written as @hono/node-server writes it:
 * status, headers, `Content-Length`, body — together with the turn's other answers (answer-batch.ts).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { Context, type ErrorHandler, type Hono } from 'hono';
import { answerParts } from '../protocol/answer/answer.js';
import { writeAtTurnEnd } from './answer-batch.js';
import type { MockEnv } from './mock-env.js';

type Handler = (context: Context<MockEnv>, next: () => Promise<void>) => Response | Promise<Response>;
type MatchResult = ReturnType<Hono<MockEnv>['router']['match']>;

interface FastRoute {
  path: string;
  handler: Handler;
  matchResult: MatchResult;
}

/**
 * Wraps @hono/node-server's listener (`viaHono`) with the fast path for `paths`. Routes are looked up on the
 * first request (by then every route is registered; Hono's own router builds its matcher then too).
 */
export function withProtocolFastPath(
  app: Hono<MockEnv>,
  paths: readonly string[],
  viaHono: RequestListener,
): RequestListener {
  let routes: { GET: Map<string, FastRoute>; POST: Map<string, FastRoute> } | undefined;
  const requestPrototype = Object.create(globalThis.Request.prototype) as object;
  const { constructor: _constructor, ...members } = Object.getOwnPropertyDescriptors(
    NodeRequestView.prototype,
  );
  Object.defineProperties(requestPrototype, members);
  const nextUnused = async () => {
    throw new Error('@x/mock-server: a protocol handler called next()');
  };

  return (incoming, outgoing) => {
    const method = incoming.method;
    const url = incoming.url;
    if ((method === 'POST' || method === 'GET') && url !== undefined) {
      routes ??= lookUpRoutes(app, paths);
      const queryStart = url.indexOf('?');
      const route = routes[method].get(queryStart === -1 ? url : url.slice(0, queryStart));
      if (route !== undefined && hasPlainHost(incoming)) {
        const request = Object.create(requestPrototype) as NodeRequestView;
        request.incoming = incoming;
        request.outgoing = outgoing;
        const context = new Context<MockEnv>(request as unknown as Request, {
          path: route.path,
          matchResult: route.matchResult,
          env: { incoming, outgoing },
        });
        let answer: Response | Promise<Response>;
        try {
          answer = route.handler(context, nextUnused);
        } catch (error) {
          answer = onHandlerError(app, error, context);
        }
        if (answer instanceof Promise) {
          answer.then(
            (response) => writeAnswer(app, response, context, outgoing),
            (error: unknown) => writeAnswer(app, onHandlerError(app, error, context), context, outgoing),
          );
        } else {
          writeAnswer(app, answer, context, outgoing);
        }
        return;
      }
    }
    viaHono(incoming, outgoing);
  };
}

/** For each path and method, the handler Hono would run — when it would run that one handler and nothing else. */
function lookUpRoutes(
  app: Hono<MockEnv>,
  paths: readonly string[],
): { GET: Map<string, FastRoute>; POST: Map<string, FastRoute> } {
  const routes = { GET: new Map<string, FastRoute>(), POST: new Map<string, FastRoute>() };
  for (const path of paths) {
    for (const method of ['GET', 'POST'] as const) {
      const matchResult = app.router.match(method, path);
      const matched = matchResult[0];
      if (matched.length !== 1) continue; // middleware in front, or no route: Hono's dispatch decides
      const handler = (matched[0] as unknown as [[Handler, unknown], unknown])[0][0];
      routes[method].set(path, { path, handler, matchResult });
    }
  }
  return routes;
}

/**
 * @hono/node-server refuses a request without a `Host` header, or with one that does not survive URL parsing
 * unchanged (400). Such requests take its path, so they get its answer; a host seen once is remembered.
 */
const plainHosts = new Map<string, boolean>();
function hasPlainHost(incoming: IncomingMessage): boolean {
  const host = incoming.headers.host;
  if (host === undefined || host === '') return false;
  let plain = plainHosts.get(host);
  if (plain === undefined) {
    try {
      const parsed = new URL(`http://${host}/`);
      // Lower case, no default port: the URL keeps it as it is, so @hono/node-server's check passes.
      plain = parsed.host === host && /^[a-z0-9.:[\]-]+$/.test(host);
    } catch {
      plain = false;
    }
    if (plainHosts.size > 100) plainHosts.clear();
    plainHosts.set(host, plain);
  }
  return plain;
}

/** Hono's `#handleError`: an Error goes to the app's `onError`; anything else is rethrown (a bare 500). */
function onHandlerError(
  app: Hono<MockEnv>,
  error: unknown,
  context: Context<MockEnv>,
): Response | Promise<Response> {
  // `errorHandler` is what `app.onError()` sets (private in Hono's types, public at run time).
  if (error instanceof Error)
    return (app as unknown as { errorHandler: ErrorHandler<MockEnv> }).errorHandler(error, context);
  throw error;
}

function writeAnswer(
  app: Hono<MockEnv>,
  answer: Response | Promise<Response> | undefined,
  context: Context<MockEnv>,
  outgoing: ServerResponse,
): void {
  if (answer instanceof Promise) {
    answer.then(
      (response) => writeAnswer(app, response, context, outgoing),
      () => writeBareStatus(outgoing, 500),
    );
    return;
  }
  if (!answer) {
    // Hono would ask the not-found handler; a protocol handler always answers, so this is a bug of ours.
    let fallback: Response | Promise<Response>;
    try {
      fallback = onHandlerError(app, new Error('a protocol handler returned no Response'), context);
    } catch {
      writeBareStatus(outgoing, 500);
      return;
    }
    writeAnswer(app, fallback, context, outgoing);
    return;
  }
  const parts = answerParts(answer);
  if (parts !== undefined) {
    writeAtTurnEnd(outgoing, parts);
    return;
  }
  writeWebResponse(answer, outgoing).catch(() => writeBareStatus(outgoing, 500));
}

/** Any other Response (a 405, a proxy error page, the already-sent marker): headers as @hono/node-server builds them. */
async function writeWebResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[] | number> = {};
  const cookies: string[] = [];
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') cookies.push(value);
    else headers[name] = value;
  }
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-type'] ??= 'text/plain; charset=UTF-8';
  if (headers['x-hono-already-sent']) return; // the handler answered (or closed) the connection itself
  if (response.body === null) {
    outgoing.writeHead(response.status, headers);
    outgoing.end();
    return;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  if (!('content-length' in headers)) headers['content-length'] = body.byteLength;
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

function writeBareStatus(outgoing: ServerResponse, status: number): void {
  if (outgoing.headersSent) {
    outgoing.destroy();
    return;
  }
  outgoing.writeHead(status, { 'content-type': 'text/plain; charset=UTF-8' });
  outgoing.end();
}

const nativeRequest = globalThis.Request;

/**
 * `c.req.raw` on the fast path: the Node request seen as a web `Request`, as @hono/node-server's own
 * lightweight request does — method, URL and headers read lazily from the Node request; anything about the
 * body builds a full `Request` over it. (The protocol handlers read the body from `c.env.incoming`.)
 */
class NodeRequestView {
  declare incoming: IncomingMessage;
  declare outgoing: ServerResponse;
  declare cachedUrl: string | undefined;
  declare cachedHeaders: Headers | undefined;
  declare abortController: AbortController | undefined;
  declare fullRequest: Request | undefined;

  get method(): string {
    return this.incoming.method ?? 'GET';
  }

  get url(): string {
    this.cachedUrl ??= new URL(`http://${this.incoming.headers.host}${this.incoming.url ?? '/'}`).href;
    return this.cachedUrl;
  }

  get headers(): Headers {
    if (this.cachedHeaders === undefined) {
      const entries: [string, string][] = [];
      const raw = this.incoming.rawHeaders;
      for (let index = 0; index < raw.length; index += 2) {
        const name = raw[index] as string;
        if (name.charCodeAt(0) !== 0x3a) entries.push([name, raw[index + 1] as string]);
      }
      this.cachedHeaders = new Headers(entries);
    }
    return this.cachedHeaders;
  }

  get signal(): AbortSignal {
    if (this.abortController === undefined) {
      const controller = new AbortController();
      this.abortController = controller;
      const outgoing = this.outgoing;
      const incoming = this.incoming;
      outgoing.once('close', () => {
        if (incoming.errored) controller.abort(incoming.errored.toString());
        else if (!outgoing.writableFinished) controller.abort('Client connection prematurely closed.');
      });
    }
    return this.abortController.signal;
  }

  /** The full web Request, built once, over the same Node request (its body as a web stream). */
  toRequest(): Request {
    if (this.fullRequest === undefined) {
      const method = this.method;
      const init: RequestInit & { duplex?: 'half' } = { method, headers: this.headers, signal: this.signal };
      if (method !== 'GET' && method !== 'HEAD') {
        init.body = Readable.toWeb(this.incoming) as ReadableStream;
        init.duplex = 'half';
      }
      this.fullRequest = new nativeRequest(this.url, init);
    }
    return this.fullRequest;
  }
}

for (const name of [
  'body',
  'bodyUsed',
  'cache',
  'credentials',
  'destination',
  'integrity',
  'mode',
  'redirect',
  'referrer',
  'referrerPolicy',
  'keepalive',
] as const) {
  Object.defineProperty(NodeRequestView.prototype, name, {
    get(this: NodeRequestView) {
      return this.toRequest()[name];
    },
  });
}
for (const name of ['arrayBuffer', 'blob', 'clone', 'formData', 'json', 'text'] as const) {
  Object.defineProperty(NodeRequestView.prototype, name, {
    value(this: NodeRequestView) {
      const request = this.toRequest();
      return (request[name] as () => unknown).call(request);
    },
  });
}
