/**
 * When the TOP caller retries: code 7 after its ban with a fresh timestamp and signature, within the limit,
 * and never the isp remote timeout, whose message may be out.
 */
import { verifyTop } from '@x/signing';
import { jsonResponse, rejection } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { client, secret, sendRequest, success } from './test-support/top-caller.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('TOP retries', () => {
  it('retries code 7 after its ban, within the limit, each attempt with a fresh timestamp and signature', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    vi.setSystemTime(new Date('2016-01-01T04:00:00Z'));
    const ban = {
      error_response: { code: 7, msg: 'App Call Limited', sub_msg: 'This ban will last for 2 more seconds' },
    };
    const { caller, requests } = client((_request, index) => (index === 0 ? jsonResponse(ban) : success()), {
      retry: { jitter: false },
    });
    const result = caller.call(sendRequest());
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toMatchObject({ requestId: 'r4lu3uaf87g2' });
    expect(requests.map((request) => request.query.timestamp)).toEqual([
      '2016-01-01 12:00:00',
      '2016-01-01 12:00:02',
    ]);
    for (const request of requests)
      expect(verifyTop({ ...request.query, ...request.form }, secret)).toEqual({ ok: true });
  });

  it('stops retrying code 7 at the limit and throws the platform error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const ban = {
      error_response: { code: 7, msg: 'App Call Limited', sub_msg: 'This ban will last for 1 more seconds' },
    };
    const { caller, requests } = client(() => jsonResponse(ban), { retry: { jitter: false, limit: 2 } });
    const result = rejection(caller.call(sendRequest()));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await result).toMatchObject({ code: 7 });
    expect(requests).toHaveLength(3);
  });

  it('does not retry the isp remote timeout: the message may be out', async () => {
    const body = {
      error_response: {
        code: 15,
        msg: 'Remote service error',
        sub_code: 'isp.top-remote-connection-timeout',
      },
    };
    const { caller, requests } = client(() => jsonResponse(body));
    expect(await rejection(caller.call(sendRequest()))).toMatchObject({ maybeSent: true });
    expect(requests).toHaveLength(1);
  });
});
