/**
 * Isolation for parallel tests: two workers, each with its own app key (one pattern, one shared secret), run
 * at the same time against one server — messages, faults and limits never cross between them.
 */
import { createJstClient, isTopPlatformError } from '@x/taobao-jst';
import { createTidClient } from '@x/taobao-tid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../serve/start-mock-server.js';
import { getJson, messagesOf, postFault } from '../test-support/mock-control.js';

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    profile: 'realistic',
    top: {
      apps: [
        { appKeyPattern: 'worker-\\d+', secret: 'shared-secret', sessions: [{ session: '*', seller: 'ci' }] },
      ],
    },
    gateway: { apps: [{ appIdPattern: 'worker-\\d+', secret: 'shared-secret', sellers: ['*'] }] },
  });
});
afterAll(() => server.close());

/** What one parallel test worker does in its own namespace. */
async function worker(name: string) {
  const jst = createJstClient({
    appKey: name,
    appSecret: 'shared-secret',
    session: 'any',
    baseUrl: `${server.url}/router/rest`,
    retry: { limit: 0 },
  });
  const tid = createTidClient({
    appId: name,
    appSecret: 'shared-secret',
    sellerNick: 'ci',
    baseUrl: server.url,
    retry: { limit: 0 },
  });
  // Its own fault, for an order id both workers send.
  const queued = await postFault(
    server.url,
    { kind: 'item-failure', message: `${name} 的故障`, match: { recipient: '3006925020239565830' } },
    `?app=${name}`,
  );
  expect(queued.status).toBe(201);
  const sms = {
    sms_free_sign_name: '共享签名',
    template_code: 'SMS_1',
    phone_number: '13800138000',
    params: { n: 1 },
  };
  // The same signature and number in both namespaces: each gets its own 1 per minute.
  const first = await jst.send({ ...sms, extend: name });
  const second = await jst.send(sms).catch((error: unknown) => error);
  const items = await tid.send([
    { order_id: '3006925020239565830', sms_free_sign_name: '共享签名', template_code: 'SMS_1' },
    { order_id: '3006925020239565831', sms_free_sign_name: '共享签名', template_code: 'SMS_1' },
  ]);
  return { first, second, items };
}

describe('two namespaces in parallel', () => {
  it('do not see each other’s messages, faults or limits', async () => {
    const [one, two] = await Promise.all([worker('worker-1'), worker('worker-2')]);
    for (const [name, result] of [
      ['worker-1', one],
      ['worker-2', two],
    ] as const) {
      expect(result.first).toMatchObject({ ok: true });
      expect(isTopPlatformError(result.second) && result.second.subMsg).toBe('触发分钟级流控Permits:1');
      // Each worker's own fault failed its own item, once.
      expect(result.items).toMatchObject([
        { ok: false, code: 1, message: `${name} 的故障` },
        { ok: true, order_id: '3006925020239565831' },
      ]);
      const messages = await messagesOf(server.url, name);
      expect(messages.map((message) => [message.appKey, message.recipient])).toEqual([
        [name, '3006925020239565831'],
        [name, '13800138000'],
      ]);
      expect(messages[1]?.details).toEqual({ extend: name });
    }
    expect(await getJson(`${server.url}/__mock/faults`)).toEqual({ count: 0, faults: [] });
    expect(await getJson(`${server.url}/__mock/limits`)).toMatchObject({
      namespaces: { 'worker-1': 2, 'worker-2': 2 },
    });

    // Clearing one namespace leaves the other alone.
    expect(await getJson(`${server.url}/__mock/messages?app=worker-1`, { method: 'DELETE' })).toEqual({
      cleared: 2,
    });
    expect(await messagesOf(server.url, 'worker-1')).toHaveLength(0);
    expect(await messagesOf(server.url, 'worker-2')).toHaveLength(2);
  });

  it('keeps a worker’s unmatched fault to itself until it clears it', async () => {
    await postFault(server.url, { kind: 'error', code: 7, msg: 'App Call Limited' }, '?app=worker-3');
    const other = createJstClient({
      appKey: 'worker-4',
      appSecret: 'shared-secret',
      session: 'any',
      baseUrl: `${server.url}/router/rest`,
    });
    await expect(
      other.send({ sms_free_sign_name: 's', template_code: 't', phone_number: '13800138009' }),
    ).resolves.toMatchObject({ ok: true });
    expect(await getJson(`${server.url}/__mock/faults?app=worker-3`)).toMatchObject({ count: 1 });
    expect(await getJson(`${server.url}/__mock/reset?app=worker-3`, { method: 'POST' })).toMatchObject({
      cleared: { faults: 1 },
    });
  });
});
