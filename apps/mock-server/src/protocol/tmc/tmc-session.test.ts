import { signTop } from '@x/signing';
import {
  decodeFrame,
  encodeFrame,
  int64Value,
  stringValue,
  TMC_MESSAGE_KIND,
  TMC_MESSAGE_TYPE,
  type TmcFrame,
} from '@x/taobao-tmc/wire';
import { describe, expect, it } from 'vitest';
import { connectFrame, requestFrame, signedConnectFrame } from '../../test-support/tmc-frames.js';
import { checkConnect } from './connect-check.js';
import { tmcFaultSchema } from './tmc-faults.js';
import { inspectTmc } from './tmc-inspection.js';
import { createSteppedScheduler } from './tmc-scheduler.js';
import { TmcService } from './tmc-service.js';
import type { TmcSession, TmcSessionOutput } from './tmc-session.js';

const start = Date.parse('2026-01-01T00:00:00Z');
const secret = 'tmc-secret';
const receiptTopic = 'alibaba_aliqin_TaFcSmsDR';

function setup() {
  const scheduler = createSteppedScheduler(start);
  const tmc = new TmcService(
    scheduler,
    {
      findSecret: (appKey) => (appKey.startsWith('worker-') ? secret : undefined),
      timestampCheckTime: () => scheduler.now(),
      timestampToleranceMs: 600_000,
    },
    { redeliveryIntervalMs: 60_000 },
  );
  return { scheduler, tmc };
}

/** A client on one session: what the mock wrote, decoded, and whether it closed. */
function connectClient(tmc: TmcService) {
  const frames: TmcFrame[] = [];
  const closes: Array<{ code: number; reason: string } | 'dropped'> = [];
  const session: TmcSession = tmc.openSession((output: TmcSessionOutput) => {
    if (output.kind === 'write') frames.push(decodeFrame(output.bytes));
    else closes.push(output.kind === 'drop' ? 'dropped' : { code: output.code, reason: output.reason });
  });
  const send = (frame: TmcFrame) => session.receive(encodeFrame(frame));
  return { session, frames, closes, send };
}

function signedConnect(appKey: string, group: string, timestamp: number, key = secret): TmcFrame {
  return signedConnectFrame({ appKey, secret: key, group, timestamp, flag: 7 });
}

const request = requestFrame;

function header(frame: TmcFrame | undefined, key: string): unknown {
  const value = frame?.headers.get(key);
  return value === undefined || value.format === 'void' ? undefined : value.value;
}

/** A connected client of worker-1/default, with its token. */
function openClient(tmc: TmcService, group = 'default') {
  const client = connectClient(tmc);
  client.send(signedConnect('worker-1', group, start));
  const token = client.frames[0]?.token as string;
  return { ...client, token };
}

describe('checkConnect', () => {
  it("accepts the documented vector's signature", () => {
    const headers = connectFrame(
      {
        app_key: '4272',
        group_name: 'default',
        timestamp: '1700000000000',
        sign: '519908D0B920AAC9AC38E6E7B7613B90',
      },
      7,
    ).headers;
    const apps = {
      findSecret: () => 'secret',
      timestampCheckTime: () => 1_700_000_000_000,
      timestampToleranceMs: 600_000,
    };
    expect(checkConnect(headers, apps)).toEqual({
      ok: true,
      appKey: '4272',
      group: 'default',
    });
  });

  it('refuses, in order, a missing field, an unknown app key, a stale timestamp and a wrong signature', () => {
    const now = 1_700_000_000_000;
    const good = { app_key: '4272', group_name: 'default', timestamp: String(now) };
    const check = (fields: Record<string, string>) =>
      checkConnect(connectFrame(fields, 7).headers, {
        findSecret: (appKey) => (appKey === '4272' ? 'secret' : undefined),
        timestampCheckTime: () => now,
        timestampToleranceMs: 600_000,
      });
    const sign = signTop(good, 'secret', 'md5');
    expect(check({ group_name: 'default' })).toMatchObject({
      ok: false,
      statusCode: 40,
      statusPhrase: 'Missing required arguments:app_key',
    });
    expect(check({ ...good, group_name: 'g'.repeat(33), sign })).toMatchObject({ statusCode: 41 });
    expect(check({ ...good, app_key: '9999', sign })).toMatchObject({
      statusCode: 29,
      statusPhrase: 'Invalid app Key',
    });
    expect(check({ ...good, timestamp: String(now - 600_001), sign })).toMatchObject({ statusCode: 31 });
    expect(check({ ...good, timestamp: '2026-01-01 00:00:00', sign })).toMatchObject({ statusCode: 31 });
    expect(check(good)).toMatchObject({ statusCode: 40, statusPhrase: 'Missing required arguments:sign' });
    expect(check({ ...good, sign: signTop(good, 'wrong', 'md5') })).toMatchObject({
      statusCode: 25,
      statusPhrase: 'Invalid signature',
    });
    expect(check({ ...good, sign: sign.toLowerCase() })).toMatchObject({ ok: true });
  });
});

