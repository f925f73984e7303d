/**
 * A WebSocket double that plays the server's side in unit tests: it records what the consumer sends
 * (decoded) and lets the test open, answer and drop the connection.
 */

import type { TmcWebSocket, TmcWebSocketConstructor } from '../websocket-types.js';
import { decodeFrame } from '../wire/frame-decode.js';
import { encodeFrame } from '../wire/frame-encode.js';
import { TMC_MESSAGE_KIND, type TmcFrame, type TmcValue } from '../wire/frame-types.js';
import { byteValue, int64Value, stringValue } from '../wire/frame-values.js';

type Listener = (event: { readonly data: unknown; readonly code?: number }) => void;

/** Every socket a test's consumer created, in order. */
export class FakeSocketServer {
  readonly sockets: FakeSocket[] = [];

  /** The constructor to pass as the `WebSocket` option: `new` on it returns a new {@link FakeSocket}. */
  readonly WebSocket: TmcWebSocketConstructor;

  constructor() {
    const sockets = this.sockets;
    // A plain function called with `new` returns the object it returns, here the recorded socket.
    this.WebSocket = function createSocket(url: string) {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    } as unknown as TmcWebSocketConstructor;
  }

  /** The most recent socket. */
  get latest(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (socket === undefined) throw new Error('no socket was created');
    return socket;
  }
}

/** One connection, as the server sees it. */
export class FakeSocket implements TmcWebSocket {
  binaryType = 'blob';
  readyState = 0;
  /** Frames the consumer sent, decoded. */
  readonly sent: TmcFrame[] = [];
  closedWith: number | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(readonly url: string) {}

  send(data: Uint8Array): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(decodeFrame(data));
  }

  close(code?: number): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedWith = code;
    queueMicrotask(() => this.dispatch('close', { data: undefined, code: code ?? 1005 }));
  }

  addEventListener(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  /** The server accepts the TCP/WebSocket connection. */
  open(): void {
    this.readyState = 1;
    this.dispatch('open', { data: undefined });
  }

  /** The server sends a frame (as an ArrayBuffer, as `binaryType = 'arraybuffer'` delivers). */
  push(frame: TmcFrame): void {
    this.dispatch('message', { data: encodeFrame(frame).buffer });
  }

  /** The server sends raw data. */
  pushRaw(data: unknown): void {
    this.dispatch('message', { data });
  }

  /** The CONNECT the consumer sent. */
  get connect(): TmcFrame {
    const frame = this.sent.find((sent) => sent.messageType === 0);
    if (frame === undefined) throw new Error('no CONNECT was sent');
    return frame;
  }

  /** Answers the CONNECT with a CONNECTACK echoing its flag and carrying `token`. */
  acknowledge(token = 'session-token'): void {
    this.push({ messageType: 1, flag: this.connect.flag, token, headers: new Map() });
  }

  /** Pushes a data message. */
  deliver(
    message: { id: bigint; topic: string; content: string | Uint8Array },
    token = 'session-token',
  ): void {
    const content: TmcValue =
      typeof message.content === 'string'
        ? stringValue(message.content)
        : { format: 'bytes', value: message.content };
    this.push({
      messageType: 2,
      token,
      headers: new Map<string, TmcValue>([
        ['__kind', byteValue(TMC_MESSAGE_KIND.data)],
        ['id', int64Value(message.id)],
        ['topic', stringValue(message.topic)],
        ['content', content],
        ['time', { format: 'date', value: 1_700_000_000_000n }],
        ['publisher', stringValue('4272')],
      ]),
    });
  }

  /** The connection drops (the server or the network closed it). */
  drop(code = 1006): void {
    this.readyState = 3;
    this.dispatch('error', { data: undefined });
    this.dispatch('close', { data: undefined, code });
  }

  /** The SEND frames of a `__kind`, e.g. confirms (2) or fails (20). */
  sentOfKind(kind: number): TmcFrame[] {
    return this.sent.filter((frame) => {
      const value = frame.headers.get('__kind');
      return frame.messageType === 2 && value?.format === 'byte' && value.value === kind;
    });
  }

  private dispatch(type: string, event: { data: unknown; code?: number }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** The `id` header of a confirm or fail frame, as a decimal string. */
export function frameId(frame: TmcFrame): string | undefined {
  const id = frame.headers.get('id');
  return id?.format === 'int64' ? id.value.toString() : undefined;
}
