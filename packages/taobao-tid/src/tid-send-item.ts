/**
 * What a caller passes to `send()`: one item per order, with the documented wire field names (`docs/protocol.md` §2.3), as a
 * plain TypeScript type so the main entry names no validation library.
 */

/** Template variables: `${name}` in the template is replaced by the value of `name`. */
export type TidTemplateParams = Readonly<Record<string, string | number>>;

/**
 * One SMS to the buyer of one Taobao order. The gateway resolves the buyer's phone from the order (OAID), so
 * no phone number is ever passed. Empty optional fields are not sent.
 * @example
 * const item: TidSendItem = {
 *   order_id: '3006925020239565830',
 *   sms_free_sign_name: '迈步鞋城淘宝店',
 *   template_code: 'SMS_251071470',
 *   params: { mima: 'p282', cardno: '38138124' },
 * };
 */
export interface TidSendItem {
  /**
   * The Taobao order id, digits only. A string (or a bigint): order ids exceed 2^53, so a `number` would
   * already have lost digits and is rejected.
   */
  readonly order_id: string | bigint;
  /** The SMS signature, e.g. `迈步鞋城淘宝店`. Required. */
  readonly sms_free_sign_name: string;
  /** The SMS template code, e.g. `SMS_251071470`. Required. */
  readonly template_code: string;
  /** Template variables, sent as a JSON object. Values are strings or numbers. */
  readonly params?: TidTemplateParams | undefined;
  /** Extension name (`extend_name`). */
  readonly extend_name?: string | undefined;
  /** Extension code (`extend_code`). */
  readonly extend_code?: string | undefined;
  /** Extension information (`extend`). */
  readonly extend?: string | undefined;
  /** Ask the gateway for `module` (receipt code and signature length) in the result. */
  readonly additional_info?: boolean | undefined;
}
