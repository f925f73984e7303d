import { redactText } from '@x/core';
import { signTmcConnect } from './connect-sign.js';
import type { ResolvedCommonOptions } from './consumer-options.js';
import { TmcConnectError, type TmcEventListener } from './events.js';
import { messageFromFrame, messageKind, type TmcMessage } from './message.js';
import type { TopicRouter } from './topic-router.js';
import { socketOpen, type TmcWebSocket, type TmcWebSocketConstructor } from './websocket-types.js';
import { decodeFrame } from './wire/frame-decode.js';
import { encodeFrame } from './wire/frame-encode.js';
import { TMC_MESSAGE_KIND, TMC_MESSAGE_TYPE, type TmcFrame, type TmcValue } from './wire/frame-types.js';
import { byteValue, int64Value, stringValue } from './wire/frame-values.js';

/** What one session needs. */
export interface SessionContext {
  readonly options: ResolvedCommonOptions;
  readonly url: string;
  readonly WebSocket: TmcWebSocketConstructor;
  readonly pullInterval: number;
  readonly connectTimeout: number;
  readonly now: () => number;
  readonly router: TopicRouter;
  readonly emit: TmcEventListener;
  /** The CONNECT flag of this session (CONNECTACK must echo it). */
  readonly flag: number;
}

/** How a session ended. */
export interface SessionEnd {
  /** Whether the server accepted the CONNECT (a later drop then restarts the backoff). */
  readonly established: boolean;
}

/**
 * One WebSocket session: CONNECT, CONNECTACK check, pulls on an interval, each message handed to its
 * handler in arrival order and confirmed or failed after. Resolves when the socket closes, or when `signal`
 * aborts and the message in hand is finished (messages not yet started are left unconfirmed: they come back).
 */
export function runSession(context: SessionContext, signal: AbortSignal | undefined): Promise<SessionEnd> {
  const { options, emit } = context;
  return new Promise((resolve) => {
    const socket: TmcWebSocket = new context.WebSocket(context.url);
    socket.binaryType = 'arraybuffer';
    let token: string | undefined;
    let stopping = false;
    let ended = false;
    let work: Promise<void> = Promise.resolve();
    let pullTimer: ReturnType<typeof setInterval> | undefined;
    const ackTimer = setTimeout(() => {
      emit({
        type: 'connect-failed',
        error: new TmcConnectError('no-ack', `no CONNECTACK in ${context.connectTimeout} ms`),
      });
      end();
    }, context.connectTimeout);

    const send = (frame: TmcFrame) => {
      if (socket.readyState === socketOpen) socket.send(encodeFrame(frame));
    };
    const sendKind = (kind: number, headers: [string, TmcValue][] = []) =>
      send({
        messageType: TMC_MESSAGE_TYPE.send,
        token,
        headers: new Map<string, TmcValue>([['__kind', byteValue(kind)], ...headers]),
      });
    const end = () => {
      if (ended) return;
      ended = true;
      clearTimeout(ackTimer);
      clearInterval(pullTimer);
      signal?.removeEventListener('abort', stop);
      socket.close(1000);
      void work.then(() => resolve({ established: token !== undefined }));
    };
    const stop = () => {
      stopping = true;
      clearInterval(pullTimer);
      void work.then(end);
    };

    const accept = (ack: TmcFrame) => {
      const refused = (ack.statusCode ?? 0) > 0 || ack.statusPhrase !== undefined;
      let error: TmcConnectError | undefined;
      if (refused) {
        const phrase = ack.statusPhrase === undefined ? undefined : redactText(ack.statusPhrase);
        error = new TmcConnectError('refused', `status ${ack.statusCode ?? 0} ${phrase ?? ''}`.trim(), {
          ...(ack.statusCode === undefined ? {} : { code: ack.statusCode }),
          ...(phrase === undefined ? {} : { phrase }),
        });
      } else if (ack.flag !== context.flag) {
        error = new TmcConnectError('bad-ack', 'the CONNECTACK does not echo the CONNECT flag');
      } else if (ack.token === undefined || ack.token === '') {
        error = new TmcConnectError('bad-ack', 'the CONNECTACK carries no token');
      }
      if (error !== undefined) {
        emit({ type: 'connect-failed', error });
        end();
        return;
      }
      clearTimeout(ackTimer);
      token = ack.token;
      emit({ type: 'connected' });
      sendKind(TMC_MESSAGE_KIND.pull);
      pullTimer = setInterval(() => sendKind(TMC_MESSAGE_KIND.pull), context.pullInterval);
    };

    const settle = async (message: TmcMessage) => {
      if (stopping || ended) return;
      const outcome = await context.router.handle(message);
      const id: [string, TmcValue] = ['id', int64Value(message.id)];
      if (outcome.confirm) {
        sendKind(TMC_MESSAGE_KIND.confirm, [id]);
        return;
      }
      emit({ type: 'message-failed', messageId: message.id, topic: message.topic, error: outcome.error });
      sendKind(TMC_MESSAGE_KIND.fail, [id, ['msg', stringValue(outcome.reason)]]);
    };

    const receive = (data: unknown) => {
      if (ended) return;
      const bytes = binaryOf(data);
      if (bytes === undefined) return emit({ type: 'frame-rejected', reason: 'not a binary message' });
      let frame: TmcFrame;
      try {
        frame = decodeFrame(bytes);
      } catch (error) {
        return emit({ type: 'frame-rejected', reason: (error as Error).message });
      }
      if (token === undefined) {
        if (frame.messageType === TMC_MESSAGE_TYPE.connectAck) return accept(frame);
        return emit({ type: 'frame-rejected', reason: 'a frame before the CONNECTACK' });
      }
      if (frame.messageType !== TMC_MESSAGE_TYPE.send || messageKind(frame) !== TMC_MESSAGE_KIND.data) return;
      if (frame.token !== token)
        return emit({ type: 'frame-rejected', reason: 'a data frame with a wrong token' });
      let message: TmcMessage;
      try {
        message = messageFromFrame(frame);
      } catch (error) {
        return emit({ type: 'frame-rejected', reason: (error as Error).message });
      }
      work = work.then(() => settle(message));
    };

    socket.addEventListener('open', () => {
      const timestamp = String(context.now());
      const identity = { appKey: options.appKey, groupName: options.groupName, timestamp };
      send({
        messageType: TMC_MESSAGE_TYPE.connect,
        flag: context.flag,
        headers: new Map<string, TmcValue>([
          ['app_key', stringValue(options.appKey)],
          ['group_name', stringValue(options.groupName)],
          ['timestamp', stringValue(timestamp)],
          ['sign', stringValue(signTmcConnect(identity, options.appSecret))],
          ['sdk', stringValue('@x/taobao-tmc')],
        ]),
      });
    });
    socket.addEventListener('message', (event) => receive(event.data));
    socket.addEventListener('close', (event) => {
      if (ended) return;
      if (token === undefined)
        emit({
          type: 'connect-failed',
          error: new TmcConnectError('closed-before-ack', 'the socket closed'),
        });
      else emit({ type: 'disconnected', code: event.code });
      end();
    });
    // A WebSocket error is always followed by a close event, which ends the session.
    socket.addEventListener('error', () => {});
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}

function binaryOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}
