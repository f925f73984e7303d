/**
 * The request as the wire wants it (`docs/protocol.md` §2.4): each message gets its `biz_type` (1 for an
 * order, 0 for a phone) and its `template_param` as a JSON **string** — the vendor's newer SDK and the
 * upstream Douyin API send a string, while the document's example shows an object; servers accept both. The
 * shared fields are repeated on every call. Empty optional fields are left out.
 */
import { compactJson } from '@x/core';
import { type DoudianParsedMessage, doudianPath } from './doudian-schemas.js';

/** One element of `sms_message_list`. `undefined` fields are omitted by the JSON encoder. */
export type DoudianWireMessageOut =
  | { readonly biz_type: 1; readonly order_id: string; readonly template_param: string | undefined }
  | { readonly biz_type: 0; readonly post_tel: string; readonly template_param: string | undefined };

/** The fields every call of one `send()` repeats. */
export interface DoudianSharedFields {
  readonly sign: string;
  readonly template_id: string;
  readonly tag?: string | undefined;
  readonly user_ext_code?: string | undefined;
}

/**
 * Encodes one message. `index` is its position in `messages`, for the ValidationError of a template variable
 * that is not JSON — raised while encoding, which happens for every message before the first call.
 */
export function encodeDoudianMessage(message: DoudianParsedMessage, index: number): DoudianWireMessageOut {
  const variables = message.template_param;
  const template_param =
    variables !== undefined && Object.keys(variables).length > 0
      ? compactJson(variables, doudianPath, `messages.${index}.template_param`)
      : undefined;
  return 'order_id' in message
    ? { biz_type: 1, order_id: message.order_id, template_param }
    : { biz_type: 0, post_tel: message.post_tel, template_param };
}

/** `request_data` of one call: the shared fields around that call's messages, in the document's field order. */
export function doudianRequestData(shared: DoudianSharedFields, messages: readonly DoudianWireMessageOut[]) {
  return {
    sign: shared.sign,
    sms_message_list: messages,
    template_id: shared.template_id,
    // An empty optional string means "not given" (field-rules.ts `optionalText`): not sent.
    tag: shared.tag || undefined,
    user_ext_code: shared.user_ext_code || undefined,
  };
}
