/**
 * End to end, with the default app: a JST send is accepted, its receipt is published on the mock's clock (the
 * test moves the clock past the receipt delay), pushed over the WebSocket to a bare `ws` client speaking TMC
 * frames, and confirmed — each step visible in `/__mock/tmc`.
 */

import { createJstClient } from '@x/taobao-jst';
import {
  byteValue,
  decodeFrame,
  encodeFrame,
  int64Value,
  stringValue,
  TMC_MESSAGE_KIND,
  TMC_MESSAGE_TYPE,
  type TmcFrame,
} from '@x/taobao-tmc/wire';
import { expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { defaultTopAppKey, defaultTopSecret, defaultTopSession } from '../config/config-schema.js';
import { advanceClock, tmcView } from '../test-support/tmc-control.js';
import { requestFrame, signedConnectFrame } from '../test-support/tmc-frames.js';
import { useContractServer } from './contract-server.js';

// A minute, so that it is the clock moved by the test, and never a slow machine, that brings the receipt.
const server = useContractServer({ tmc: { receiptDelayMs: 60_000 } });

it('JST send → receipt pushed over the WebSocket → confirmed', async () => {
  const { url } = server.current();
  const frames: TmcFrame[] = [];
  const websocket = new WebSocket(`${url.replace(/^http/, 'ws')}/tmc`);
  websocket.on('message', (data: Buffer) => frames.push(decodeFrame(data)));
  await new Promise((resolve, reject) => {
    websocket.once('open', resolve);
    websocket.once('error', reject);
  });
  websocket.send(
    encodeFrame(
      signedConnectFrame({
        appKey: defaultTopAppKey,
        secret: defaultTopSecret,
        timestamp: Date.now(),
        flag: 1,
      }),
    ),
  );
  await vi.waitFor(() =>
    expect(frames[0]).toMatchObject({ messageType: TMC_MESSAGE_TYPE.connectAck, flag: 1 }),
  );
  const token = frames[0]?.token as string;

  const jst = createJstClient({
    appKey: defaultTopAppKey,
    appSecret: defaultTopSecret,
    session: defaultTopSession,
    baseUrl: `${url}/router/rest`,
    retry: { limit: 0 },
  });
  const sent = await jst.send({
    sms_free_sign_name: '回执测试',
    template_code: 'SMS_1',
    phone_number: '13800138000',
    extend: 'e2e',
  });
  // Not before the receipt delay has passed on the mock's clock.
  expect((await tmcView(url, defaultTopAppKey)).groups[0]?.messages).toEqual([]);
  await advanceClock(url, 60_000);

  await vi.waitFor(() => expect(frames).toHaveLength(2));
  const data = frames[1] as TmcFrame;
  expect(data.token).toBe(token);
  expect(data.headers.get('__kind')).toEqual(byteValue(TMC_MESSAGE_KIND.data));
  expect(data.headers.get('topic')).toEqual(stringValue('alibaba_aliqin_TaFcSmsDR'));
  const content = data.headers.get('content');
  expect(content?.format).toBe('string');
  expect(JSON.parse(content?.format === 'string' ? content.value : '{}')).toMatchObject({
    biz_id: sent.module,
    state: '1',
    err_code: 'DELIVRD',
    extend: 'e2e',
    receiver: '13800138000',
  });
  const id = data.headers.get('id');
  expect((await tmcView(url, defaultTopAppKey)).groups[0]?.messages[0]?.state).toBe('pushed');

  websocket.send(encodeFrame(requestFrame(token, TMC_MESSAGE_KIND.confirm, [['id', id ?? int64Value(0)]])));
  await vi.waitFor(async () => {
    const view = await tmcView(url, defaultTopAppKey);
    expect(view.groups[0]?.messages[0]).toMatchObject({ state: 'confirmed', attempts: 1 });
    expect(view.connections).toMatchObject([{ appKey: defaultTopAppKey, pushed: 1, confirmed: 1 }]);
  });
  websocket.close();
});
