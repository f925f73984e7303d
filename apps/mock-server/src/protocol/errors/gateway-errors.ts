/**
 * The fw199 gateway's call-level errors. The gateway publishes none: these are the mock's own codes, decided in
 * docs/protocol.md §2.5 and listed in the README, so clients keep any non-zero `code` and `message` verbatim.
 */
export interface GatewayError {
  code: number;
  message: string;
}

export const gatewayErrors = {
  unknownAppId: { code: 40001, message: 'appid不存在' },
  badSignature: { code: 40002, message: '签名错误' },
  badTimestamp: { code: 40003, message: '时间戳已过期' },
  sellerNotAuthorized: { code: 40004, message: '店铺未授权' },
  tooManyItems: { code: 40006, message: '单次最多100条' },
} as const satisfies Record<string, GatewayError>;

/** 40005 `参数错误:<field>`: `request_data` not JSON, a required field missing or malformed. */
export function invalidParameter(field: string): GatewayError {
  return { code: 40005, message: `参数错误:${field}` };
}
