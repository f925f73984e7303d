/**
 * The magic values: reserved recipients that always produce one outcome, from any client, with no setup.
 * A recipient `1990000XXYY` — a JST phone number, a Qianniu user id, a TID or Douyin order id, a Douyin
 * `post_tel`, or a Douyin ciphertext whose first segment is those digits — picks outcome `XX` with
 * parameter `YY`. The numbers pass every client-side check (`/^1\d{10}$/`, digits-only ids, the ciphertext
 * pattern), and the `1990000` block with two zeros more is not a number anyone texts by accident.
 * Each outcome is answered in the shape of the API it reached (docs/protocol.md §1.6, §2.3–§2.5).
 */

import type { MessagePlatform } from '../../../state/recorded-message.js';
import {
  callErrorOf,
  gatewayItemFailure,
  gatewayLimitFailure,
  gatewayPlatformErrors,
  topLimitError,
} from '../../errors/call-errors.js';
import { appCallLimited, type TopError, topErrors } from '../../errors/top-errors.js';
import type { CallError, MessageFailure, TransportEffect } from '../call/send-call.js';

/** The reserved block: every magic value starts with these digits. */
export const magicPrefix = '1990000';

/** Every magic outcome by name, in the order of their `XX` digits (`GET /__mock/magic` lists them). */
export const magicOutcomeNames = [
  'invalid-number',
  'daily-limit',
  'platform-error',
  'order-not-found',
  'decryption-failed',
  'recipient-blocked',
  'app-call-limited',
  'slow-answer',
  'dropped-after-recording',
  'dropped-before-recording',
  'malformed-body',
  'proxy-error',
] as const;
/** One of `magicOutcomeNames`. */
export type MagicOutcomeName = (typeof magicOutcomeNames)[number];

/** What an outcome does to a call of one API. */
export type OutcomeEffect =
  | { level: 'call'; error: CallError }
  | { level: 'message'; failure: MessageFailure }
  | { level: 'transport'; transport: Omit<TransportEffect, 'source'> };

export interface MagicOutcome {
  /** `XX` in `1990000XXYY`. */
  readonly digits: string;
  readonly name: MagicOutcomeName;
  readonly summary: string;
  /** What `YY` means: nothing, seconds, or the HTTP status minus 500. */
  readonly parameter: 'none' | 'seconds' | 'status';
  /** The `YY` of the catalog's example value. */
  readonly exampleParameter: number;
  /** Whether the message is recorded in the inbox (the platform processed it). */
  readonly recorded: boolean;
  /** Per API, in words, for the catalog; an API missing here answers this value as an ordinary recipient. */
  readonly answers: Partial<Record<MessagePlatform, string>>;
  /** The effect on a call of `platform`, or undefined when the outcome does not exist for that API. */
  effect(platform: MessagePlatform, parameter: number): OutcomeEffect | undefined;
}

const gatewayPlatforms: ReadonlySet<MessagePlatform> = new Set(['taobao-tid', 'doudian-sms']);
const isGateway = (platform: MessagePlatform) => gatewayPlatforms.has(platform);
const call = (error: CallError): OutcomeEffect => ({ level: 'call', error });
const message = (failure: MessageFailure): OutcomeEffect => ({ level: 'message', failure });
const topCall = (error: TopError) => call(callErrorOf(error));
const allApis = (text: string): Partial<Record<MessagePlatform, string>> => ({
  'taobao-jst': text,
  'qianniu-tpn': text,
  'taobao-tid': text,
  'doudian-sms': text,
});

const blockedRequestCode = 'isv.BLACK_KEY_CONTROL_LIMIT';
const blockedMessage = '黑名单管控';
/** The platform's own daily limit: 10 a day (Alibaba's SMS default), the same words as the limits interceptor. */
const dailyLimitPermits = 10;
const dailyLimitItem = gatewayLimitFailure('day').message;

