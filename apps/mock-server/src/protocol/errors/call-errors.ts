/**
 * The errors more than one part of the mock answers, written once: the fw199 item failure, the gateway's
 * platform-trouble codes, the per-recipient limit errors (the daily-limit magic value and the limits
 * interceptor answer the same words), and the mapping between a TOP `error_response` and an interceptor's
 * `CallError`.
 */
import type { CallError, MessageFailure } from '../pipeline/call/send-call.js';
import type { TopError } from './top-errors.js';

/** A window of the per-recipient SMS limits. */
export type LimitWindow = 'minute' | 'hour' | 'day';

/**
 * fw199 item failures: `code` 1 and the platform's own wording, `Remote service error,请求失败,<why>。`
 * (its daily-limit item, docs/protocol.md §2.3).
 */
export function gatewayItemFailure(why: string): MessageFailure {
  return { code: 1, message: `Remote service error,请求失败,${why}。` };
}

/** The mock's own fw199 call-level codes for platform trouble (docs/protocol.md §2.5: the gateway publishes none). */
export const gatewayPlatformErrors = {
  busy: { code: 50000, message: '系统繁忙,请稍后重试' },
  rateLimited: (seconds: number): CallError => ({
    code: 42900,
    message: `请求过于频繁,请${seconds}秒后重试`,
  }),
} as const;

const permitWords: Record<LimitWindow, string> = { minute: '分钟级', hour: '小时级', day: '天级' };
const gatewayWords: Record<LimitWindow, string> = { minute: '每分钟', hour: '每小时', day: '当天' };

/** TOP: 15 `isv.BUSINESS_LIMIT_CONTROL` `触发分钟级流控Permits:1` (hour, day alike), Alibaba's SMS wording. */
export function topLimitError(window: LimitWindow, permits: number): CallError {
  return {
    code: 15,
    message: 'Remote service error',
    subCode: 'isv.BUSINESS_LIMIT_CONTROL',
    subMessage: `触发${permitWords[window]}流控Permits:${permits}`,
  };
}

/** fw199: the platform's daily-limit item (`…超过当天限制。`), and the same sentence for the minute and the hour. */
export function gatewayLimitFailure(window: LimitWindow): MessageFailure {
  return gatewayItemFailure(`当前号码的短信发送次数超过${gatewayWords[window]}限制`);
}

/** A TOP `error_response` as an interceptor's call-level error. */
export function callErrorOf(error: TopError): CallError {
  const callError: CallError = { code: error.code, message: error.msg };
  if (error.sub_code !== undefined) callError.subCode = error.sub_code;
  if (error.sub_msg !== undefined) callError.subMessage = error.sub_msg;
  return callError;
}

/** An interceptor's call-level error as a TOP `error_response`, fields in wire order. */
export function topErrorOf(error: CallError): TopError {
  const topError: TopError = { code: error.code, msg: error.message };
  if (error.subCode !== undefined) topError.sub_code = error.subCode;
  if (error.subMessage !== undefined) topError.sub_msg = error.subMessage;
  return topError;
}
