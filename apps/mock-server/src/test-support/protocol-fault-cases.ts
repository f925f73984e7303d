/**
 * The protocol contract cases for scripted faults and every magic value: what both adapters must answer alike
 * when a fault or a magic recipient changes the answer (or drops the connection).
 */
import { magicOutcomes } from '../protocol/pipeline/magic/magic-catalog.js';
import { magicCiphertext, magicExample } from '../protocol/pipeline/magic/magic-recipient.js';
import { type ContractCase, douyin, jst, ok, tid } from './contract-requests.js';

export const faultCases: ContractCase[] = [
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
export const magicCases: ContractCase[] = magicOutcomes.flatMap((outcome) => {
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
