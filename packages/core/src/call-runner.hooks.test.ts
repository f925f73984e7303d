/**
 * The call runner hooks: what beforeRequest and afterResponse see of each attempt (redacted), an
 * afterResponse hook that throws, and a beforeRequest hook that stops the call before sending.
 */
import { connectionFailure, jsonResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { runCall } from './call-runner.js';
import type { RequestHookInfo, ResponseHookInfo } from './hooks.js';
import { plan, secret, session } from './test-support/call-plan.js';

describe('hooks', () => {
  it('see each attempt redacted: api, url, params, status, duration, attempt, error', async () => {
    const before: RequestHookInfo[] = [];
    const after: ResponseHookInfo[] = [];
    const { callPlan } = plan(
      (_request, index) => {
        if (index === 0) throw connectionFailure('ECONNREFUSED');
        return jsonResponse({ ok: true });
      },
      {
        hooks: {
          beforeRequest: [(info) => void before.push(info)],
          afterResponse: [(info) => void after.push(info)],
        },
      },
    );
    await runCall(callPlan);
    expect(before.map((info) => info.attempt)).toEqual([1, 2]);
    expect(before[0]).toEqual({
      protocol: 'top',
      api: 'taobao.test.send',
      method: 'POST',
      url: 'https://gw.example/router/rest?method=taobao.test.send&session=[REDACTED]&sign=[REDACTED]',
      params: {
        method: 'taobao.test.send',
        session: '[REDACTED]',
        sign: '[REDACTED]',
        phone_number: '138****8000',
        note: 'secret is [REDACTED]',
      },
      attempt: 1,
    });
    expect(after[0]).toMatchObject({ attempt: 1, status: undefined, error: { kind: 'network' } });
    expect(after[1]).toMatchObject({ attempt: 2, status: 200, error: undefined });
    expect(after[1]?.durationMs).toBeGreaterThanOrEqual(0);
    const serialised = JSON.stringify([before, after]);
    for (const canary of [secret, session, '13800138000']) expect(serialised).not.toContain(canary);
  });

  it('ignore an afterResponse hook that throws: the send already happened', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ ok: 'sent' }), {
      hooks: {
        afterResponse: [
          () => {
            throw new Error('logger down');
          },
        ],
      },
    });
    await expect(runCall(callPlan)).resolves.toBe('sent');
    expect(requests).toHaveLength(1);
  });

  it('stop the call before sending when beforeRequest throws', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ ok: true }), {
      hooks: {
        beforeRequest: [
          () => {
            throw new Error('quota exhausted');
          },
        ],
      },
    });
    await expect(runCall(callPlan)).rejects.toThrow('quota exhausted');
    expect(requests).toHaveLength(0);
  });
});
