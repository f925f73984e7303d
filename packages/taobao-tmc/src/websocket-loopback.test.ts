import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from './__fixtures__/loopback-websocket-server.js';
import type { SmsReceipt } from './receipt.js';
import { createTmcConsumer } from './websocket-consumer.js';
import { decodeFrame } from './wire/frame-decode.js';
import { encodeFrame } from './wire/frame-encode.js';
import type { TmcFrame, TmcValue } from './wire/frame-types.js';
import { byteValue, int64Value, stringValue } from './wire/frame-values.js';

const hasWebSocket = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
let server: LoopbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.skipIf(!hasWebSocket)('the consumer on the platform WebSocket, over loopback', () => {
  it('connects, receives a receipt, confirms it with the token, and reconnects after a drop', async () => {
    const received: TmcFrame[] = [];
    let connects = 0;
    const controller = new AbortController();
    const receipts: SmsReceipt[] = [];
    server = await startLoopbackServer((connection, payload) => {
      const frame = decodeFrame(payload);
      received.push(frame);
      if (frame.messageType === 0) {
        connects += 1;
        const token = `token-${connects}`;
        connection.sendBinary(encodeFrame({ messageType: 1, flag: frame.flag, token, headers: new Map() }));
        connection.sendBinary(
          encodeFrame({
            messageType: 2,
            token,
            headers: new Map<string, TmcValue>([
              ['__kind', byteValue(3)],
              ['id', int64Value(9_007_199_254_740_993n)],
              ['topic', stringValue('alibaba_aliqin_TaFcSmsDR')],
              ['content', stringValue('{"biz_id":"1^0","state":"1","err_code":"DELIVRD"}')],
            ]),
          }),
        );
        // The first connection drops before the consumer can confirm: the message must come back.
        if (connects === 1) connection.drop();
      }
      const kind = frame.headers.get('__kind');
      if (connects === 2 && kind?.format === 'byte' && kind.value === 2) controller.abort();
    });
    const consumer = createTmcConsumer({
      appKey: '12345678',
      appSecret: 'test-secret',
      url: server.url,
      reconnect: { initialDelay: 1, maxDelay: 1 },
    }).onSmsReceipt((receipt) => void receipts.push(receipt));

    await consumer.run(controller.signal);

    const connect = received.find((frame) => frame.messageType === 0);
    expect(connect?.headers.get('app_key')).toEqual({ format: 'string', value: '12345678' });
    expect(connects).toBe(2);
    const confirms = received.filter((frame) => {
      const kind = frame.headers.get('__kind');
      return kind?.format === 'byte' && kind.value === 2;
    });
    expect(confirms.at(-1)).toMatchObject({ token: 'token-2' });
    expect(confirms.at(-1)?.headers.get('id')).toEqual({ format: 'int64', value: 9_007_199_254_740_993n });
    expect(receipts.at(-1)).toMatchObject({ biz_id: '1^0', state: '1' });
  });
});
