/**
 * Test helpers for the control API (faults, clock, limits) and for comparing answers whose ids are random:
 * `stableBody` replaces each id with a placeholder, so a test can assert the exact body, key order included.
 */

import { vi } from 'vitest';
import type { FaultInput } from '../protocol/pipeline/faults/fault-schema.js';
import type { ScriptedFault } from '../protocol/pipeline/faults/fault-store.js';
import type { RecordedMessage } from '../state/recorded-message.js';
import type { JournalEntry } from '../state/request-journal.js';

/** The body with `request_id`, `trace_id`, `message_id`, receipts and TPN results replaced by placeholders. */
export function stableBody(text: string): string {
  return text
    .replace(/"request_id":"[0-9a-z]{12,13}"/g, '"request_id":"<id>"')
    .replace(/<request_id>[0-9a-z]{12,13}<\/request_id>/g, '<request_id><id></request_id>')
    .replace(/"trace_id":"[0-9a-f]{32}"/g, '"trace_id":"<trace>"')
    .replace(/"message_id":"[0-9a-f-]{36}"/g, '"message_id":"<uuid>"')
    .replace(/"module":"\d{18}\^0"/g, '"module":"<receipt>"')
    .replace(/"result":"\d{16}"/g, '"result":"<result>"');
}

/** A JST success as `stableBody` shows it. */
export const jstSuccess =
  '{"jst_sms_message_send_response":{"request_code":"success","request_success":true,"request_id":"<id>","module":"<receipt>","message":"success"}}';

export async function postFault(
  url: string,
  fault: FaultInput | FaultInput[],
  query = '',
): Promise<{ status: number; body: { count: number; faults: ScriptedFault[] } & Record<string, unknown> }> {
  const response = await fetch(`${url}/__mock/faults${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  return { status: response.status, body: (await response.json()) as never };
}

export async function getJson<Body = Record<string, unknown>>(
  url: string,
  init?: RequestInit,
): Promise<Body> {
  const response = await fetch(url, init);
  return (await response.json()) as Body;
}

export async function messagesOf(url: string, app: string): Promise<RecordedMessage[]> {
  const body = await getJson<{ messages: RecordedMessage[] }>(
    `${url}/__mock/messages?app=${encodeURIComponent(app)}`,
  );
  return body.messages;
}

export async function requestsOf(url: string, app: string): Promise<JournalEntry[]> {
  const body = await getJson<{ requests: JournalEntry[] }>(
    `${url}/__mock/requests?app=${encodeURIComponent(app)}`,
  );
  return body.requests;
}

/** What a rejected fetch says about the connection: the code of its cause (`UND_ERR_SOCKET` …). */
export async function connectionFailure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? String(error);
  }
  throw new Error('expected the connection to fail');
}

/**
 * Moves the mock's clock forward (`POST /__mock/clock`): an answer waiting out a delay on it goes out.
 * `timestamps` also sets what protocol timestamps are checked against (`real-time`: clients signing with the
 * real time keep working).
 */
export async function advanceClock(
  url: string,
  milliseconds: number,
  timestamps?: 'mock-clock' | 'real-time',
): Promise<void> {
  const response = await fetch(`${url}/__mock/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      timestamps === undefined ? { advance: milliseconds } : { advance: milliseconds, timestamps },
    ),
  });
  if (!response.ok) throw new Error(`POST /__mock/clock answered ${response.status}`);
}

/** Puts the mock's clock back (`DELETE /__mock/clock`). */
export async function resetClock(url: string): Promise<void> {
  await (await fetch(`${url}/__mock/clock`, { method: 'DELETE' })).arrayBuffer();
}

/** A promise and whether it has settled yet: shows that an answer is still waiting. */
export function watch<Value>(promise: Promise<Value>): {
  readonly promise: Promise<Value>;
  readonly settled: boolean;
} {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  // The caller awaits `promise` later; an early rejection must not count as unhandled meanwhile.
  watched.catch(() => {});
  return {
    promise: watched,
    get settled() {
      return settled;
    },
  };
}

/**
 * Retries `assertion` until it passes: for what the mock does on its own schedule (journal a request a client
 * gave up on). Generous, since CI shares two cores among many processes; it waits on an event, not a duration.
 */
export function eventually<Value>(assertion: () => Value | Promise<Value>): Promise<Value> {
  return vi.waitFor(assertion, { timeout: 15_000, interval: 20 });
}
