/**
 * Calls to the fw199 gateway endpoints for their tests: a fresh mock per test (manual clock at `fixedNow`),
 * signed TID and Douyin requests, and the assertions every gateway answer shares (status, content type, key
 * order, trace id).
 */
import { signGateway } from '@x/signing';
import { expect } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { fixedNow, formPost, gatewayDefaults, keysOf, signedGatewayFields } from './signed-requests.js';

export const tidPath = '/gateway/taobao/jst/sms/tid/send';
export const doudianPath = '/gateway/dd/sms/send';
const traceIdPattern = /^[0-9a-f]{32}$/;
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function tidItem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_id: '3006925020239565830',
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { code: '38138124' },
    ...overrides,
  };
}

export function doudianRequest(
  list: unknown[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { sign: '群荐的铺子', template_id: 'ST_72dd4e2c', sms_message_list: list, ...overrides };
}

export const ciphertext =
  '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';

export function setup(options: Parameters<typeof createMockApp>[0] = {}) {
  const app = createMockApp({ clock: createManualClock(fixedNow), ...options });
  const post = async (path: string, fields: Record<string, string>) => {
    const response = await app.request(...formPost(path, fields));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const body = JSON.parse(await response.text());
    expect(keysOf(body)).toEqual(['code', 'message', 'data', 'trace_id']);
    expect(body.trace_id).toMatch(traceIdPattern);
    return body;
  };
  return { app, post };
}

export async function expectCallError(
  path: string,
  fields: Record<string, string>,
  code: number,
  message: string,
) {
  const { app, post } = setup();
  const body = await post(path, fields);
  expect(body).toEqual({ code, message, data: null, trace_id: body.trace_id });
  expect(app.mock.inbox.statistics.recorded).toBe(0);
}

export const tid = (requestData: unknown, options?: Parameters<typeof signedGatewayFields>[2]) =>
  signedGatewayFields('tb_seller_nick', requestData, options);
export const doudian = (requestData: unknown, options?: Parameters<typeof signedGatewayFields>[2]) =>
  signedGatewayFields('seller_nick', requestData, options);

export function resigned(fields: Record<string, string>): Record<string, string> {
  const { sign: _sign, ...rest } = fields;
  return { ...rest, sign: signGateway(rest, gatewayDefaults.secret) };
}
