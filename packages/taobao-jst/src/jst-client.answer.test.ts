/**
 * How the jst client reads the answer: JSON and XML successes and documented examples, a business rejection
 * as ok: false, error_response as a TopPlatformError, and an illegal number that is not retried.
 */

import { jsonResponse, rejection, textResponse } from '@x/test-support';
import { describe, expect, it } from 'vitest';
import { isTopPlatformError } from './index.js';
import { client, fixture, request } from './test-support/jst-test-client.js';

describe('the answer', () => {
  it.each([
    ['JSON', 'jst-success.json'],
    ['XML', 'jst-success.xml'],
  ])('a %s success resolves ok with the receipt', async (_format, name) => {
    const { jst } = client(() => textResponse(fixture(name), 'text/javascript;charset=UTF-8'));
    await expect(jst.send(request)).resolves.toEqual({
      ok: true,
      request_success: true,
      request_code: 'success',
      request_id: 'r4lu3uaf87g2',
      module: '341623067818673604^0',
      message: 'success',
    });
  });

  it.each([
    ['JSON', 'jst-success-seed.json'],
    ['XML', 'jst-success-seed.xml'],
  ])('the documented %s example reads as documented', async (_format, name) => {
    const { jst } = client(() => textResponse(fixture(name), 'text/xml;charset=UTF-8'));
    await expect(jst.send(request)).resolves.toEqual({
      ok: true,
      request_success: true,
      request_code: 'params_error',
      request_id: '1234',
      module: null,
      message: '参数错误',
    });
  });

  it.each([
    ['JSON', 'jst-rejected.json'],
    ['XML', 'jst-rejected.xml'],
  ])('a %s business rejection resolves with ok: false', async (_format, name) => {
    const { jst } = client(() => jsonResponse(fixture(name)));
    await expect(jst.send(request)).resolves.toEqual({
      ok: false,
      request_success: false,
      request_code: 'params_error',
      request_id: 'r4lu3uaf87g3',
      module: null,
      message: '参数错误',
    });
  });

  it.each([
    ['JSON', 'error-response-seed.json'],
    ['XML', 'error-response-seed.xml'],
  ])('the documented %s error_response rejects with a TopPlatformError', async (_format, name) => {
    const { jst } = client(() => jsonResponse(fixture(name)));
    const error = await rejection(jst.send(request));
    expect(isTopPlatformError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 50,
      msg: 'Remote service error',
      subCode: 'isv.invalid-parameter',
      subMsg: '非法参数',
      retryable: false,
      maybeSent: false,
    });
  });

  it('an illegal number rejected by the SMS service is not processed and not retried', async () => {
    const { jst, requests } = client(() => jsonResponse(fixture('error-invalid-phone.json')));
    const error = await rejection(jst.send(request));
    expect(error).toMatchObject({
      code: 15,
      subCode: 'isv.MOBILE_NUMBER_ILLEGAL',
      requestId: 'r4lu3uaf87g4',
    });
    expect(requests).toHaveLength(1);
  });
});
