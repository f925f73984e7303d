/**
 * The POST the call runner sends: the query in the URL and the form as a UTF-8 urlencoded body.
 */
import { jsonResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { runCall } from './call-runner.js';
import { plan, secret, session } from './test-support/call-plan.js';

describe('the POST', () => {
  it('sends the query in the URL and the form as a UTF-8 urlencoded body', async () => {
    const { callPlan, requests } = plan(() => jsonResponse({ ok: 1 }));
    await expect(runCall(callPlan)).resolves.toBe(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.origin + request!.url.pathname).toBe('https://gw.example/router/rest');
    expect(request?.query).toEqual({ method: 'taobao.test.send', session, sign: 'ABCDEF' });
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request?.form).toEqual({ phone_number: '13800138000', note: `secret is ${secret}` });
  });
});
