/**
 * The `@x/taobao-tmc` consumer against the real mock over loopback: receive and confirm, fail and redelivery
 * (the clock moved, not waited for), reconnect after a dropped connection with nothing lost, duplicates
 * removed by the dedupe helper, and the HTTP consumer on the same queues.
 */
import { createJstClient } from '@x/taobao-jst';
import { createTmcHttpConsumer, dedupe, type SmsReceipt, type TmcMessage } from '@x/taobao-tmc';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedTopParams } from '../test-support/signed-requests.js';
import { advanceClock, mockTmcConsumer, postTmcFault, tmcView } from '../test-support/tmc-control.js';
import { useContractServer } from './contract-server.js';

const secret = 'tmc-contract-secret';
const server = useContractServer({
  top: { apps: [{ appKeyPattern: 'tmc-\\d+', secret, sessions: [{ session: '*', seller: 'ci-seller' }] }] },
  tmc: { receiptDelayMs: 0 },
});

let appSequence = 0;
/** Each test its own namespace: nothing it leaves queued reaches another test. */
function nextApp(): string {
  appSequence += 1;
  return `tmc-${appSequence}`;
}

const stops: AbortController[] = [];
afterEach(() => {
  for (const controller of stops.splice(0)) controller.abort();
});
function stopLater(): AbortSignal {
  const controller = new AbortController();
  stops.push(controller);
  return controller.signal;
}

function jstClient(app: string) {
  return createJstClient({
    appKey: app,
    appSecret: secret,
    session: 'any',
    baseUrl: `${server.current().url}/router/rest`,
    retry: { limit: 0 },
  });
}

const sms = { sms_free_sign_name: '回执测试', template_code: 'SMS_1', params: { n: 1 } };

/** `taobao.tmc.message.produce`, signed with the app's secret and the real time: a message on the test topic. */
async function produce(app: string, content: Record<string, string>): Promise<void> {
  const params = signedTopParams(
    { topic: 'contract_test_topic', content: JSON.stringify(content) },
    { method: 'taobao.tmc.message.produce', appKey: app, secret, session: null, now: Date.now() },
  );
  const response = await fetch(`${server.current().url}/router/rest`, {
    method: 'POST',
    body: new URLSearchParams(params),
  });
  expect(await response.json()).toMatchObject({ tmc_message_produce_response: { is_success: true } });
}

describe('@x/taobao-tmc against the mock', () => {
  it('receives the receipt of a JST send, typed, and confirms it', async () => {
    const app = nextApp();
    const { consumer, events } = mockTmcConsumer(server.current().url, app, secret);
    const receipts: SmsReceipt[] = [];
    void consumer.onSmsReceipt((receipt) => void receipts.push(receipt)).run(stopLater());
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'connected' }));
    const sent = await jstClient(app).send({ ...sms, phone_number: '13800138000', extend: 'order-1' });
    await vi.waitFor(() => expect(receipts).toHaveLength(1));
    expect(receipts[0]).toMatchObject({
      biz_id: sent.module,
      state: '1',
      err_code: 'DELIVRD',
      extend: 'order-1',
    });
    await vi.waitFor(async () => {
      const [group] = (await tmcView(server.current().url, app)).groups;
      expect(group?.counts).toMatchObject({ confirmed: 1, pushed: 0 });
    });
  });

  it('a failed message comes back after the redelivery interval, moved by the clock', async () => {
    const app = nextApp();
    const { consumer, events } = mockTmcConsumer(server.current().url, app, secret);
    let calls = 0;
    void consumer
      .onSmsReceipt(() => {
        calls += 1;
        if (calls === 1) throw new Error('not yet');
      })
      .run(stopLater());
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'connected' }));
    await jstClient(app).send({ ...sms, phone_number: '13800138001' });
    await vi.waitFor(async () => {
      const [group] = (await tmcView(server.current().url, app)).groups;
      expect(group?.counts.failed).toBe(1);
    });
    expect(events.some((event) => event.type === 'message-failed')).toBe(true);
    await advanceClock(server.current().url, 5 * 60_000);
    await vi.waitFor(async () => {
      const [group] = (await tmcView(server.current().url, app)).groups;
      expect(group?.counts).toMatchObject({ confirmed: 1, failed: 0, redelivered: 0 });
      expect(group?.messages[0]).toMatchObject({ state: 'confirmed', attempts: 2 });
    });
    expect(calls).toBe(2);
  });

  it('reconnects after a dropped connection, and no message is lost across it', async () => {
    const app = nextApp();
    const url = server.current().url;
    const { consumer, events } = mockTmcConsumer(url, app, secret);
    const seen: string[] = [];
    void consumer
      .on('contract_test_topic', (message: TmcMessage) => void seen.push(message.content))
      .run(stopLater());
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'connected' }));
    expect(await postTmcFault(url, { kind: 'tmc-drop', times: 2 }, app)).toBe(201);
    for (let index = 0; index < 5; index++) await produce(app, { n: String(index) });
    await vi.waitFor(() => expect(new Set(seen).size).toBe(5), { timeout: 5_000 });
    expect(events.filter((event) => event.type === 'connected').length).toBeGreaterThanOrEqual(3);
    expect(events.some((event) => event.type === 'disconnected')).toBe(true);
    await vi.waitFor(async () => {
      const [group] = (await tmcView(url, app)).groups;
      expect(group?.counts).toMatchObject({ confirmed: 5, queued: 0, pushed: 0, redelivered: 0 });
    });
  });

  it('a receipt that arrives twice (same id) is handled once through dedupe', async () => {
    const app = nextApp();
    const url = server.current().url;
    const { consumer, events } = mockTmcConsumer(url, app, secret);
    let deliveries = 0;
    const handled: string[] = [];
    const onceEach = dedupe((message: TmcMessage) => void handled.push(message.id));
    void consumer
      .on('alibaba_aliqin_TaFcSmsDR', (message: TmcMessage) => {
        deliveries += 1;
        return onceEach(message);
      })
      .run(stopLater());
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'connected' }));
    // 1990001 03 YY: the same receipt message is published again YY seconds later.
    await jstClient(app).send({ ...sms, phone_number: '19900010305' });
    await vi.waitFor(() => expect(deliveries).toBe(1));
    await advanceClock(url, 5_000);
    await vi.waitFor(() => expect(deliveries).toBe(2));
    expect(handled).toHaveLength(1);
  });

  it('the HTTP consumer reads and confirms the same queues', async () => {
    const app = nextApp();
    const url = server.current().url;
    await produce(app, { n: 'over http' });
    const seen: string[] = [];
    const signal = stopLater();
    const consumer = createTmcHttpConsumer({
      appKey: app,
      appSecret: secret,
      baseUrl: `${url}/router/rest`,
      idleDelay: 20,
    });
    void consumer
      .on('contract_test_topic', (message: TmcMessage) => void seen.push(message.content))
      .run(signal);
    await vi.waitFor(() => expect(seen).toEqual(['{"n":"over http"}']));
    await vi.waitFor(async () => {
      const [group] = (await tmcView(url, app)).groups;
      expect(group?.counts.confirmed).toBe(1);
    });
  });
});
