/**
 * Test helpers for TMC against a running mock: the `/__mock/tmc` view, moving the clock, and a
 * `@x/taobao-tmc` consumer wired to the mock (over the `ws` client, so it runs on every supported Node).
 */
import {
  createTmcConsumer,
  type TmcConsumer,
  type TmcConsumerEvent,
  type TmcWebSocketConstructor,
} from '@x/taobao-tmc';
import { WebSocket } from 'ws';
import type { TmcFaultInput } from '../protocol/tmc/tmc-faults.js';
import type { TmcInspectionView } from '../protocol/tmc/tmc-inspection.js';
import { advanceClock as advanceMockClock, getJson } from './mock-control.js';

/** `GET /__mock/tmc?app=…`. */
export function tmcView(url: string, app: string): Promise<TmcInspectionView> {
  return getJson<TmcInspectionView>(`${url}/__mock/tmc?app=${encodeURIComponent(app)}`);
}

/** Moves the mock's clock forward (timers due by then fire: receipts, redeliveries); real-time timestamps. */
export function advanceClock(url: string, milliseconds: number): Promise<void> {
  return advanceMockClock(url, milliseconds, 'real-time');
}

/** Queues a TMC fault in `app`'s namespace; answers the HTTP status. */
export async function postTmcFault(url: string, fault: TmcFaultInput, app: string): Promise<number> {
  const response = await fetch(`${url}/__mock/faults?app=${encodeURIComponent(app)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  await response.arrayBuffer();
  return response.status;
}

/** A consumer of `app` against the mock's WebSocket, reconnecting fast, with every event it saw. */
export function mockTmcConsumer(
  serverUrl: string,
  app: string,
  secret: string,
): { consumer: TmcConsumer; events: TmcConsumerEvent[] } {
  const events: TmcConsumerEvent[] = [];
  const consumer = createTmcConsumer({
    appKey: app,
    appSecret: secret,
    url: `${serverUrl.replace(/^http/, 'ws')}/tmc`,
    // `ws` implements the WHATWG WebSocket surface the consumer uses (Node 20 has no global WebSocket).
    WebSocket: WebSocket as unknown as TmcWebSocketConstructor,
    reconnect: { initialDelay: 20, maxDelay: 100 },
    onEvent: (event) => events.push(event),
  });
  return { consumer, events };
}
