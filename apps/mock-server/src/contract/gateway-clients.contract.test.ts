/**
 * Contract: the real fw199 clients (@x/taobao-tid, @x/doudian-sms) against the real mock server over
 * loopback — batches split across chunks, results in input order, and the call-level errors they map.
 */
import { createDoudianClient, type DoudianMessage } from '@x/doudian-sms';
import { createTidClient, type TidSendItem } from '@x/taobao-tid';
import { describe, expect, it } from 'vitest';
import { recordedMessages, useContractServer } from './contract-server.js';

const server = useContractServer();
const credentials = { appId: 'test-appid', appSecret: 'test-secret', sellerNick: 'test-seller' };
const ciphertext =
  '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';

function tidItems(count: number, firstOrderId: bigint): TidSendItem[] {
  return Array.from({ length: count }, (_, index) => ({
    order_id: String(firstOrderId + BigInt(index)),
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { code: String(1000 + index) },
    additional_info: index % 2 === 0,
  }));
}

describe('@x/taobao-tid against the mock', () => {
  it('sends 250 items as three calls: one result per item, in input order, each recorded once', async () => {
    const tid = createTidClient({ ...credentials, baseUrl: server.current().url, concurrency: 2 });
    const items = tidItems(250, 3006925020239565830n);
    const before = (await recordedMessages(server.current(), 'test-appid')).length;
    const results = await tid.send(items);
    expect(results).toHaveLength(250);
    results.forEach((result, index) => {
      expect(result).toMatchObject({ ok: true, order_id: items[index]?.order_id });
    });
    const first = results[0];
    const second = results[1];
    if (!first?.ok || !second?.ok) throw new Error('expected successes');
    expect(first.module).toMatchObject({ code: expect.any(String), nameLen: expect.any(Number) });
    expect(second.module).toBeNull(); // additional_info false: docs/protocol.md §2.3 decision
    const messages = await recordedMessages(server.current(), 'test-appid');
    expect(messages).toHaveLength(before + 250);
    expect(new Set(messages.slice(0, 250).map((message) => message.recipient))).toEqual(
      new Set(items.map((item) => String(item.order_id))),
    );
  });

  it('maps a wrong secret to 40002 on every item: not sent, not retryable', async () => {
    const tid = createTidClient({ ...credentials, appSecret: 'wrong-secret', baseUrl: server.current().url });
    const results = await tid.send(tidItems(3, 5000000000000000001n));
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, code: 40002, retryable: false, maybeSent: false });
      expect(result.ok ? undefined : result.error).toMatchObject({ gatewayMessage: '签名错误' });
    }
  });

  it('maps an unknown appid to 40001 and an unauthorized seller to 40004', async () => {
    const unknownApp = createTidClient({ ...credentials, appId: 'nobody', baseUrl: server.current().url });
    expect((await unknownApp.send(tidItems(1, 5100000000000000001n)))[0]).toMatchObject({
      ok: false,
      code: 40001,
    });
    const otherSeller = createTidClient({
      ...credentials,
      sellerNick: 'someone-else',
      baseUrl: server.current().url,
    });
    expect((await otherSeller.send(tidItems(1, 5200000000000000001n)))[0]).toMatchObject({
      ok: false,
      code: 40004,
      maybeSent: false,
    });
  });
});

describe('@x/doudian-sms against the mock', () => {
  it('sends by order id, plain phone and ciphertext across two chunks; results keep input order', async () => {
    const doudian = createDoudianClient({ ...credentials, baseUrl: server.current().url });
    const messages: DoudianMessage[] = [];
    for (let index = 0; index < 150; index++) {
      if (index % 3 === 0)
        messages.push({
          order_id: String(5001789329480019707n + BigInt(index)),
          template_param: { name: '顺丰' },
        });
      else if (index % 3 === 1)
        messages.push({ post_tel: `138${String(index).padStart(8, '0')}`, template_param: { name: '中通' } });
      else
        messages.push({
          post_tel: ciphertext.replace('$1$$', () => `$${index}$$`),
          template_param: { name: '圆通' },
        });
    }
    const before = (await recordedMessages(server.current(), 'test-appid')).length;
    const results = await doudian.send({
      sign: '群荐的铺子',
      template_id: 'ST_72dd4e2c',
      messages,
      tag: 'contract',
    });
    expect(results).toHaveLength(150);
    results.forEach((result, index) => {
      expect(result.ok).toBe(true);
      const message = messages[index];
      if (message && 'order_id' in message && message.order_id !== undefined)
        expect(result.order_id).toBe(message.order_id);
      if (result.ok) expect(result.message_id).toMatch(/^[0-9a-f-]{36}$/);
    });
    expect(await recordedMessages(server.current(), 'test-appid')).toHaveLength(before + 150);
    const [latest] = await recordedMessages(server.current(), 'test-appid');
    expect(latest).toMatchObject({
      platform: 'doudian-sms',
      signName: '群荐的铺子',
      template: 'ST_72dd4e2c',
    });
  });

  it('maps a wrong secret to 40002 for every message', async () => {
    const doudian = createDoudianClient({
      ...credentials,
      appSecret: 'nope',
      baseUrl: server.current().url,
    });
    const results = await doudian.send({
      sign: '群荐的铺子',
      template_id: 'ST_72dd4e2c',
      messages: [{ order_id: '5001789329480019707' }, { post_tel: '13800138000' }],
    });
    expect(results.map((result) => result.ok)).toEqual([false, false]);
    expect(results[0]).toMatchObject({ code: 40002, maybeSent: false });
    expect(JSON.stringify(results)).not.toContain('13800138000');
  });
});
