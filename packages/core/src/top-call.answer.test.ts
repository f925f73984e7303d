/**
 * How the TOP caller reads an answer: JSON and XML successes, the documented examples, error_response into a
 * TopPlatformError with its retry verdict and ban length, and bodies it cannot read as unparseable-body
 * errors that may have been processed.
 */

import { jsonResponse, rejection, textResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { isTopPlatformError, isTransportError } from './error-guards.js';
import { client, fixture, sendRequest } from './test-support/top-caller.js';

describe('the TOP answer', () => {
  it.each([
    ['JSON', 'top-jst-success.json', 'application/json;charset=UTF-8'],
    ['XML', 'top-jst-success.xml', 'text/xml;charset=UTF-8'],
  ])('reads a %s success into the payload and its request id', async (_format, name, contentType) => {
    const { caller } = client(() => textResponse(fixture(name), contentType));
    await expect(caller.call(sendRequest())).resolves.toEqual({
      payload: {
        request_code: 'success',
        request_success: true,
        request_id: 'r4lu3uaf87g2',
        module: '341623067818673604^0',
        message: 'success',
      },
      requestId: 'r4lu3uaf87g2',
    });
  });

  it('reads the documented XML example, typing booleans and null', async () => {
    const { caller } = client(() =>
      textResponse(fixture('top-jst-success-seed.xml'), 'text/xml;charset=UTF-8'),
    );
    const { payload } = await caller.call(sendRequest());
    expect(payload).toEqual({
      request_code: 'params_error',
      request_success: true,
      request_id: '1234',
      module: null,
      message: '参数错误',
    });
  });

  it.each([
    ['JSON', 'top-error-response-seed.json'],
    ['XML', 'top-error-response-seed.xml'],
  ])('makes the documented %s error_response a TopPlatformError', async (_format, name) => {
    const { caller, requests } = client(() => textResponse(fixture(name), 'text/xml;charset=UTF-8'));
    const error = await rejection(caller.call(sendRequest()));
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 50,
      msg: 'Remote service error',
      subCode: 'isv.invalid-parameter',
      subMsg: '非法参数',
      requestId: undefined,
      retryable: false,
      maybeSent: false,
    });
    expect(requests).toHaveLength(1);
  });

  const platformErrors = JSON.parse(fixture('top-platform-errors.json')) as Array<{
    error_response: { code: number; msg: string; sub_code?: string; sub_msg?: string; request_id: string };
  }>;
  // code → [retryable, maybeSent] (top-error-verdict.ts explains each).
  const verdicts: Record<string, [boolean, boolean]> = {
    7: [true, false],
    '15 isp.top-remote-connection-timeout': [false, true],
  };
  it.each(
    platformErrors.map(
      (body) => [body.error_response.code, body.error_response.sub_code ?? '', body] as const,
    ),
  )('reads code %i %s into a TopPlatformError with its retry verdict', async (code, subCode, body) => {
    const { caller, requests } = client(() => jsonResponse(body), { retry: { limit: 0 } });
    const error = await rejection(caller.call(sendRequest()));
    const [retryable, maybeSent] = verdicts[`${code} ${subCode}`] ?? verdicts[code] ?? [false, false];
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code,
      msg: body.error_response.msg,
      subCode: body.error_response.sub_code,
      subMsg: body.error_response.sub_msg,
      requestId: body.error_response.request_id,
      retryable,
      maybeSent,
    });
    expect(requests).toHaveLength(1);
  });

  it('reads the ban length of code 7', async () => {
    const { caller } = client(() => jsonResponse(platformErrors[0]), { retry: { limit: 0 } });
    expect(await rejection(caller.call(sendRequest()))).toMatchObject({ code: 7, retryAfterMs: 12_000 });
  });

  it('counts an unknown code and a code 15 without sub_code as possibly processed', async () => {
    for (const body of [
      { code: 15, msg: 'Remote service error' },
      { code: 9999, msg: 'New' },
    ]) {
      const { caller } = client(() => jsonResponse({ error_response: body }));
      expect(await rejection(caller.call(sendRequest()))).toMatchObject({
        maybeSent: true,
        retryable: false,
      });
    }
  });

  it.each([
    ['an unknown root key', '{"other_response":{}}', 'got root key other_response'],
    [
      'a payload without the documented fields',
      '{"jst_sms_message_send_response":{"request_id":"x"}}',
      'does not match',
    ],
    ['an error_response without a code', '{"error_response":{"msg":"x"}}', 'without a numeric code'],
    ['neither JSON nor XML', 'Service Unavailable', 'neither JSON nor XML'],
    ['malformed XML', '<error_response><code>7</error_response>', 'neither JSON nor XML'],
    ['a JSON array', '[]', 'neither JSON nor XML'],
  ])('makes %s an unparseable-body error that may have been processed', async (_label, body, detail) => {
    const { caller, requests } = client(() => textResponse(body, 'application/json'));
    const error = await rejection(caller.call(sendRequest()));
    expect(isTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'unparseable-body', maybeSent: true, retryable: false });
    expect((error as { detail: string }).detail).toContain(detail);
    expect(requests).toHaveLength(1);
  });
});
