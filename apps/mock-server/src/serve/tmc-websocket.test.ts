/** The WebSocket adapter over loopback: a real `ws` client against a `node:http` server with TMC attached. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeFrame,
  encodeFrame,
  int64Value,
  TMC_MESSAGE_KIND,
  TMC_MESSAGE_TYPE,
  type TmcFrame,
} from '@x/taobao-tmc/wire';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { tmcFaultSchema } from '../protocol/tmc/tmc-faults.js';
import { createSteppedScheduler } from '../protocol/tmc/tmc-scheduler.js';
import { TmcService } from '../protocol/tmc/tmc-service.js';
import { requestFrame, signedConnectFrame } from '../test-support/tmc-frames.js';
import { attachTmcWebSocket, type TmcWebSocketEndpoint } from './tmc-websocket.js';

const secret = 'tmc-secret';
let server: Server;
let endpoint: TmcWebSocketEndpoint;
let tmc: TmcService;
let url: string;

beforeEach(async () => {
  tmc = new TmcService(createSteppedScheduler(Date.now()), {
    findSecret: () => secret,
    timestampCheckTime: Date.now,
    timestampToleranceMs: 600_000,
  });
  server = createServer((_request, response) => response.end('not a websocket'));
  endpoint = attachTmcWebSocket(server, tmc);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  endpoint.close();
  await new Promise((resolve) => server.close(resolve));
});

/** A raw client: every frame it receives, in order, and how the connection ended. */
async function open(path = '/tmc') {
  const websocket = new WebSocket(`${url}${path}`);
  const frames: TmcFrame[] = [];
  const waiters: Array<() => void> = [];
  websocket.on('message', (data: Buffer) => {
    frames.push(decodeFrame(data));
    for (const waiter of waiters.splice(0)) waiter();
  });
  const closed = new Promise<number>((resolve) => websocket.on('close', (code: number) => resolve(code)));
  await new Promise((resolve, reject) => {
    websocket.once('open', resolve);
    websocket.once('error', reject);
  });
  const frameCount = async (count: number) => {
    while (frames.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return frames;
  };
  return { websocket, frames, frameCount, closed };
}

function connectFrame(appKey: string, key = secret): Uint8Array {
  return encodeFrame(signedConnectFrame({ appKey, secret: key, timestamp: Date.now(), flag: 3 }));
}

describe('attachTmcWebSocket', () => {
  it('connects on any path, pushes with the token, and takes a confirm', async () => {
    for (const path of ['/tmc', '/']) {
      const client = await open(path);
      client.websocket.send(connectFrame('app-1'));
      const [ack] = await client.frameCount(1);
      expect(ack).toMatchObject({ messageType: TMC_MESSAGE_TYPE.connectAck, statusCode: 0, flag: 3 });
      const message = tmc.broker.publish('app-1', { topic: 't', content: '{}' });
      const data = (await client.frameCount(2))[1];
      expect(data?.token).toBe(ack?.token);
      expect(data?.headers.get('id')).toEqual(int64Value(message.id));
      const confirm = encodeFrame(
        requestFrame(ack?.token ?? '', TMC_MESSAGE_KIND.confirm, [['id', int64Value(message.id)]], 9),
      );
      client.websocket.send(confirm);
      expect((await client.frameCount(3))[2]).toMatchObject({
        messageType: TMC_MESSAGE_TYPE.sendAck,
        flag: 9,
      });
      expect(tmc.broker.group('app-1', 'default').statistics.confirmed).toBe(path === '/tmc' ? 1 : 2);
      client.websocket.close();
      await client.closed;
    }
  });

  it('answers pings', async () => {
    const client = await open();
    const pong = new Promise<string>((resolve) =>
      client.websocket.once('pong', (data: Buffer) => resolve(data.toString())),
    );
    client.websocket.ping('are you there');
    expect(await pong).toBe('are you there');
    client.websocket.close();
  });

  it('refuses a wrong signature with an error CONNECTACK, then closes with 1008', async () => {
    const client = await open();
    client.websocket.send(connectFrame('app-1', 'wrong'));
    expect((await client.frameCount(1))[0]).toMatchObject({
      statusCode: 25,
      statusPhrase: 'Invalid signature',
    });
    expect(await client.closed).toBe(1008);
  });

  it('a drop fault ends the connection without a close frame; the message waits for the next connection', async () => {
    const first = await open();
    first.websocket.send(connectFrame('app-1'));
    await first.frameCount(1);
    tmc.faults.add([tmcFaultSchema.parse({ kind: 'tmc-drop' })], Date.now());
    const message = tmc.broker.publish('app-1', { topic: 't', content: '{}' });
    expect(await first.closed).toBe(1006);
    const second = await open();
    second.websocket.send(connectFrame('app-1'));
    const frames = await second.frameCount(2);
    expect(frames[1]?.headers.get('id')).toEqual(int64Value(message.id));
    second.websocket.close();
  });

  it('closes a connection that sends something that is not a TMC frame', async () => {
    const client = await open();
    client.websocket.send('hello');
    expect(await client.closed).toBe(1002);
  });
});
