import { aborted, backoffDelay, pause } from './backoff.js';
import { OptionIssues, resolveCommonOptions, type TmcCommonOptions } from './consumer-options.js';
import { consumerShell, type TmcConsumer } from './consumer-shell.js';
import { emitter } from './events.js';
import { TopicRouter } from './topic-router.js';
import { runSession } from './websocket-session.js';
import { globalWebSocket, type TmcWebSocketConstructor } from './websocket-types.js';

/** The production TMC endpoint. */
export const defaultTmcUrl = 'ws://mc.api.taobao.com/';

/** Options of {@link createTmcConsumer}. */
export interface TmcConsumerOptions extends TmcCommonOptions {
  /**
   * The TMC WebSocket URL, e.g. `ws://127.0.0.1:8787/tmc` for `@x/mock-server`.
   * @default 'ws://mc.api.taobao.com/'
   */
  readonly url?: string | undefined;
  /**
   * How often to ask for messages, in milliseconds (the server also pushes unasked).
   * @default 5000
   */
  readonly pullInterval?: number | undefined;
  /**
   * How long to wait for the CONNECTACK, in milliseconds.
   * @default 5000
   */
  readonly connectTimeout?: number | undefined;
  /** The WebSocket constructor. @default globalThis.WebSocket (Node 22+) */
  readonly WebSocket?: TmcWebSocketConstructor | undefined;
  /** The clock of the CONNECT timestamp, in epoch milliseconds. @default Date.now */
  readonly now?: (() => number) | undefined;
}

const api = 'TMC consumer';

/**
 * Creates a WebSocket TMC consumer (Node 22.12+).
 *
 * @throws {ValidationError} naming the first invalid option.
 */
export function createTmcConsumer(options: TmcConsumerOptions): TmcConsumer {
  const issues = new OptionIssues(api);
  const common = resolveCommonOptions(options, issues);
  const url = options.url ?? defaultTmcUrl;
  const WebSocket = options.WebSocket ?? globalWebSocket();
  issues
    .url('url', url, ['ws:', 'wss:'])
    .milliseconds('pullInterval', options.pullInterval)
    .milliseconds('connectTimeout', options.connectTimeout)
    .callable('now', options.now)
    .callable('WebSocket', WebSocket);
  if (WebSocket === undefined) issues.add('WebSocket', 'no global WebSocket: run on Node 22+ or pass one');
  issues.done();
  const router = new TopicRouter(api, common.confirmUnhandled);
  const emit = emitter(options.onEvent);
  const now = options.now ?? Date.now;
  let flag = 0;

  return consumerShell(router, async (signal) => {
    let attempt = 0;
    while (!aborted(signal)) {
      // A fresh flag per connect, so a late CONNECTACK of an earlier socket never matches.
      flag = (flag % 0x7fff_ffff) + 1;
      const end = await runSession(
        {
          options: common,
          url,
          WebSocket: WebSocket as TmcWebSocketConstructor,
          pullInterval: options.pullInterval ?? 5_000,
          connectTimeout: options.connectTimeout ?? 5_000,
          now,
          router,
          emit,
          flag,
        },
        signal,
      );
      if (aborted(signal)) break;
      if (end.established) attempt = 0;
      const delayMs = backoffDelay(attempt, common.reconnect, common.random);
      attempt += 1;
      emit({ type: 'reconnecting', attempt, delayMs });
      await pause(delayMs, signal);
    }
  });
}
