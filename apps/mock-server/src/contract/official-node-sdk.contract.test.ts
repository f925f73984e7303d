/**
 * Contract: Alibaba's own Node TOP SDK, `ali-topsdk@2.0.5`, unmodified, against the real mock over loopback.
 * Its generic `execute` sends JST and TPN calls signed md5 as a multipart form and gets the answers the
 * platform documents; a wrong secret gets the `error_response` the SDK hands over as its error. The SDK's TMC
 * client is in official-node-sdk-tmc.contract.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedMessages, useContractServer } from './contract-server.js';
import {
  ApiClient,
  execute,
  type OfficialApiClient,
  restoreTimeZone,
  useChinaTimeZone,
} from './official-node-sdk.js';

const server = useContractServer();
const appKey = '12345678';

let previousTimeZone: string | undefined;
beforeAll(() => {
  previousTimeZone = useChinaTimeZone();
});
afterAll(() => restoreTimeZone(previousTimeZone));

function client(appsecret = 'test-secret'): OfficialApiClient {
  return new ApiClient({ appkey: appKey, appsecret, url: `${server.current().url}/router/rest` });
}

const sendMessageRequest = {
  sms_free_sign_name: '聚石塔官方',
  template_code: 'SMS_12345',
  phone_number: '13800138000',
  params: JSON.stringify({ content: '您好! 您的订单已发货' }),
  extend: 'official-sdk',
};

describe('ali-topsdk ApiClient against the mock', () => {
  it('sends taobao.jst.sms.message.send and gets the documented success, recorded once', async () => {
    const before = (await recordedMessages(server.current(), appKey)).length;
    // An object parameter is JSON-encoded by the SDK, as the platform expects for send_message_request.
    const { error, response } = await execute(client(), 'taobao.jst.sms.message.send', {
      session: 'test-session',
      send_message_request: sendMessageRequest,
    });
    expect(error).toBeNull();
    expect(response).toEqual({
      request_code: 'success',
      request_success: true,
      request_id: expect.stringMatching(/^[0-9a-z]{12,13}$/),
      module: expect.stringMatching(/^\d+\^\d+$/),
      message: 'success',
    });
    const sent = response as { request_id: string; module: string };
    const messages = await recordedMessages(server.current(), appKey);
    expect(messages).toHaveLength(before + 1);
    expect(messages[0]).toMatchObject({
      platform: 'taobao-jst',
      api: 'taobao.jst.sms.message.send',
      seller: 'test-seller',
      recipient: '13800138000',
      signName: '聚石塔官方',
      template: 'SMS_12345',
      variables: { content: '您好! 您的订单已发货' },
      requestId: sent.request_id,
      messageId: sent.module,
    });
  });

  it('a wrong secret: the SDK hands over the error_response 25 Invalid signature, and nothing is recorded', async () => {
    const before = (await recordedMessages(server.current(), appKey)).length;
    const { error, response } = await execute(client('not-the-secret'), 'taobao.jst.sms.message.send', {
      session: 'test-session',
      send_message_request: sendMessageRequest,
    });
    expect(error).toEqual({
      code: 25,
      msg: 'Invalid signature',
      request_id: expect.stringMatching(/^[0-9a-z]{12,13}$/),
    });
    // `execute` passes the error alone: no second argument.
    expect(response).toBeUndefined();
    expect(await recordedMessages(server.current(), appKey)).toHaveLength(before);
  });

  it('a missing session is 26 Missing session, as the platform answers a JST call without one', async () => {
    const { error } = await execute(client(), 'taobao.jst.sms.message.send', {
      send_message_request: sendMessageRequest,
    });
    expect(error).toMatchObject({ code: 26, msg: 'Missing session' });
  });

  it('sends taobao.tpn.template.message.send through the same execute, recorded as a Qianniu message', async () => {
    const { error, response } = await execute(client(), 'taobao.tpn.template.message.send', {
      template_key: 'new-order',
      template_id: '101',
      user_id: '12345',
      biz_id: '122323434545',
      content_param: { order: '2024030112000001', buyer: 'tb-buyer' },
    });
    expect(error).toBeNull();
    expect(response).toEqual({
      result: expect.stringMatching(/^\d+$/),
      is_success: true,
      request_id: expect.stringMatching(/^[0-9a-z]{12,13}$/),
    });
    const [latest] = await recordedMessages(server.current(), appKey);
    expect(latest).toMatchObject({
      platform: 'qianniu-tpn',
      api: 'taobao.tpn.template.message.send',
      recipient: '12345',
      template: 'new-order',
      variables: { order: '2024030112000001', buyer: 'tb-buyer' },
      messageId: (response as { result: string }).result,
    });
  });

  it('outside China time its local-time timestamp is 8 hours off: 31 Invalid timestamp, as on TOP', async () => {
    process.env.TZ = 'UTC';
    try {
      const { error } = await execute(client(), 'taobao.jst.sms.message.send', {
        session: 'test-session',
        send_message_request: sendMessageRequest,
      });
      expect(error).toMatchObject({ code: 31, msg: 'Invalid timestamp' });
    } finally {
      useChinaTimeZone();
    }
  });
});
