import { describe, expect, it } from 'vitest';
import { createSteppedScheduler } from './tmc-scheduler.js';
import { TmcService } from './tmc-service.js';
import { renderTopAnswer } from './tmc-top-answer.js';
import { findTmcTopMethod, type TmcTopAnswer } from './tmc-top-methods.js';

const start = Date.parse('2026-01-01T00:00:00Z');

function setup() {
  const scheduler = createSteppedScheduler(start);
  const apps = { findSecret: () => 'secret', timestampCheckTime: () => start, timestampToleranceMs: 600_000 };
  const tmc = new TmcService(scheduler, apps, { redeliveryIntervalMs: 60_000 });
  const call = (method: string, params: Record<string, string>, appKey = 'app-1'): TmcTopAnswer => {
    const found = findTmcTopMethod(method);
    if (found === undefined) throw new Error(`no method ${method}`);
    return found.answer(params, appKey, tmc);
  };
  return { scheduler, tmc, call };
}

const produce = { topic: 'alibaba_aliqin_TaFcSmsDR', content: '{"biz_id":"1^0","state":"1"}' };

/** The ids `consume` listed, read from the JSON text (they exceed 2^53: not as doubles). */
function consumedIds(answer: TmcTopAnswer): string[] {
  if (!answer.ok) throw new Error(answer.reason);
  const text = renderTopAnswer(answer.responseKey, answer.fields, 'json', true);
  return [...text.matchAll(/"id":(\d+)/g)].map((match) => match[1] as string);
}

describe('TMC TOP methods', () => {
  it('produce publishes in the caller namespace; consume lists it in TOP list shape', () => {
    const { call } = setup();
    expect(call('taobao.tmc.message.produce', produce)).toEqual({
      ok: true,
      responseKey: 'tmc_message_produce_response',
      fields: { is_success: true },
    });
    const answer = call('taobao.tmc.messages.consume', { group_name: 'default', quantity: '10' });
    if (!answer.ok) throw new Error(answer.reason);
    const json = renderTopAnswer(answer.responseKey, answer.fields, 'json', false);
    expect(json).toMatch(
      /^\{"tmc_messages_consume_response":\{"messages":\{"tmc_message":\[\{"id":\d{16,19},"topic":"alibaba_aliqin_TaFcSmsDR","content":"\{\\"biz_id\\":\\"1\^0\\",\\"state\\":\\"1\\"\}","pub_time":"2026-01-01 08:00:00","pub_app_key":"app-1","user_id":0,"user_nick":""\}\]\}\}\}$/,
    );
    const xml = renderTopAnswer(answer.responseKey, answer.fields, 'xml', false);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8" \?><tmc_messages_consume_response><messages><tmc_message><id>\d+<\/id><topic>alibaba_aliqin_TaFcSmsDR<\/topic><content>\{"biz_id":"1\^0","state":"1"\}<\/content>/,
    );
    expect(call('taobao.tmc.messages.consume', {}, 'app-2')).toMatchObject({ ok: true, fields: {} });
  });

  it('leaves the list out when there is nothing to consume', () => {
    const { call } = setup();
    const answer = call('taobao.tmc.messages.consume', {});
    if (!answer.ok) throw new Error(answer.reason);
    expect(renderTopAnswer(answer.responseKey, answer.fields, 'json', false)).toBe(
      '{"tmc_messages_consume_response":{}}',
    );
  });

  it('confirm settles consumed messages; failed and unconfirmed ones come back after the interval', () => {
    const { call, scheduler } = setup();
    for (let index = 0; index < 3; index++) call('taobao.tmc.message.produce', produce);
    const [confirmed, failed, forgotten] = consumedIds(call('taobao.tmc.messages.consume', {})) as [
      string,
      string,
      string,
    ];
    expect(consumedIds(call('taobao.tmc.messages.consume', {}))).toEqual([]);
    scheduler.advance(10_000);
    expect(
      call('taobao.tmc.messages.confirm', { s_message_ids: `${confirmed},123`, f_message_ids: failed }),
    ).toMatchObject({ ok: true, fields: { is_success: true } });
    scheduler.advance(50_000);
    expect(consumedIds(call('taobao.tmc.messages.consume', {}))).toEqual([forgotten]);
    scheduler.advance(10_000);
    expect(consumedIds(call('taobao.tmc.messages.consume', {}))).toEqual([failed]);
  });

  it.each([
    ['taobao.tmc.messages.consume', { quantity: '9' }, 41, 'Invalid arguments:quantity'],
    ['taobao.tmc.messages.consume', { quantity: '201' }, 41, 'Invalid arguments:quantity'],
    ['taobao.tmc.messages.consume', { quantity: '1e2' }, 41, 'Invalid arguments:quantity'],
    ['taobao.tmc.messages.consume', { group_name: 'g'.repeat(33) }, 41, 'Invalid arguments:group_name'],
    ['taobao.tmc.messages.confirm', {}, 40, 'Missing required arguments:s_message_ids'],
    ['taobao.tmc.messages.confirm', { s_message_ids: '1,x' }, 41, 'Invalid arguments:s_message_ids'],
    [
      'taobao.tmc.messages.confirm',
      { s_message_ids: Array.from({ length: 201 }, (_, index) => index + 1).join(',') },
      41,
      'Invalid arguments:s_message_ids',
    ],
    ['taobao.tmc.message.produce', { content: '{}' }, 40, 'Missing required arguments:topic'],
    ['taobao.tmc.message.produce', { topic: 't' }, 40, 'Missing required arguments:content'],
    ['taobao.tmc.message.produce', { topic: 't', content: '{' }, 41, 'Invalid arguments:content'],
    ['taobao.tmc.message.produce', { topic: 't', content: '[1]' }, 41, 'Invalid arguments:content'],
  ])('%s %j → %i %s', (method, params, code, msg) => {
    const { call } = setup();
    expect(call(method, params)).toMatchObject({ ok: false, error: { code, msg } });
  });

  it('produce with target_group reaches that group only', () => {
    const { call } = setup();
    call('taobao.tmc.messages.consume', { group_name: 'billing' });
    call('taobao.tmc.message.produce', { ...produce, target_group: 'billing' });
    expect(consumedIds(call('taobao.tmc.messages.consume', {}))).toEqual([]);
    expect(consumedIds(call('taobao.tmc.messages.consume', { group_name: 'billing' }))).toHaveLength(1);
  });

  it('knows only the three TMC methods', () => {
    expect(findTmcTopMethod('taobao.tmc.group.add')).toBeUndefined();
  });
});
