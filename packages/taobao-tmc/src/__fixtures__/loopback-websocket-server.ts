/**
 * A minimal RFC 6455 server over `node:http` for one test: enough to prove the consumer works with the
 * platform's real `WebSocket` (handshake, masked client frames, binary server frames, close). Not a TMC
 * server: the test scripts the TMC side with the frame codec. Payloads over 65,535 bytes are not supported.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** The GUID RFC 6455 appends to the client's key. */
const handshakeGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** One accepted WebSocket connection. */
export interface LoopbackConnection {
  /** Sends one binary message. */
  sendBinary(payload: Uint8Array): void;
  /** Ends the TCP connection without a close frame (a dropped connection). */
  drop(): void;
}

/** A listening server; `onMessage` gets every binary message a client sends. */
export interface LoopbackServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  onMessage: (connection: LoopbackConnection, payload: Uint8Array) => void,
): Promise<LoopbackServer> {
  const server: Server = createServer();
  const sockets = new Set<Duplex>();
  server.on('upgrade', (request, socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const key = request.headers['sec-websocket-key'];
    const accept = createHash('sha1').update(`${key}${handshakeGuid}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const connection: LoopbackConnection = {
      sendBinary(payload) {
        const length = payload.byteLength;
        const header =
          length < 126 ? Buffer.from([0x82, length]) : Buffer.from([0x82, 126, length >> 8, length & 0xff]);
        socket.write(Buffer.concat([header, payload]));
      },
      drop: () => socket.destroy(),
    };
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const frame = readClientFrame(pending);
        if (frame === undefined) return;
        pending = pending.subarray(frame.size);
        if (frame.opcode === 0x8) {
          socket.end(Buffer.from([0x88, 0]));
          return;
        }
        if (frame.opcode === 0x2) onMessage(connection, frame.payload);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/tmc`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One masked client frame at the start of `bytes`, or undefined until all of it has arrived. */
function readClientFrame(bytes: Buffer): { opcode: number; payload: Uint8Array; size: number } | undefined {
  if (bytes.length < 2) return undefined;
  let length = (bytes[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (bytes.length < 4) return undefined;
    length = bytes.readUInt16BE(2);
    offset = 4;
  }
  if (bytes.length < offset + 4 + length) return undefined;
  const mask = bytes.subarray(offset, offset + 4);
  const payload = Uint8Array.from(
    bytes.subarray(offset + 4, offset + 4 + length),
    (byte, index) => byte ^ (mask[index % 4] ?? 0),
  );
  return { opcode: (bytes[0] ?? 0) & 0x0f, payload, size: offset + 4 + length };
}
