/**
 * One validated item as the wire wants it inside `request_data`: documented field names in a fixed order,
 * `params` as a nested object (as the document's example sends it), empty optional fields left out.
 */
import type { z } from 'zod';
import type { tidSendItemSchema } from './tid-schemas.js';

/** An item that passed `tidSendItemSchema`: `order_id` is now a string of digits. */
export type ValidTidItem = z.output<typeof tidSendItemSchema>;

/** One element of the `request_data` array. `undefined` fields are omitted by the JSON encoder. */
export interface TidWireRequestItem {
  readonly order_id: string;
  readonly sms_free_sign_name: string;
  readonly template_code: string;
  readonly params: Readonly<Record<string, string | number>> | undefined;
  readonly extend_name: string | undefined;
  readonly extend_code: string | undefined;
  readonly extend: string | undefined;
  readonly additional_info: boolean | undefined;
}

/** Encodes one item. The key order is fixed here, so the signed `request_data` text does not depend on zod. */
export function encodeTidItem(item: ValidTidItem): TidWireRequestItem {
  const params = item.params;
  return {
    order_id: item.order_id,
    sms_free_sign_name: item.sms_free_sign_name,
    template_code: item.template_code,
    params: params !== undefined && Object.keys(params).length > 0 ? params : undefined,
    // An empty optional string means "not given" (field-rules.ts `optionalText`): not sent.
    extend_name: item.extend_name || undefined,
    extend_code: item.extend_code || undefined,
    extend: item.extend || undefined,
    additional_info: item.additional_info,
  };
}
