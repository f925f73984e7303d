/**
 * The protocol contract cases: every documented success and error of TOP and the fw199 gateway, scripted
 * faults, every magic value, the encodings, as wire requests. The contract suite sends each one to both
 * adapters; each case also says what the answer must show (its status and a telling part of its body).
 */
import { signGateway, signTop } from '@x/signing';
import type { FaultInput } from '../protocol/pipeline/faults/fault-schema.js';
import { magicCiphertext, magicExample, magicOutcomes } from '../protocol/pipeline/magic/magic-catalog.js';
import type { WireRequest } from './protocol-targets.js';
import {
  formBody,
  gatewayDefaults,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topDefaults,
  tpnBusiness,
  tpnMethodName,
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

export const tidPath = '/gateway/taobao/jst/sms/tid/send';
export const douyinPath = '/gateway/dd/sms/send';
const form = 'application/x-www-form-urlencoded';

const post = (target: string, params: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  target,
  headers: { 'content-type': form, ...headers },
  body: formBody(params),
});

/** TOP parameters edited after signing, then signed again: only the intended check fails. */
function resignedTop(edit: (params: Record<string, string>) => void): Record<string, string> {
  const { sign: _sign, ...params } = signedTopParams(jstBusiness());
  edit(params);
  return { ...params, sign: signTop(params, topDefaults.secret, 'md5') };
}

function resignedGateway(fields: Record<string, string>): Record<string, string> {
  const { sign: _sign, ...rest } = fields;
  return { ...rest, sign: signGateway(rest, gatewayDefaults.secret) };
}

const tidItem = (orderId: string) => ({
  order_id: orderId,
  sms_free_sign_name: '迈步鞋城淘宝店',
  template_code: 'SMS_257051849',
});
const tid = (...orderIds: string[]) =>
  post(tidPath, signedGatewayFields('tb_seller_nick', orderIds.map(tidItem)));
const douyinRequest = (messages: Record<string, unknown>[]) => ({
  sign: '群荐的铺子',
  template_id: 'ST_72dd4e2c',
  sms_message_list: messages,
});
const douyin = (...messages: Record<string, unknown>[]) =>
  post(douyinPath, signedGatewayFields('seller_nick', douyinRequest(messages)));
const jst = (phone = '13800138000', format: 'json' | 'xml' = 'json') =>
  post('/router/rest', signedTopParams(jstBusiness({ phone_number: phone }), { format }));

const tmc = (method: string, business: Record<string, string>, format: 'json' | 'xml' = 'json') =>
  signedTopParams(business, { method, session: null, format });

const ok = (...contains: string[]) => ({ status: 200, contains });