describe('TmcSession', () => {
  it('answers a good CONNECT with a token and the echoed flag, then pushes without a pull', () => {
    const { tmc } = setup();
    const client = openClient(tmc);
    const [ack] = client.frames;
    expect(ack).toMatchObject({ messageType: TMC_MESSAGE_TYPE.connectAck, statusCode: 0, flag: 7 });
    expect(client.token).toMatch(/^[0-9a-f]{32}$/);
    const message = tmc.broker.publish('worker-1', {
      topic: receiptTopic,
      content: '{"biz_id":"1^0"}',
      nick: 'n',
    });
    const data = client.frames[1];
    expect(data).toMatchObject({ messageType: TMC_MESSAGE_TYPE.send, token: client.token });
    expect(header(data, '__kind')).toBe(TMC_MESSAGE_KIND.data);
    expect(header(data, 'id')).toBe(message.id);
    expect(header(data, 'topic')).toBe(receiptTopic);
    expect(header(data, 'content')).toBe('{"biz_id":"1^0"}');
    expect(header(data, 'time')).toBe(BigInt(start));
    expect(header(data, 'publisher')).toBe('worker-1');
    expect(header(data, 'nick')).toBe('n');
    expect(header(data, 'userid')).toBe(0n);
    expect(client.closes).toEqual([]);
  });

  it('refuses a bad CONNECT with a status code and phrase, the flag echoed, and closes', () => {
    const { tmc } = setup();
    const client = connectClient(tmc);
    client.send(signedConnect('worker-1', 'default', start, 'not-the-secret'));
    expect(client.frames).toEqual([
      {
        messageType: TMC_MESSAGE_TYPE.connectAck,
        statusCode: 25,
        statusPhrase: 'Invalid signature',
        flag: 7,
        headers: new Map(),
      },
    ]);
    expect(client.closes).toEqual([{ code: 1008, reason: 'connect refused' }]);
    expect(client.session.state).toBe('closed');
  });

  it('closes on anything but a CONNECT first, and on bytes that are not a frame', () => {
    const { tmc } = setup();
    const early = connectClient(tmc);
    early.send(request('', TMC_MESSAGE_KIND.pull));
    expect(early.closes).toEqual([{ code: 1002, reason: 'the first frame must be a CONNECT' }]);
    const garbage = connectClient(tmc);
    garbage.session.receive(new Uint8Array([9, 9, 9]));
    expect(garbage.closes).toEqual([{ code: 1002, reason: 'not a TMC frame' }]);
  });

  it('confirms, fails (redelivered after the interval) and answers a flagged SEND with a SENDACK', () => {
    const { tmc, scheduler } = setup();
    const client = openClient(tmc);
    const first = tmc.broker.publish('worker-1', { topic: receiptTopic, content: '{}' });
    const second = tmc.broker.publish('worker-1', { topic: receiptTopic, content: '{}' });
    client.send(request(client.token, TMC_MESSAGE_KIND.confirm, [['id', int64Value(first.id)]]));
    client.send(
      request(
        client.token,
        TMC_MESSAGE_KIND.fail,
        [
          ['id', int64Value(second.id)],
          ['msg', stringValue('x'.repeat(300))],
        ],
        11,
      ),
    );
    expect(client.frames.at(-1)).toMatchObject({
      messageType: TMC_MESSAGE_TYPE.sendAck,
      flag: 11,
      token: client.token,
    });
    const view = inspectTmc(tmc, 'worker-1');
    expect(view.connections).toMatchObject([
      { appKey: 'worker-1', group: 'default', pushed: 2, confirmed: 1, failed: 1 },
    ]);
    const messages = view.groups[0]?.messages ?? [];
    expect(messages.map((message) => [message.id, message.state])).toEqual([
      [second.id.toString(), 'failed'],
      [first.id.toString(), 'confirmed'],
    ]);
    expect(messages[0]?.failReason).toHaveLength(128);
    const pushes = () => client.frames.filter((frame) => header(frame, '__kind') === TMC_MESSAGE_KIND.data);
    scheduler.advance(60_000);
    expect(pushes().map((frame) => header(frame, 'id'))).toEqual([first.id, second.id, second.id]);
    expect(inspectTmc(tmc).groups[0]?.messages[0]).toMatchObject({ state: 'redelivered', attempts: 2 });
  });

  it('a pull pushes what is waiting; a dropped connection gives its messages to the next one', () => {
    const { tmc } = setup();
    const first = openClient(tmc);
    const message = tmc.broker.publish('worker-1', { topic: receiptTopic, content: '{}' });
    first.send(request(first.token, TMC_MESSAGE_KIND.pull));
    expect(inspectTmc(tmc).connections[0]?.pulls).toBe(1);
    tmc.closeSession(first.session);
    const second = openClient(tmc);
    expect(header(second.frames[1], 'id')).toBe(message.id);
    expect(second.frames[1]?.token).toBe(second.token);
    expect(second.token).not.toBe(first.token);
  });
});

