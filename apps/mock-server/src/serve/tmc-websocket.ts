/**
 * The TMC WebSocket on the mock's own port: every upgrade request (any path: `ws://127.0.0.1:8787/tmc`, `/`,
 * whatever a client is pointed at) becomes one TMC session. This adapter only moves bytes: each binary message
 * goes to the session, and it writes, closes or drops as the session says. `ws` answers pings with pongs.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { TmcService } from '../protocol/tmc/tmc-service.js';
import type { TmcSessionOutput } from '../protocol/tmc/tmc-session.js';

/** The largest frame a client may send (a confirm or a pull is a few dozen bytes). */
const maxClientFrameBytes = 1024 * 1024;

export interface TmcWebSocketEndpoint {
  /** Closes every TMC connection (without a close handshake) and stops accepting new ones. */
  close(): void;
  /** Open WebSocket connections. */
  readonly connections: number;
}

/** Serves TMC over WebSocket upgrades of `server`. */
export function attachTmcWebSocket(server: Server, tmc: TmcService): TmcWebSocketEndpoint {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxClientFrameBytes });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.handleUpgrade(request, socket, head, (websocket) => serveSession(websocket, tmc));
  };
  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const websocket of sockets.clients) websocket.terminate();
      sockets.close();
    },
    get connections() {
      return sockets.clients.size;
    },
  };
}

function serveSession(websocket: WebSocket, tmc: TmcService): void {
  const session = tmc.openSession((output: TmcSessionOutput) => {
    if (output.kind === 'write') websocket.send(output.bytes, { binary: true });
    else if (output.kind === 'close') websocket.close(output.code, output.reason);
    else websocket.terminate();
  });
  websocket.on('message', (data: RawData) => session.receive(toBytes(data)));
  websocket.on('close', () => tmc.closeSession(session));
  // A reset connection is a close like any other; the session gives its messages back on 'close'.
  websocket.on('error', () => websocket.terminate());
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