const topCases: ContractCase[] = [
  { name: 'JST send, JSON', request: jst(), expected: ok('"jst_sms_message_send_response"') },
  {
    name: 'JST send, XML',
    request: jst('13800138000', 'xml'),
    expected: ok('<jst_sms_message_send_response>'),
  },
  {
    name: 'JST send, simplified JSON',
    request: post('/router/rest', signedTopParams(jstBusiness(), { extra: { simplify: 'true' } })),
    expected: ok('"request_code":"success"'),
  },
  {
    name: 'JST send, gzip asked for',
    request: post('/router/rest', signedTopParams(jstBusiness()), { 'accept-encoding': 'gzip' }),
    expected: ok('"jst_sms_message_send_response"'),
  },
  {
    name: 'JST send as a GET query',
    request: { method: 'GET', target: `/router/rest?${formBody(signedTopParams(jstBusiness()))}` },
    expected: ok('"request_code":"success"'),
  },
  {
    name: 'TPN send',
    request: post('/router/rest', signedTopParams(tpnBusiness(), { method: tpnMethodName, session: null })),
    expected: ok('"tpn_template_message_send_response"', '"is_success":true'),
  },
  {
    name: 'TMC produce (no session), JSON',
    request: post('/router/rest', tmc('taobao.tmc.message.produce', { topic: 't', content: '{"n":"1"}' })),
    expected: ok('{"tmc_message_produce_response":{"is_success":true,"request_id":"'),
  },
  {
    name: 'TMC consume of an empty group, XML',
    request: post('/router/rest', tmc('taobao.tmc.messages.consume', { group_name: 'empty' }, 'xml')),
    expected: ok('<tmc_messages_consume_response><request_id>'),
  },
  {
    name: 'TMC confirm of unknown ids',
    request: post('/router/rest', tmc('taobao.tmc.messages.confirm', { s_message_ids: '1,2' })),
    expected: ok('{"tmc_messages_confirm_response":{"is_success":true,'),
  },
  {
    name: 'TMC consume, quantity out of range',
    request: post('/router/rest', tmc('taobao.tmc.messages.consume', { quantity: '9' })),
    expected: ok('"code":41,"msg":"Invalid arguments:quantity"'),
  },
  ...(
    [
      ['missing method', (params) => delete params.method, 21],
      ['invalid method', (params) => (params.method = 'taobao.nothing'), 22],
      ['missing session', (params) => delete params.session, 26],
      ['invalid session', (params) => (params.session = 'nobody'), 27],
      ['missing app key', (params) => delete params.app_key, 29],
      ['invalid app key', (params) => (params.app_key = '999'), 29],
      ['missing timestamp', (params) => delete params.timestamp, 30],
      ['invalid timestamp', (params) => (params.timestamp = '2001-01-01 00:00:00'), 31],
      ['missing version', (params) => delete params.v, 32],
      ['invalid version', (params) => (params.v = '9.9'), 33],
      ['missing arguments', (params) => (params.send_message_request = '{}'), 40],
      ['invalid arguments', (params) => (params.send_message_request = 'not json'), 41],
    ] as [string, (params: Record<string, string>) => unknown, number][]
  ).map(([name, edit, code]) => ({
    name: `TOP ${name}`,
    request: post('/router/rest', resignedTop(edit)),
    expected: ok(`"code":${code}`),
  })),
  {
    name: 'TOP missing signature',
    request: post('/router/rest', { ...signedTopParams(jstBusiness()), sign: '' }),
    expected: ok('"code":24'),
  },
  {
    name: 'TOP invalid signature, XML',
    request: post('/router/rest', {
      ...signedTopParams(jstBusiness(), { format: 'xml' }),
      sign: 'F'.repeat(32),
    }),
    expected: ok('<code>25</code>'),
  },
  {
    name: 'TOP DELETE: 405',
    request: { method: 'DELETE', target: '/router/rest' },
    expected: { status: 405 },
  },
  {
    name: 'TOP HEAD: 405, nothing sent',
    request: { method: 'HEAD', target: '/router/rest' },
    expected: { status: 405 },
  },
  {
    name: 'TOP body over the limit: 413',
    request: {
      ...jst(),
      headers: { 'content-type': form, 'content-length': String(2 * 1024 * 1024) },
      body: '',
    },
    expected: { status: 413, contains: ['isv.request-too-large'] },
  },
  {
    name: 'TOP path percent-encoded',
    request: { ...jst(), target: '/%72outer/rest' },
    expected: ok('"request_code":"success"'),
  },
];

const gatewayCases: ContractCase[] = [
  {
    name: 'TID send, two items',
    request: tid('3006925020239565830', '3011187783529034024'),
    expected: ok('"code":0'),
  },
  {
    name: 'Douyin send by order and by phone',
    request: douyin(
      { biz_type: 1, order_id: '5001789329480019707' },
      { biz_type: 0, post_tel: '13800138000' },
    ),
    expected: ok('"message_id":"<uuid>"'),
  },
  {
    name: 'gateway unknown appid',
    request: post(tidPath, signedGatewayFields('tb_seller_nick', [tidItem('1')], { appId: 'nobody' })),
    expected: ok('"code":40001'),
  },
  {
    name: 'gateway bad signature',
    request: post(tidPath, {
      ...signedGatewayFields('tb_seller_nick', [tidItem('1')]),
      sign: 'F'.repeat(32),
    }),
    expected: ok('"code":40002'),
  },
  {
    name: 'gateway stale timestamp',
    request: post(
      tidPath,
      signedGatewayFields('tb_seller_nick', [tidItem('1')], { timestamp: '1000000000' }),
    ),
    expected: ok('"code":40003'),
  },
  {
    name: 'gateway seller not authorized',
    request: post(tidPath, signedGatewayFields('tb_seller_nick', [tidItem('1')], { seller: 'someone' })),
    expected: ok('"code":40004'),
  },
  {
    name: 'gateway request_data not JSON',
    request: post(
      tidPath,
      resignedGateway({ ...signedGatewayFields('tb_seller_nick', []), request_data: '{' }),
    ),
    expected: ok('"code":40005'),
  },
  {
    name: 'gateway more than 100 items',
    request: tid(...Array.from({ length: 101 }, (_, index) => String(3006925020239565000 + index))),
    expected: ok('"code":40006'),
  },
  { name: 'gateway GET: 405', request: { method: 'GET', target: tidPath }, expected: { status: 405 } },
  {
    name: 'gateway body over the limit: 413',
    request: {
      ...tid('1'),
      headers: { 'content-type': form, 'content-length': String(2 * 1024 * 1024) },
      body: '',
    },
    expected: { status: 413, contains: ['"code":40005'] },
  },
  { name: 'an unknown path: 404', request: { method: 'GET', target: '/nowhere' }, expected: { status: 404 } },
];

