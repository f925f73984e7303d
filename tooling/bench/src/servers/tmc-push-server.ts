/**
 * @module The baseline of the TMC benchmark: a bare `ws` server that answers a CONNECT with a CONNECTACK and
 * then pushes `count` receipt data frames — the same layout the mock writes — and reads the confirms, with no
 * queue, no state and no checks. Run as its own process: `tsx tmc-push-server.ts <port> <count>`.
 */
import { createServer } from 'node:http';
import {
  byteValue,
  dateValue,
  decodeFrame,
  encodeFrame,
  int64Value,
  stringValue,
  TMC_MESSAGE_KIND,
  TMC_MESSAGE_TYPE,
  type TmcValue,
} from '@x/taobao-tmc/wire';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 0);
const count = Number(process.argv[3] ?? 100_000);
const token = 'bench-token';
const firstId = 9_007_199_254_740_993n + 1_000_000_000n;

/** The data frame of receipt `index`, as the mock builds it. */
function dataFrame(index: number): Uint8Array {
  const now = Date.now();
  const content = JSON.stringify({
    biz_id: `${341623067818673604n + BigInt(index)}^0`,
    state: '1',
    err_code: 'DELIVRD',
    receiver: '13800138000',
    send_time: '2026-01-01 08:00:00',
    rept_time: '2026-01-01 08:00:01',
  });
  const headers = new Map<string, TmcValue>([
    ['__kind', byteValue(TMC_MESSAGE_KIND.data)],
    ['id', int64Value(firstId + BigInt(index))],
    ['topic', stringValue('alibaba_aliqin_TaFcSmsDR')],
    ['content', stringValue(content)],
    ['time', dateValue(now)],
    ['publisher', stringValue('12345678')],
    ['nick', stringValue('test-seller')],
    ['userid', int64Value(0n)],
    ['outtime', dateValue(now)],
    ['dataid', stringValue(String(firstId + BigInt(index)))],
  ]);
  return encodeFrame({ messageType: TMC_MESSAGE_TYPE.send, token, headers });
}

const frames = Array.from({ length: count }, (_, index) => dataFrame(index));
const server = createServer((_request, response) => response.end('tmc push server'));
const sockets = new WebSocketServer({ server });
sockets.on('connection', (websocket) => {
  let connected = false;
  websocket.on('message', (data: Buffer) => {
    const frame = decodeFrame(data);
    if (!connected && frame.messageType === TMC_MESSAGE_TYPE.connect) {
      connected = true;
      websocket.send(
        encodeFrame({
          messageType: TMC_MESSAGE_TYPE.connectAck,
          statusCode: 0,
          flag: frame.flag,
          token,
          headers: new Map(),
        }),
      );
      for (const bytes of frames) websocket.send(bytes);
    }
    // Confirms and pulls are read (decoded) and dropped: a bare server keeps no state.
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
