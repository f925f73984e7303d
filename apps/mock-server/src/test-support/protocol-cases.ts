/**
 * The protocol contract cases: every documented success and error of TOP and the fw199 gateway, scripted
 * faults, every magic value, the encodings, as wire requests. The contract suite sends each one to both
 * adapters; each case also says what the answer must show (its status and a telling part of its body).
 */
import {
  type ContractCase,
  douyin,
  form,
  jst,
  ok,
  post,
  resignedTop,
  tid,
  tidItem,
  tmc,
} from './contract-requests.js';
import { resigned, tidPath } from './gateway-calls.js';
import { faultCases, magicCases } from './protocol-fault-cases.js';
import type { WireRequest } from './protocol-targets.js';
import {
  formBody,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  tpnBusiness,
  tpnMethodName,
} from './signed-requests.js';

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
    request: post(tidPath, resigned({ ...signedGatewayFields('tb_seller_nick', []), request_data: '{' })),
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
