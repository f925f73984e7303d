/**
 * Test support, not exported: what a Douyin request carried, and a gateway that sends everything it is given.
 * The recording fetch itself is @x/test-support's.
 */
import { jsonResponse, type RecordedRequest } from '@x/test-support';

/** The `request_data` object a Douyin request carried. */
export function sentRequestData(request: RecordedRequest): {
  sign: string;
  template_id: string;
  sms_message_list: Array<Record<string, unknown>>;
  tag?: string;
  user_ext_code?: string;
} {
  return JSON.parse(request.form.request_data ?? 'null');
}

/**
 * A gateway that sends every message it is given: one success per message, in request order, echoing
 * `order_id` ("" for a phone) with a message id derived from the order id or the phone.
 */
export function sendsEverything(request: RecordedRequest): Response {
  const data = sentRequestData(request).sms_message_list.map((message) => ({
    code: 0,
    message: '',
    order_id: message.biz_type === 1 ? message.order_id : '',
    message_id: `m-${String(message.biz_type === 1 ? message.order_id : message.post_tel)}`,
  }));
  return jsonResponse({ code: 0, message: 'ok', data });
}
