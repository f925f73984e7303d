/**
 * The TOP platform errors the mock answers, with the exact `code` / `msg` / `sub_code` / `sub_msg` of
 * docs/protocol.md §1.6 (live sentence-case spelling; `Invalid app Key` with its capital K).
 */

/** An `error_response`, fields in wire order. `sub_code` / `sub_msg` are optional on the wire. */
export interface TopError {
  code: number;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
}

export const topErrors = {
  missingMethod: { code: 21, msg: 'Missing method' },
  invalidMethod: { code: 22, msg: 'Invalid method' },
  missingSignature: { code: 24, msg: 'Missing signature' },
  invalidSignature: { code: 25, msg: 'Invalid signature' },
  missingSession: { code: 26, msg: 'Missing session' },
  invalidSession: {
    code: 27,
    msg: 'Invalid session',
    sub_code: 'invalid-sessionkey',
    sub_msg: 'SessionKey非法',
  },
  invalidAppKey: { code: 29, msg: 'Invalid app Key', sub_code: 'isv.appkey-not-exists' },
  missingTimestamp: { code: 30, msg: 'Missing timestamp' },
  invalidTimestamp: { code: 31, msg: 'Invalid timestamp' },
  missingVersion: { code: 32, msg: 'Missing version' },
  invalidVersion: { code: 33, msg: 'Invalid version' },
  /** The error example of both TOP API documents: a parameter the service behind the gateway rejects. */
  remoteInvalidParameter: {
    code: 50,
    msg: 'Remote service error',
    sub_code: 'isv.invalid-parameter',
    sub_msg: '非法参数',
  },
  mobileNumberIllegal: {
    code: 15,
    msg: 'Remote service error',
    sub_code: 'isv.MOBILE_NUMBER_ILLEGAL',
    sub_msg: '号码格式错误',
  },
  remoteConnectionTimeout: {
    code: 15,
    msg: 'Remote service error',
    sub_code: 'isp.top-remote-connection-timeout',
  },
  insufficientIsvPermissions: {
    code: 11,
    msg: 'Insufficient isv permissions',
    sub_code: 'isv.permission-api-package-limit',
  },
} as const satisfies Record<string, TopError>;

/** 40: `Missing required arguments:<name>` (no space after the colon). */
export function missingArguments(name: string): TopError {
  return { code: 40, msg: `Missing required arguments:${name}`, sub_code: `isv.missing-parameter:${name}` };
}

/** 41: `Invalid arguments:<name>`. */
export function invalidArguments(name: string): TopError {
  return { code: 41, msg: `Invalid arguments:${name}`, sub_code: `isv.invalid-parameter:${name}` };
}

/** 7: the app is banned for `seconds` more seconds. */
export function appCallLimited(seconds: number): TopError {
  return {
    code: 7,
    msg: 'App Call Limited',
    sub_code: 'accesscontrol.limited-by-app-access-count',
    sub_msg: `This ban will last for ${seconds} more seconds`,
  };
}

/**
 * A body over the size limit. No platform document covers it: the mock answers HTTP 413 (see the README) with
 * this body, so the answer still parses as an `error_response`.
 */
export function requestTooLarge(limitBytes: number): TopError {
  return {
    code: 15,
    msg: 'Remote service error',
    sub_code: 'isv.request-too-large',
    sub_msg: `request body larger than ${limitBytes} bytes`,
  };
}
