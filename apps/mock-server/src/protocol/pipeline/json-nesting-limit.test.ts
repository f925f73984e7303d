/**
 * JSON parameters nested deeper than the limit are an invalid argument in each API's own shape, and what the
 * inbox holds never breaks a view: the message list, the inbox page, its search and its live feed.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp, runtimeOf } from '../../serve/create-mock-app.js';
import { createManualClock } from '../../state/clock.js';
import type { PendingMessage, RecordedMessage } from '../../state/recorded-message.js';
import {
  fixedNow,
  formPost,
  jsonOf,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topRequest,
  tpnBusiness,
  tpnMethodName,
} from '../../test-support/signed-requests.js';
import { jsonNestsDeeperThan, maxJsonNesting } from './json-nesting-limit.js';

function nestedObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
function nestedArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays inside one another, not brackets inside strings', () => {
    expect(maxJsonNesting).toBe(64);
    expect(jsonNestsDeeperThan(nestedObject(64), 64)).toBe(false);
    expect(jsonNestsDeeperThan(nestedObject(65), 64)).toBe(true);
    expect(jsonNestsDeeperThan(nestedArray(65), 64)).toBe(true);
    expect(jsonNestsDeeperThan(`{"a":${JSON.stringify(nestedArray(500))}}`, 64)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\"${'['.repeat(100)}"}`, 64)).toBe(false);
    expect(jsonNestsDeeperThan(`[${'[], '.repeat(1000)}[]]`, 64)).toBe(false);
  });
});

describe('the protocol checks', () => {
  const app = createMockApp({ clock: createManualClock(fixedNow) });

  it('answers TPN 41 Invalid arguments:<name> for a Json parameter nested deeper than 64 levels', async () => {
    for (const name of ['content_param', 'title_param', 'biz_data', 'mobile_biz_data']) {
      const params = signedTopParams(tpnBusiness({ [name]: nestedObject(5000) }), {
        method: tpnMethodName,
        session: null,
      });
      expect((await jsonOf(await app.request(...topRequest(params)))).error_response).toEqual({
        code: 41,
        msg: `Invalid arguments:${name}`,
        sub_code: `isv.invalid-parameter:${name}`,
        request_id: expect.any(String),
      });
      expect(app.mock.journal.newestFirst().next().value?.verdict).toMatchObject({
        reason: `${name} nests JSON deeper than 64 levels`,
      });
    }
    const atTheLimit = signedTopParams(tpnBusiness({ content_param: nestedObject(64) }), {
      method: tpnMethodName,
      session: null,
    });
    expect(
      (await jsonOf(await app.request(...topRequest(atTheLimit)))).tpn_template_message_send_response,
    ).toMatchObject({ is_success: true });
  });

  it('answers JST 41 Invalid arguments:send_message_request for a deep send_message_request', async () => {
    const business = jstBusiness();
    const deep = `${(business.send_message_request as string).slice(0, -1)},"extra":${nestedArray(100)}}`;
    const params = signedTopParams({ send_message_request: deep });
    expect((await jsonOf(await app.request(...topRequest(params)))).error_response).toMatchObject({
      code: 41,
      msg: 'Invalid arguments:send_message_request',
    });
  });

  it('answers fw199 40005 参数错误:request_data for a deep request_data', async () => {
    const item = { order_id: '1234567890', sms_free_sign_name: '聚石塔官方', template_code: 'SMS_12345' };
    const deep = `[${JSON.stringify(item).slice(0, -1)},"extra":${nestedObject(100)}}]`;
    const fields = signedGatewayFields('tb_seller_nick', deep);
    const answer = await jsonOf(await app.request(...formPost('/gateway/taobao/jst/sms/tid/send', fields)));
    expect(answer).toMatchObject({ code: 40005, message: '参数错误:request_data', data: null });
  });
});

describe('every view, whatever the inbox holds', () => {
  it('lists, renders, searches and streams a message recorded with 5,000 levels of nesting', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const streamed: RecordedMessage[] = [];
    app.mock.inbox.subscribe((message) => streamed.push(message));
    const deep: unknown = JSON.parse(nestedObject(5000));
    const pending: PendingMessage = {
      platform: 'qianniu-tpn',
      api: tpnMethodName,
      appKey: '12345678',
      seller: null,
      recipient: '12345',
      recipientKind: 'qianniu-user',
      signName: null,
      template: 'deep',
      variables: { deep },
      title: null,
      text: null,
      length: null,
      segments: null,
      details: { biz_data: { deep } },
    };
    runtimeOf(app).inbox.record(pending, { requestId: 'r1', messageId: 'm1', receivedAt: fixedNow }, 1024);

    const listed = await app.request('/__mock/messages');
    expect(listed.status).toBe(200);
    expect(await listed.text()).toContain('nested deeper than 64 levels');
    for (const path of ['/', '/?q=deep', '/?q=nothing']) expect((await app.request(path)).status).toBe(200);
    expect(() => JSON.stringify(streamed)).not.toThrow();
    expect(JSON.stringify(streamed)).toContain('nested deeper than 64 levels');
  });
});
