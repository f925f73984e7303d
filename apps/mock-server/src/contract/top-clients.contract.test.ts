/**
 * Contract: the real TOP clients (@x/taobao-jst, @x/qianniu-tpn) against the real mock server over
 * loopback — every sign method, JSON and XML answers, and each platform error the clients map.
 */

import { createTpnClient } from '@x/qianniu-tpn';
import type { TopSignMethod } from '@x/signing';
import { createJstClient, isTopPlatformError } from '@x/taobao-jst';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../state/clock.js';
import { formatLosingFetch, recordedMessages, useContractServer } from './contract-server.js';

const server = useContractServer();
const credentials = { appKey: '12345678', appSecret: 'test-secret', session: 'test-session' };
const signMethods: TopSignMethod[] = ['md5', 'hmac', 'hmac-sha256'];
const smsRequest = {
  sms_free_sign_name: '聚石塔官方',
  template_code: 'SMS_12345',
  phone_number: '13800138000',
  params: { content: '您好! 您的订单已发货' },
};

function jst(overrides: Partial<Parameters<typeof createJstClient>[0]> = {}) {
  return createJstClient({ ...credentials, baseUrl: `${server.current().url}/router/rest`, ...overrides });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to be rejected'),
    (error: unknown) => error,
  );
}

describe('@x/taobao-jst against the mock', () => {
  it.each(signMethods)('sends with sign method %s and the message is recorded once', async (signMethod) => {
    const before = (await recordedMessages(server.current(), '12345678')).length;
    const sent = await jst({ signMethod }).send({ ...smsRequest, extend: `sign-${signMethod}` });
    expect(sent).toMatchObject({
      ok: true,
      request_success: true,
      request_code: 'success',
      message: 'success',
    });
    expect(sent.request_id).toMatch(/^[0-9a-z]{12,13}$/);
    const messages = await recordedMessages(server.current(), '12345678');
    expect(messages).toHaveLength(before + 1);
    expect(messages[0]).toMatchObject({
      platform: 'taobao-jst',
      recipient: '13800138000',
      signName: '聚石塔官方',
      template: 'SMS_12345',
      variables: { content: '您好! 您的订单已发货' },
      requestId: sent.request_id,
      messageId: sent.module,
    });
  });

  it('reads the XML answer a gateway gives when format is lost on the way', async () => {
    const contentTypes: string[] = [];
    const sent = await jst({ fetch: formatLosingFetch('test-secret', contentTypes) }).send(smsRequest);
    expect(contentTypes).toEqual(['text/xml;charset=UTF-8']);
    expect(sent).toMatchObject({ ok: true, request_success: true, request_code: 'success' });
    expect(typeof sent.request_success).toBe('boolean');
  });

  it('maps a wrong secret to code 25, not processed and not retried', async () => {
    const error = await rejection(jst({ appSecret: 'wrong-secret' }).send(smsRequest));
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 25,
      msg: 'Invalid signature',
      retryable: false,
      maybeSent: false,
    });
    expect(String(error)).not.toContain('wrong-secret');
  });

  it('maps an unknown app key to code 29 with its sub code', async () => {
    const error = await rejection(jst({ appKey: '99999999' }).send(smsRequest));
    expect(error).toMatchObject({
      code: 29,
      msg: 'Invalid app Key',
      subCode: 'isv.appkey-not-exists',
      retryable: false,
    });
  });

  it('maps an unknown session to code 27 and keeps the session out of the error', async () => {
    const error = await rejection(jst({ session: 'canary-session-key' }).send(smsRequest));
    expect(error).toMatchObject({
      code: 27,
      msg: 'Invalid session',
      retryable: false,
      maybeSent: false,
    });
    expect(JSON.stringify(error)).not.toContain('canary-session-key');
    expect(String(error)).not.toContain('canary-session-key');
  });

  it('uses a per-call session over the client one', async () => {
    const sent = await jst({ session: 'stale-session' }).send(smsRequest, { session: 'test-session' });
    expect(sent.ok).toBe(true);
  });

  it('records nothing for a rejected call', async () => {
    const before = (await recordedMessages(server.current(), '12345678')).length;
    await rejection(jst({ appSecret: 'wrong-secret' }).send(smsRequest));
    expect(await recordedMessages(server.current(), '12345678')).toHaveLength(before);
  });
});

describe('@x/taobao-jst against a mock whose clock is an hour ahead', () => {
  const skewed = useContractServer({ clock: createManualClock(Date.now() + 60 * 60 * 1000) });

  it('maps a timestamp outside the 10-minute window to code 31', async () => {
    const client = createJstClient({ ...credentials, baseUrl: `${skewed.current().url}/router/rest` });
    const error = await rejection(client.send(smsRequest));
    expect(error).toMatchObject({ code: 31, retryable: false, maybeSent: false });
  });
});

describe('@x/qianniu-tpn against the mock', () => {
  const tpnRequest = {
    template_key: 'xxxx',
    template_id: 101,
    user_id: 12345n,
    sub_user_id: '123456',
    biz_id: 9007199254740993n, // above 2^53: must arrive exact
    biz_data: { page: 'https://www.taobao.com' },
    title_param: { key1: 'value', key2: 123 },
    content_param: { key1: 'value', key2: 123 },
  };

  it.each(signMethods)('sends with sign method %s; ids above 2^53 arrive exact', async (signMethod) => {
    const tpn = createTpnClient({
      appKey: '12345678',
      appSecret: 'test-secret',
      signMethod,
      baseUrl: `${server.current().url}/router/rest`,
    });
    const sent = await tpn.send(tpnRequest);
    expect(sent).toMatchObject({ is_success: true });
    expect(sent.result).toBeTruthy();
    const [latest] = await recordedMessages(server.current(), '12345678');
    expect(latest).toMatchObject({
      platform: 'qianniu-tpn',
      recipient: '12345',
      template: 'xxxx',
      messageId: sent.result,
    });
    expect(JSON.stringify(latest?.details)).toContain('9007199254740993');
  });

  it('reads the XML answer too', async () => {
    const contentTypes: string[] = [];
    const tpn = createTpnClient({
      appKey: '12345678',
      appSecret: 'test-secret',
      baseUrl: `${server.current().url}/router/rest`,
      fetch: formatLosingFetch('test-secret', contentTypes),
    });
    expect(await tpn.send(tpnRequest)).toMatchObject({ is_success: true });
    expect(contentTypes).toEqual(['text/xml;charset=UTF-8']);
  });

  it('maps a wrong secret to code 25', async () => {
    const tpn = createTpnClient({
      appKey: '12345678',
      appSecret: 'wrong',
      baseUrl: `${server.current().url}/router/rest`,
    });
    expect(await rejection(tpn.send(tpnRequest))).toMatchObject({ code: 25, retryable: false });
  });
});
