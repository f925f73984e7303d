/**
 * Test helpers: signed TOP and fw199 requests built with @x/signing for the mock's zero-config credentials,
 * sent in any of the encodings real SDKs use, in-process or over loopback.
 */
import { formatTopTimestamp, signGateway, signTop, type TopSignMethod, unixSeconds } from '@x/signing';

export const fixedNow = Date.parse('2024-03-01T04:00:00Z'); // 12:00:00 in GMT+8

export const topDefaults = { appKey: '12345678', secret: 'test-secret', session: 'test-session' } as const;
export const gatewayDefaults = { appId: 'test-appid', secret: 'test-secret', seller: 'test-seller' } as const;

/** Sends a request: `app.request` in-process, or `fetch(url + path)` over loopback. */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export function sendTo(target: {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
}): Send;
export function sendTo(baseUrl: string): Send;
export function sendTo(
  target: string | { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
): Send {
  if (typeof target === 'string') return (path, init) => fetch(`${target}${path}`, init);
  return async (path, init) => target.request(path, init);
}

export const jstMethodName = 'taobao.jst.sms.message.send';
export const tpnMethodName = 'taobao.tpn.template.message.send';

/** A valid `send_message_request` (the JST API document's own example values, with a real mobile number). */
export function jstSendMessageRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sms_free_sign_name: '聚石塔官方',
    template_code: 'SMS_12345',
    phone_number: '13800138000',
    params: JSON.stringify({ content: '您好' }),
    ...overrides,
  };
}

export function jstBusiness(overrides: Record<string, unknown> = {}): Record<string, string> {
  return { send_message_request: JSON.stringify(jstSendMessageRequest(overrides)) };
}

/** The TPN API document's example parameters. */
export function tpnBusiness(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    template_key: 'xxxx',
    template_id: '101',
    user_id: '12345',
    biz_id: '122323434545',
    content_param: '{"key1":"value","key2":123}',
    ...overrides,
  };
}

export interface TopSystemOptions {
  method?: string;
  appKey?: string;
  secret?: string;
  /** `null` leaves the session out. */
  session?: string | null;
  signMethod?: TopSignMethod;
  /** `null` leaves `sign_method` out (md5 then). */
  signMethodParameter?: string | null;
  format?: 'json' | 'xml' | null;
  timestamp?: string;
  now?: number;
  v?: string;
  extra?: Record<string, string>;
}

/** System + business parameters, signed. */
export function signedTopParams(
  business: Record<string, string>,
  options: TopSystemOptions = {},
): Record<string, string> {
  const signMethod = options.signMethod ?? 'md5';
  const params: Record<string, string> = {
    method: options.method ?? jstMethodName,
    app_key: options.appKey ?? topDefaults.appKey,
    timestamp: options.timestamp ?? formatTopTimestamp(new Date(options.now ?? fixedNow)),
    v: options.v ?? '2.0',
    ...business,
    ...options.extra,
  };
  if (options.format !== null) params.format = options.format ?? 'json';
  const session = options.session === undefined ? topDefaults.session : options.session;
  if (session !== null) params.session = session;
  const signMethodParameter =
    options.signMethodParameter === undefined ? signMethod : options.signMethodParameter;
  if (signMethodParameter !== null) params.sign_method = signMethodParameter;
  params.sign = signTop(params, options.secret ?? topDefaults.secret, signMethod);
  return params;
}

export const formContentType = 'application/x-www-form-urlencoded;charset=UTF-8';

export function formBody(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export function multipartBody(params: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) form.append(name, value);
  return form;
}

/** How the parameters travel — every way docs/protocol.md §1.1 says real SDKs send them. */
export type TopEncoding = 'query-get' | 'form-post' | 'multipart-post' | 'split-post' | 'get-with-body';

const systemNames = new Set([
  'method',
  'app_key',
  'session',
  'timestamp',
  'v',
  'sign_method',
  'sign',
  'format',
  'simplify',
]);

export function topRequest(
  params: Record<string, string>,
  encoding: TopEncoding = 'form-post',
  headers: Record<string, string> = {},
): [string, RequestInit] {
  switch (encoding) {
    case 'query-get':
      return [`/router/rest?${formBody(params)}`, { method: 'GET', headers }];
    case 'form-post':
      return [
        '/router/rest',
        { method: 'POST', headers: { 'content-type': formContentType, ...headers }, body: formBody(params) },
      ];
    case 'multipart-post':
      return ['/router/rest', { method: 'POST', headers, body: multipartBody(params) }];
    case 'split-post': {
      const system: Record<string, string> = {};
      const business: Record<string, string> = {};
      for (const [name, value] of Object.entries(params))
        (systemNames.has(name) ? system : business)[name] = value;
      return [
        `/router/rest?${formBody(system)}`,
        {
          method: 'POST',
          headers: { 'content-type': formContentType, ...headers },
          body: formBody(business),
        },
      ];
    }
    case 'get-with-body':
      // fetch refuses a GET body; raw HTTP tests send this one (see rawHttp).
      throw new Error('use rawHttp for a GET with a body');
  }
}

/** Gateway form fields, signed (docs/protocol.md §2.2). */
export function signedGatewayFields(
  sellerField: 'tb_seller_nick' | 'seller_nick',
  requestData: unknown,
  options: { appId?: string; secret?: string; seller?: string; now?: number; timestamp?: string } = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    appid: options.appId ?? gatewayDefaults.appId,
    timestamp: options.timestamp ?? String(unixSeconds(new Date(options.now ?? fixedNow))),
    [sellerField]: options.seller ?? gatewayDefaults.seller,
    request_data: typeof requestData === 'string' ? requestData : JSON.stringify(requestData),
  };
  fields.sign = signGateway(fields, options.secret ?? gatewayDefaults.secret);
  return fields;
}

export function formPost(
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): [string, RequestInit] {
  return [
    path,
    { method: 'POST', headers: { 'content-type': formContentType, ...headers }, body: formBody(fields) },
  ];
}

/** Keys of a JSON object in order, for key-order assertions. */
export function keysOf(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>);
}

/** The body parsed as JSON, loosely typed for assertions (`response.json()` is typed `unknown`). */
export async function jsonOf(response: Response) {
  return JSON.parse(await response.text());
}
