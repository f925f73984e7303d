/**
 * Contract: the TMC client of Alibaba's Node TOP SDK, `ali-topsdk@2.0.5`, unmodified, against the real mock
 * over loopback: it connects to `ws://…/tmc` with the default app and group `default`, receives the delivery
 * receipt of a JST send and a message produced on another topic, and its callback's confirmation reaches the
 * mock.
 *
 * As installed the SDK cannot receive at all: it asks for ws ^3, whose `message` event no longer passes the
 * `flags` argument its client reads (`flags.binary`), so every incoming frame throws. pnpm `overrides` pins
 * only its copy of ws to 1.1.5, the API it was written against (see pnpm-workspace.yaml). Two more things it
 * needs from its surroundings, provided here without touching its code (official-node-sdk.ts): China time
 * for its TOP timestamp, and a non-internal IPv4 address for the CONNECT's `intranet_ip`. It has no way to
 * stop, so the tests stop it through its own state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tmcView } from '../test-support/tmc-control.js';
import { useContractServer } from './contract-server.js';
import {
  ApiClient,
  ensureIntranetAddress,
  execute,
  type OfficialApiClient,
  type OfficialTmcClient,
  type OfficialTmcMessage,
  restoreTimeZone,
  stopTmcClient,
  TmcClient,
  useChinaTimeZone,
} from './official-node-sdk.js';

const appKey = '12345678';
const appSecret = 'test-secret';
// Receipts are published as soon as the send is accepted: nothing to wait for on any clock.
const server = useContractServer({ tmc: { receiptDelayMs: 0 } });
const waitLong = { timeout: 10_000, interval: 20 };

let previousTimeZone: string | undefined;
let restoreInterfaces: () => void = () => {};
// The client reports only through console.log (its connect banner is the one sign it read the CONNECTACK's
// token); the tests read it there and keep it, and the reconnect notices, out of the output.
const log = vi.spyOn(console, 'log').mockImplementation(() => {});
beforeAll(() => {
  previousTimeZone = useChinaTimeZone();
  restoreInterfaces = ensureIntranetAddress();
});
afterAll(() => {
  log.mockRestore();
  restoreInterfaces();
  restoreTimeZone(previousTimeZone);
});

const running: OfficialTmcClient[] = [];
afterEach(async () => {
  for (const client of running.splice(0)) stopTmcClient(client);
  // Closed for the mock too, so the next test's messages can only go to its own client.
  await vi.waitFor(async () => {
    expect((await tmcView(server.current().url, appKey)).connections).toEqual([]);
  }, waitLong);
});

/** A connected TMC client of the default app and group, with every message its callback got. */
async function connectedClient(): Promise<OfficialTmcMessage[]> {
  const received: OfficialTmcMessage[] = [];
  const client = new TmcClient(appKey, appSecret, 'default');
  running.push(client);
  log.mockClear();
  client.connect(`${server.current().url.replace(/^http/, 'ws')}/tmc`, (message, confirm) => {
    received.push(message);
    confirm();
  });
  await vi.waitFor(async () => {
    const view = await tmcView(server.current().url, appKey);
    expect(view.connections).toContainEqual(expect.objectContaining({ appKey, group: 'default' }));
  }, waitLong);
  await vi.waitFor(
    () =>
      expect(log).toHaveBeenCalledWith(
        'default',
        expect.stringMatching(/^top message channel connect success, token = .+/),
      ),
    waitLong,
  );
  return received;
}

function api(): OfficialApiClient {
  return new ApiClient({ appkey: appKey, appsecret: appSecret, url: `${server.current().url}/router/rest` });
}

describe('ali-topsdk TmcClient against the mock', () => {
  it('receives the delivery receipt of a JST send and confirms it', async () => {
    const received = await connectedClient();
    const { error, response } = await execute(api(), 'taobao.jst.sms.message.send', {
      session: 'test-session',
      send_message_request: {
        sms_free_sign_name: '聚石塔官方',
        template_code: 'SMS_12345',
        phone_number: '13800138000',
        params: '{"content":"您好"}',
        extend: 'order-42',
      },
    });
    expect(error).toBeNull();
    const sent = response as { module: string };

    await vi.waitFor(() => expect(received).toHaveLength(1), waitLong);
    const [receipt] = received;
    expect(receipt).toMatchObject({
      topic: 'alibaba_aliqin_TaFcSmsDR',
      id: expect.stringMatching(/^\d+$/),
      publisher: appKey,
    });
    // The content arrives as the JSON text the mock sent (as a string: the SDK drops byte-array content).
    expect(JSON.parse(receipt?.content ?? '')).toMatchObject({
      biz_id: sent.module,
      state: '1',
      err_code: 'DELIVRD',
      extend: 'order-42',
      receiver: '13800138000',
    });

    await vi.waitFor(async () => {
      const [group] = (await tmcView(server.current().url, appKey)).groups;
      expect(group?.group).toBe('default');
      expect(group?.counts).toMatchObject({ confirmed: 1, pushed: 0, failed: 0 });
      // The id the SDK decoded and re-encoded (Int64 above 2^53, as decimal text) names the same message.
      expect(group?.messages).toContainEqual(
        expect.objectContaining({ id: receipt?.id, state: 'confirmed', attempts: 1 }),
      );
    }, waitLong);
  });

  it('receives a message produced on another topic with taobao.tmc.message.produce, and confirms it', async () => {
    const received = await connectedClient();
    const content = { order: '2024030112000001', status: 'paid' };
    const produced = await execute(api(), 'taobao.tmc.message.produce', {
      topic: 'contract_test_topic',
      content,
    });
    expect(produced).toMatchObject({ error: null, response: { is_success: true } });

    await vi.waitFor(() => expect(received).toHaveLength(1), waitLong);
    expect(received[0]).toMatchObject({ topic: 'contract_test_topic', publisher: appKey });
    expect(JSON.parse(received[0]?.content ?? '')).toEqual(content);
    await vi.waitFor(async () => {
      const [group] = (await tmcView(server.current().url, appKey)).groups;
      expect(group?.messages).toContainEqual(
        expect.objectContaining({ id: received[0]?.id, topic: 'contract_test_topic', state: 'confirmed' }),
      );
    }, waitLong);
  });
});
