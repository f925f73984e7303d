/**
 * @module Signed request bodies for the load benchmarks, built with @x/signing for the mock server's
 * zero-config credentials. Fixed bodies are fine: the mock records each send, as the platform would.
 */
import { formatTopTimestamp, signGateway, signTop, unixSeconds } from '@x/signing';

export const mockDefaults = {
  topAppKey: '12345678',
  topSecret: 'test-secret',
  topSession: 'test-session',
  gatewayAppId: 'test-appid',
  gatewaySecret: 'test-secret',
  gatewaySeller: 'test-seller',
} as const;

export const formContentType = 'application/x-www-form-urlencoded;charset=UTF-8';

/** A signed `taobao.jst.sms.message.send`, everything in the urlencoded body. `badSign` spoils the signature. */
export function jstSendBody(options: { badSign?: boolean } = {}): string {
  const params: Record<string, string> = {
    method: 'taobao.jst.sms.message.send',
    app_key: mockDefaults.topAppKey,
    session: mockDefaults.topSession,
    timestamp: formatTopTimestamp(new Date()),
    v: '2.0',
    format: 'json',
    sign_method: 'hmac-sha256',
    send_message_request: JSON.stringify({
      sms_free_sign_name: '聚石塔官方',
      template_code: 'SMS_12345',
      phone_number: '13800138000',
      params: JSON.stringify({ content: '您好! 您的订单已发货' }),
    }),
  };
  params.sign = signTop(params, mockDefaults.topSecret, 'hmac-sha256');
  if (options.badSign) params.sign = '0'.repeat(64);
  return new URLSearchParams(params).toString();
}

/** A signed TID send of `count` items with distinct order ids. */
export function tidSendBody(count: number): string {
  const items = Array.from({ length: count }, (_, index) => ({
    order_id: String(3006925020239565830n + BigInt(index)),
    sms_free_sign_name: '迈步鞋城淘宝店',
    template_code: 'SMS_251071470',
    params: { code: String(100000 + index) },
  }));
  const params: Record<string, string> = {
    appid: mockDefaults.gatewayAppId,
    timestamp: String(unixSeconds(new Date())),
    tb_seller_nick: mockDefaults.gatewaySeller,
    request_data: JSON.stringify(items),
  };
  params.sign = signGateway(params, mockDefaults.gatewaySecret);
  return new URLSearchParams(params).toString();
}
