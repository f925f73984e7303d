/**
 * The wire requests the protocol contract cases are built from: signed TOP, TID and Douyin sends as raw
 * requests (method, target, headers, body), and what a case expects of its answer.
 */
import { signTop } from '@x/signing';
import type { FaultInput } from '../protocol/pipeline/faults/fault-schema.js';
import { doudianPath, tidPath } from './gateway-calls.js';
import type { WireRequest } from './protocol-targets.js';
import {
  formBody,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topDefaults,
} from './signed-requests.js';

export interface ContractCase {
  name: string;
  request: WireRequest;
  /** Queued on the mock before the request. */
  faults?: FaultInput[];
  /** The answer waits out a delay: the test moves the mock's clock this far once the request is journaled. */
  releaseAfterMs?: number;
  expected: { status: number; contains?: string[] } | 'dropped';
}

export const form = 'application/x-www-form-urlencoded';

export const post = (
  target: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) => ({
  method: 'POST',
  target,
  headers: { 'content-type': form, ...headers },
  body: formBody(params),
});

/** TOP parameters edited after signing, then signed again: only the intended check fails. */
export function resignedTop(edit: (params: Record<string, string>) => void): Record<string, string> {
  const { sign: _sign, ...params } = signedTopParams(jstBusiness());
  edit(params);
  return { ...params, sign: signTop(params, topDefaults.secret, 'md5') };
}

export const tidItem = (orderId: string) => ({
  order_id: orderId,
  sms_free_sign_name: '迈步鞋城淘宝店',
  template_code: 'SMS_257051849',
});
export const tid = (...orderIds: string[]) =>
  post(tidPath, signedGatewayFields('tb_seller_nick', orderIds.map(tidItem)));
const douyinRequest = (messages: Record<string, unknown>[]) => ({
  sign: '群荐的铺子',
  template_id: 'ST_72dd4e2c',
  sms_message_list: messages,
});
export const douyin = (...messages: Record<string, unknown>[]) =>
  post(doudianPath, signedGatewayFields('seller_nick', douyinRequest(messages)));
export const jst = (phone = '13800138000', format: 'json' | 'xml' = 'json') =>
  post('/router/rest', signedTopParams(jstBusiness({ phone_number: phone }), { format }));

export const tmc = (method: string, business: Record<string, string>, format: 'json' | 'xml' = 'json') =>
  signedTopParams(business, { method, session: null, format });

export const ok = (...contains: string[]) => ({ status: 200, contains });
