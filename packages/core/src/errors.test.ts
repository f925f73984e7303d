import { describe, expect, it } from 'vitest';
import {
  isGatewayError,
  isTopPlatformError,
  isTransportError,
  isValidationError,
  isXError,
} from './error-guards.js';
import { GatewayError, TopPlatformError, TransportError, ValidationError } from './errors.js';

const topError = new TopPlatformError({
  api: 'taobao.jst.sms.message.send',
  code: 15,
  msg: 'Remote service error',
  subCode: 'isv.MOBILE_NUMBER_ILLEGAL',
  subMsg: '号码格式错误',
  requestId: 'r4lu3uaf87g2',
  retryable: false,
  maybeSent: false,
  retryAfterMs: undefined,
});
const gatewayError = new GatewayError({
  api: '/gateway/dd/sms/send',
  code: 40002,
  gatewayMessage: '签名错误',
  traceId: 'trace-1',
  retryable: false,
  maybeSent: false,
});
const validationError = new ValidationError({
  api: 'taobao.jst.sms.message.send',
  field: 'phone_number',
  reason: 'must be a mainland mobile number',
  issues: [
    { field: 'phone_number', reason: 'must be a mainland mobile number' },
    { field: 'template_code', reason: 'must not be empty' },
  ],
});
const transportError = new TransportError(
  {
    api: '/gateway/dd/sms/send',
    kind: 'timeout',
    detail: 'no response within 15000 ms',
    retryable: false,
    maybeSent: true,
  },
  new Error('inner'),
);

describe('error classes', () => {
  it('use one message template: the API, what failed, the code, the message, whether it may have been sent', () => {
    expect(topError.message).toBe(
      'taobao.jst.sms.message.send failed on TOP: [15] Remote service error (isv.MOBILE_NUMBER_ILLEGAL: 号码格式错误); nothing was sent',
    );
    expect(gatewayError.message).toBe(
      '/gateway/dd/sms/send failed on the fw199 gateway: [40002] 签名错误; nothing was sent',
    );
    expect(validationError.message).toBe(
      'taobao.jst.sms.message.send has invalid input: [phone_number] must be a mainland mobile number (and 1 more); nothing was sent',
    );
    expect(transportError.message).toBe(
      '/gateway/dd/sms/send failed in transport: [timeout] no response within 15000 ms; may have been sent',
    );
  });

  it('have literal names and print as name: message', () => {
    expect(topError.name).toBe('TopPlatformError');
    expect(String(gatewayError)).toBe(`GatewayError: ${gatewayError.message}`);
    expect(validationError.retryable).toBe(false);
    expect(validationError.maybeSent).toBe(false);
  });

  it('serialise every field and the cause to JSON', () => {
    expect(JSON.parse(JSON.stringify(topError))).toEqual({
      name: 'TopPlatformError',
      message: topError.message,
      api: 'taobao.jst.sms.message.send',
      retryable: false,
      maybeSent: false,
      code: 15,
      msg: 'Remote service error',
      subCode: 'isv.MOBILE_NUMBER_ILLEGAL',
      subMsg: '号码格式错误',
      requestId: 'r4lu3uaf87g2',
    });
    expect(JSON.parse(JSON.stringify(transportError))).toMatchObject({
      kind: 'timeout',
      maybeSent: true,
      cause: { name: 'Error', message: 'inner' },
    });
  });
});

describe('guards', () => {
  it('recognise each class and reject the others', () => {
    expect([topError, gatewayError, validationError, transportError].map(isTopPlatformError)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(isGatewayError(gatewayError)).toBe(true);
    expect(isValidationError(validationError)).toBe(true);
    expect(isTransportError(transportError)).toBe(true);
    expect([topError, gatewayError, validationError, transportError].every(isXError)).toBe(true);
  });

  it('reject non-errors and foreign errors', () => {
    for (const value of [
      undefined,
      null,
      'TopPlatformError',
      42,
      new Error('x'),
      { name: 'TopPlatformError' },
    ]) {
      expect(isXError(value)).toBe(false);
      expect(isTopPlatformError(value)).toBe(false);
    }
  });

  it('recognise an error from another installed copy of @x/core (same Symbol.for brand, other class)', () => {
    class OtherCopyTopPlatformError extends Error {}
    const foreign = new OtherCopyTopPlatformError('from a duplicate install');
    Object.defineProperty(foreign, Symbol.for('@x/core/error-kind'), { value: 'TopPlatformError' });
    expect(foreign instanceof TopPlatformError).toBe(false);
    expect(isTopPlatformError(foreign)).toBe(true);
    expect(isGatewayError(foreign)).toBe(false);
  });
});
