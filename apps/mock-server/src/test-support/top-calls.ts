/**
 * Calls to the TOP endpoint for its tests: a fresh mock per test (manual clock at `fixedNow`), the answer's
 * text, and the helpers that edit a signed request so that only the intended check fails.
 */
import { signTop } from '@x/signing';
import { expect } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { fixedNow, keysOf, topDefaults, topRequest } from './signed-requests.js';

export const requestIdPattern = /^[0-9a-z]{12,13}$/;
export const xmlProlog = '<?xml version="1.0" encoding="utf-8" ?>';

export function setup() {
  const app = createMockApp({ clock: createManualClock(fixedNow) });
  const call = async (
    params: Record<string, string>,
    encoding: Parameters<typeof topRequest>[1] = 'form-post',
  ) => {
    const response = await app.request(...topRequest(params, encoding));
    return { response, text: await response.text() };
  };
  return { app, call };
}

export async function expectJsonError(params: Record<string, string>, expected: Record<string, unknown>) {
  const { app, call } = setup();
  const { response, text } = await call({ ...params, format: 'json' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  const body = JSON.parse(text);
  expect(keysOf(body)).toEqual(['error_response']);
  const { request_id: requestId, ...rest } = body.error_response;
  expect(rest).toEqual(expected);
  expect(requestId).toMatch(requestIdPattern);
  expect(keysOf(body.error_response)).toEqual([...Object.keys(expected), 'request_id']);
  expect(app.mock.inbox.statistics.recorded).toBe(0);
  return body;
}

/** Re-signs after editing, so only the intended check fails. */
export function resign(params: Record<string, string>, secret = topDefaults.secret): Record<string, string> {
  const { sign: _sign, ...rest } = params;
  return { ...rest, sign: signTop(rest, secret, (rest.sign_method as 'md5') ?? 'md5') };
}

export function without(params: Record<string, string>, ...names: string[]): Record<string, string> {
  const copy = { ...params };
  for (const name of names) delete copy[name];
  return copy;
}