export const magicOutcomes: readonly MagicOutcome[] = [
  {
    digits: '01',
    name: 'invalid-number',
    summary: 'the platform refuses the recipient as malformed',
    parameter: 'none',
    exampleParameter: 0,
    recorded: false,
    answers: {
      'taobao-jst': '15 Remote service error, isv.MOBILE_NUMBER_ILLEGAL, 号码格式错误',
      'qianniu-tpn': '50 Remote service error, isv.invalid-parameter, 非法参数',
      'taobao-tid': 'item code 1, Remote service error,请求失败,号码格式错误。',
      'doudian-sms': 'item code 1, Remote service error,请求失败,号码格式错误。',
    },
    effect: (platform) =>
      isGateway(platform)
        ? message(gatewayItemFailure('号码格式错误'))
        : topCall(
            platform === 'taobao-jst' ? topErrors.mobileNumberIllegal : topErrors.remoteInvalidParameter,
          ),
  },
  {
    digits: '02',
    name: 'daily-limit',
    summary: "the recipient's daily SMS limit is reached",
    parameter: 'none',
    exampleParameter: 0,
    recorded: false,
    answers: {
      'taobao-jst': '15 Remote service error, isv.BUSINESS_LIMIT_CONTROL, 触发天级流控Permits:10',
      'qianniu-tpn': '15 Remote service error, isv.BUSINESS_LIMIT_CONTROL, 触发天级流控Permits:10',
      'taobao-tid': `item code 1, ${dailyLimitItem} (the platform's own example)`,
      'doudian-sms': `item code 1, ${dailyLimitItem}`,
    },
    effect: (platform) =>
      isGateway(platform)
        ? message(gatewayLimitFailure('day'))
        : call(topLimitError('day', dailyLimitPermits)),
  },
  {
    digits: '03',
    name: 'platform-error',
    summary:
      'a transient platform-side failure: the message may or may not have gone out (nothing is recorded)',
    parameter: 'none',
    exampleParameter: 0,
    recorded: false,
    answers: {
      'taobao-jst': '15 Remote service error, isp.top-remote-connection-timeout',
      'qianniu-tpn': '15 Remote service error, isp.top-remote-connection-timeout',
      'taobao-tid': `call code ${gatewayPlatformErrors.busy.code}, ${gatewayPlatformErrors.busy.message}`,
      'doudian-sms': `call code ${gatewayPlatformErrors.busy.code}, ${gatewayPlatformErrors.busy.message}`,
    },
    effect: (platform) =>
      isGateway(platform) ? call(gatewayPlatformErrors.busy) : topCall(topErrors.remoteConnectionTimeout),
  },
  {
    digits: '04',
    name: 'order-not-found',
    summary: 'the gateway cannot find the order (fw199 only)',
    parameter: 'none',
    exampleParameter: 0,
    recorded: false,
    answers: {
      'taobao-tid': 'item code 1, Remote service error,请求失败,订单不存在。',
      'doudian-sms': 'item code 1, Remote service error,请求失败,订单不存在。',
    },
    effect: (platform) => (isGateway(platform) ? message(gatewayItemFailure('订单不存在')) : undefined),
  },
  {
    digits: '05',
    name: 'decryption-failed',
    summary: 'the gateway cannot decrypt the recipient (fw199 only; meant for a Douyin ciphertext)',
    parameter: 'none',
    exampleParameter: 0,
    recorded: false,
    answers: {
      'taobao-tid': 'item code 1, Remote service error,请求失败,手机号解密失败。',
      'doudian-sms': 'item code 1, Remote service error,请求失败,手机号解密失败。',
    },
    effect: (platform) => (isGateway(platform) ? message(gatewayItemFailure('手机号解密失败')) : undefined),
  },
  {
    digits: '06',
    name: 'recipient-blocked',
    summary: 'a business refusal in the success envelope: the recipient is blocked',
    parameter: 'none',
    exampleParameter: 0,
    recorded: false,
    answers: {
      'taobao-jst': `request_success false, request_code ${blockedRequestCode}, message ${blockedMessage}`,
      'qianniu-tpn': `is_success false, error_msg ${blockedMessage}`,
      'taobao-tid': `item code 1, Remote service error,请求失败,${blockedMessage}。`,
      'doudian-sms': `item code 1, Remote service error,请求失败,${blockedMessage}。`,
    },
    effect: (platform) =>
      isGateway(platform)
        ? message(gatewayItemFailure(blockedMessage))
        : message({ code: blockedRequestCode, message: blockedMessage }),
  },
  {
    digits: '07',
    name: 'app-call-limited',
    summary: 'the app is rate limited for YY seconds',
    parameter: 'seconds',
    exampleParameter: 5,
    recorded: false,
    answers: {
      'taobao-jst':
        '7 App Call Limited, accesscontrol.limited-by-app-access-count, This ban will last for YY more seconds',
      'qianniu-tpn':
        '7 App Call Limited, accesscontrol.limited-by-app-access-count, This ban will last for YY more seconds',
      'taobao-tid': 'call code 42900, 请求过于频繁,请YY秒后重试',
      'doudian-sms': 'call code 42900, 请求过于频繁,请YY秒后重试',
    },
    effect: (platform, seconds) =>
      isGateway(platform)
        ? call(gatewayPlatformErrors.rateLimited(seconds))
        : topCall(appCallLimited(seconds)),
  },
  {
    digits: '08',
    name: 'slow-answer',
    summary: 'processed and recorded at once, answered after YY seconds (longer than a client timeout)',
    parameter: 'seconds',
    exampleParameter: 20,
    recorded: true,
    answers: allApis('the usual success, after YY seconds'),
    effect: (_platform, seconds) => ({ level: 'transport', transport: { delayMs: seconds * 1000 } }),
  },
  {
    digits: '09',
    name: 'dropped-after-recording',
    summary: 'accepted and recorded, then the connection is destroyed without an answer',
    parameter: 'none',
    exampleParameter: 0,
    recorded: true,
    answers: allApis('no answer: the connection is closed after the message is recorded'),
    effect: () => ({ level: 'transport', transport: { replace: 'drop', process: true } }),
  },
  {
    digits: '10',
    name: 'dropped-before-recording',
    summary: 'the connection is destroyed before the request is processed: nothing recorded',
    parameter: 'none',
    exampleParameter: 0,
    recorded: false,
    answers: allApis('no answer: the connection is closed, nothing is recorded'),
    effect: () => ({ level: 'transport', transport: { replace: 'drop', process: false } }),
  },
  {
    digits: '11',
    name: 'malformed-body',
    summary: 'processed and recorded, answered HTTP 200 with the first half of the body',
    parameter: 'none',
    exampleParameter: 0,
    recorded: true,
    answers: allApis('HTTP 200, the first half of the usual answer (not parseable)'),
    effect: () => ({ level: 'transport', transport: { replace: 'malformed-body', process: true } }),
  },
  {
    digits: '12',
    name: 'proxy-error',
    summary: 'a proxy in front answers HTTP 5YY with its HTML page; the platform never sees the request',
    parameter: 'status',
    exampleParameter: 2,
    recorded: false,
    answers: allApis('HTTP 5YY (e.g. 502 Bad Gateway), an nginx-style HTML page, nothing recorded'),
    effect: (_platform, status) => ({
      level: 'transport',
      transport: { replace: 'proxy-error', status: 500 + status, process: false },
    }),
  },
];

const outcomesByDigits = new Map(magicOutcomes.map((outcome) => [outcome.digits, outcome]));
const outcomesByName = new Map(magicOutcomes.map((outcome) => [outcome.name, outcome]));

export function magicOutcome(name: MagicOutcomeName): MagicOutcome {
  return outcomesByName.get(name) as MagicOutcome;
}

/** The outcome whose `XX` is `digits`, if any. */
export function magicOutcomeByDigits(digits: string): MagicOutcome | undefined {
  return outcomesByDigits.get(digits);
}
