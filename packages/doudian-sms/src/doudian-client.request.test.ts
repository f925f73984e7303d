/**
 * The request the Douyin client sends: the signed form with compact request_data (template_param as JSON
 * text), biz_type by recipient, the optional fields, the per-call seller and baseUrl.
 */
import { verifyGateway } from '@x/signing';
import { jsonResponse } from '@x/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ciphertext,
  client,
  documentedRequest,
  fixture,
  path,
  secret,
  sendsEverything,
  sentRequestData,
} from './doudian-test-gateway.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it('posts appid, Unix-seconds timestamp, seller_nick, compact request_data and a verifiable sign', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2022-07-11T07:52:16.400Z'));
    const { doudian, requests } = client(() => jsonResponse(fixture('doudian-send-seed.json')));
    await doudian.send(documentedRequest);

    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.toString()).toBe(`https://kf.fw199.com${path}`);
    expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(sent?.form).toEqual({
      appid: 'test-appid',
      timestamp: '1657525936',
      seller_nick: 'oms38173182',
      request_data:
        '{"sign":"群荐的铺子","sms_message_list":[' +
        '{"biz_type":1,"order_id":"5001789329480019707","template_param":"{\\"name\\":\\"顺丰\\",\\"number\\":\\"sf3813741222\\"}"},' +
        `{"biz_type":0,"post_tel":"${ciphertext}","template_param":"{\\"name\\":\\"中通\\",\\"number\\":\\"zt381382999\\"}"}` +
        '],"template_id":"ST_72dd4e2c"}',
      sign: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(verifyGateway(sent!.form, secret)).toEqual({ ok: true });
    // template_param travels as a JSON string holding the object (`docs/protocol.md` §2.4).
    const [first] = sentRequestData(sent!).sms_message_list;
    expect(JSON.parse(String(first?.template_param))).toEqual({ name: '顺丰', number: 'sf3813741222' });
  });

  it('sends a plain mobile as biz_type 0, tag and user_ext_code when given, and leaves out what is empty', async () => {
    const { doudian, requests } = client();
    await doudian.send({
      sign: '群荐的铺子',
      template_id: 'ST_1',
      tag: 'campaign-7',
      user_ext_code: '01',
      messages: [{ post_tel: '13800138000' }, { order_id: 5001789329480019707n, template_param: {} }],
    });
    expect(requests[0]?.form.request_data).toBe(
      '{"sign":"群荐的铺子","sms_message_list":[{"biz_type":0,"post_tel":"13800138000"},' +
        '{"biz_type":1,"order_id":"5001789329480019707"}],"template_id":"ST_1","tag":"campaign-7","user_ext_code":"01"}',
    );

    await doudian.send({
      sign: 's',
      template_id: 't',
      tag: '',
      user_ext_code: '',
      messages: [{ order_id: '1' }],
    });
    expect(sentRequestData(requests[1]!)).toEqual({
      sign: 's',
      template_id: 't',
      sms_message_list: [{ biz_type: 1, order_id: '1' }],
    });
  });

  it('sends for the seller given to send() and to the gateway at baseUrl', async () => {
    const { doudian, requests } = client(sendsEverything, { baseUrl: 'http://127.0.0.1:8787/fw199' });
    await doudian.send(documentedRequest, { sellerNick: 'other-shop' });
    expect(requests[0]?.url.toString()).toBe(`http://127.0.0.1:8787/fw199${path}`);
    expect(requests[0]?.form.seller_nick).toBe('other-shop');
    expect(verifyGateway(requests[0]!.form, secret)).toEqual({ ok: true });
  });
});
