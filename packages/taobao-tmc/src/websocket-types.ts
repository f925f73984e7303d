/**
 * The part of the WHATWG `WebSocket` the consumer uses: Node 22's global `WebSocket` fits, and so does a
 * test double.
 */
export interface TmcWebSocket {
  /** Set to `'arraybuffer'` so binary messages arrive as ArrayBuffers. */
  binaryType: string;
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Sends one binary message (one TMC frame). */
  send(data: Uint8Array): void;
  /** Starts the closing handshake; a `close` event follows. */
  close(code?: number, reason?: string): void;
  /** `open` once connected; `error` is always followed by `close`. */
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  /** One incoming message: `data` is an ArrayBuffer (or a view) for binary messages. */
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  /** The connection is closed, with the close code when there is one. */
  addEventListener(type: 'close', listener: (event: { readonly code?: number }) => void): void;
}

/** A `WebSocket` constructor, such as Node 22's global one. */
export type TmcWebSocketConstructor = new (url: string) => TmcWebSocket;

/** `readyState` of an open socket. */
export const socketOpen = 1;

/** The global `WebSocket` (Node 22+), if the host has one. */
export function globalWebSocket(): TmcWebSocketConstructor | undefined {
  return (globalThis as { WebSocket?: TmcWebSocketConstructor }).WebSocket;
}