const faultCases: ContractCase[] = [
  {
    name: 'fault: error',
    request: jst(),
    faults: [{ kind: 'error', code: 7, msg: 'App Call Limited' }],
    expected: ok('"code":7'),
  },
  {
    name: 'fault: item failure',
    request: tid('3006925020239565830'),
    faults: [{ kind: 'item-failure', code: 1, message: '号码格式错误' }],
    expected: ok('号码格式错误'),
  },
  {
    name: 'fault: delay',
    request: jst(),
    faults: [{ kind: 'delay', delayMs: 60_000 }],
    releaseAfterMs: 60_000,
    expected: ok('"request_code":"success"'),
  },
  {
    name: 'fault: drop after recording',
    request: jst(),
    faults: [{ kind: 'drop', when: 'after-recording' }],
    expected: 'dropped',
  },
  {
    name: 'fault: drop before recording',
    request: jst(),
    faults: [{ kind: 'drop', when: 'before-recording' }],
    expected: 'dropped',
  },
  {
    name: 'fault: malformed body',
    request: douyin({ biz_type: 1, order_id: '5001789329480019707' }),
    faults: [{ kind: 'malformed-body' }],
    expected: { status: 200 },
  },
  {
    name: 'fault: proxy error',
    request: jst(),
    faults: [{ kind: 'proxy-error', status: 503 }],
    expected: { status: 503, contains: ['503 Service Unavailable'] },
  },
];

/** Every magic value, on JST and on the gateway (Douyin: its ids have fixed lengths, so half a body is comparable). */
const magicCases: ContractCase[] = magicOutcomes.flatMap((outcome) => {
  const value = magicExample(outcome);
  const slow = outcome.name === 'slow-answer' ? { releaseAfterMs: outcome.exampleParameter * 1000 } : {};
  const dropped = outcome.name.startsWith('dropped');
  const expected = (status: number) => (dropped ? ('dropped' as const) : { status });
  const status = outcome.name === 'proxy-error' ? 500 + outcome.exampleParameter : 200;
  const cases: ContractCase[] = [
    {
      name: `magic ${value} (${outcome.name}) on Douyin`,
      request: douyin({ biz_type: 0, post_tel: magicCiphertext(value) }),
      ...slow,
      expected: expected(status),
    },
  ];
  if (outcome.name !== 'malformed-body') {
    cases.push({
      name: `magic ${value} (${outcome.name}) on JST`,
      request: jst(value),
      ...slow,
      expected: expected(status),
    });
  }
  return cases;
});

export const contractCases: readonly ContractCase[] = [
  ...topCases,
  ...gatewayCases,
  ...faultCases,
  ...magicCases,
];

/** Sent together: pipelined on one connection over loopback, one after the other in-process. */
export const pipelinedRequests: readonly WireRequest[] = [
  jst(),
  post('/router/rest', { ...signedTopParams(jstBusiness()), sign: 'F'.repeat(32) }),
  { method: 'GET', target: '/nowhere' },
  tid('3006925020239565830'),
  jst('13800138000', 'xml'),
];
