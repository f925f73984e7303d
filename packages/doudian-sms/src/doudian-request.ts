/**
 * What a caller passes to `send()` (`docs/protocol.md` §2.4), as plain TypeScript types so the main entry names no validation
 * library. A message goes to the buyer of an order or to a phone, never both: the types make having both, or
 * neither, a compile error.
 */

/** Template variables: `${name}` in the template is replaced by the value of `name`. */
export type DoudianTemplateParams = Readonly<Record<string, string | number>>;

/** A message to the buyer of a Douyin order (sent as `biz_type: 1`). */
export interface DoudianOrderMessage {
  /** The Douyin order id, digits only; a string or bigint (order ids exceed 2^53). */
  readonly order_id: string | bigint;
  /** Not allowed together with `order_id`. */
  readonly post_tel?: never;
  /** Template variables; sent as a JSON string. */
  readonly template_param?: DoudianTemplateParams | undefined;
}

/** A message to a phone (sent as `biz_type: 0`). */
export interface DoudianPhoneMessage {
  /**
   * A plain mainland mobile number (11 digits starting with 1) or the Douyin ciphertext of one, as Douyin's
   * order API returns it: `$<base64>$<base64>*<base64>$1$$`.
   */
  readonly post_tel: string;
  /** Not allowed together with `post_tel`. */
  readonly order_id?: never;
  /** Template variables; sent as a JSON string. */
  readonly template_param?: DoudianTemplateParams | undefined;
}

/** One message: to an order's buyer, or to a phone. */
export type DoudianMessage = DoudianOrderMessage | DoudianPhoneMessage;

/**
 * What `send()` takes: one signature and template for every message, any number of messages.
 * @example
 * const request: DoudianSendRequest = {
 *   sign: '群荐的铺子',
 *   template_id: 'ST_72dd4e2c',
 *   messages: [
 *     { order_id: '5001789329480019707', template_param: { name: '顺丰', number: 'sf3813741222' } },
 *     { post_tel: '13800138000', template_param: { name: '中通', number: 'zt381382999' } },
 *   ],
 * };
 */
export interface DoudianSendRequest {
  /** The SMS signature name, e.g. `群荐的铺子`. Required. */
  readonly sign: string;
  /** The SMS template id, e.g. `ST_72dd4e2c`. Required. */
  readonly template_id: string;
  /** The messages; at least one. Sent in calls of at most 100, `sign` and `template_id` repeated on each. */
  readonly messages: readonly DoudianMessage[];
  /** Passed through and echoed in delivery receipts; at most 512 characters. */
  readonly tag?: string | undefined;
  /** A custom extension code; only honoured when the account allows custom extension codes. */
  readonly user_ext_code?: string | undefined;
}