describe('TMC faults', () => {
  it('refuse-connect answers the next CONNECT of its app with its status', () => {
    const { tmc } = setup();
    tmc.faults.add([tmcFaultSchema.parse({ kind: 'tmc-refuse-connect', match: { app: 'worker-1' } })], start);
    const refused = connectClient(tmc);
    refused.send(signedConnect('worker-1', 'default', start));
    expect(refused.frames[0]).toMatchObject({ statusCode: 29, statusPhrase: 'Invalid app Key' });
    expect(refused.closes).toHaveLength(1);
    expect(openClient(tmc).frames[0]).toMatchObject({ statusCode: 0 });
  });

  it('drop closes the connection instead of the push; the message is not lost', async () => {
    const { tmc } = setup();
    const first = openClient(tmc);
    tmc.faults.add([tmcFaultSchema.parse({ kind: 'tmc-drop', match: { topic: receiptTopic } })], start);
    const message = tmc.broker.publish('worker-1', { topic: receiptTopic, content: '{}' });
    expect(first.closes).toEqual(['dropped']);
    expect(first.frames).toHaveLength(1);
    await Promise.resolve();
    const second = openClient(tmc);
    expect(header(second.frames[1], 'id')).toBe(message.id);
  });

  it('delay writes the push later on the clock; duplicate writes it twice', () => {
    const { tmc, scheduler } = setup();
    const client = openClient(tmc);
    tmc.faults.add(
      [
        tmcFaultSchema.parse({ kind: 'tmc-delay', delayMs: 5_000 }),
        tmcFaultSchema.parse({ kind: 'tmc-duplicate', match: { app: 'worker-1', group: 'default' } }),
      ],
      start,
    );
    const delayed = tmc.broker.publish('worker-1', { topic: receiptTopic, content: '{}' });
    const doubled = tmc.broker.publish('worker-1', { topic: receiptTopic, content: '{}' });
    expect(client.frames.slice(1).map((frame) => header(frame, 'id'))).toEqual([doubled.id, doubled.id]);
    scheduler.advance(5_000);
    expect(client.frames.at(-1)?.headers.get('id')).toEqual(int64Value(delayed.id));
    expect(tmc.faults.size).toBe(0);
  });

  it('rejects a fault with a typo, naming the field', () => {
    const result = tmcFaultSchema.safeParse({ kind: 'tmc-delay', delayMs: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['delayMs']);
    expect(tmcFaultSchema.safeParse({ kind: 'tmc-drop', match: { topc: 'x' } }).success).toBe(false);
  });
});
