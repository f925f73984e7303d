/**
 * Test support, not exported: what a TID request carried, and a gateway that sends everything it is given.
 * The recording fetch itself is @x/test-support's.
 */
import { jsonResponse, type RecordedRequest } from '@x/test-support';

/** The JSON array a TID request carried in `request_data`. */
export function sentItems(request: RecordedRequest): Array<Record<string, unknown>> {
  return JSON.parse(request.form.request_data ?? 'null') as Array<Record<string, unknown>>;
}

/**
 * A gateway that sends every item it is given: one success per item, in request order, each echoing its
 * `order_id` and with a request id derived from it.
 */
export function sendsEverything(request: RecordedRequest): Response {
  const data = sentItems(request).map((item) => ({
    order_id: item.order_id,
    code: 0,
    message: 'success',
    request_id: `r${String(item.order_id)}`,
    module: null,
  }));
  return jsonResponse({ code: 0, message: 'ok', data, trace_id: 't' });
}
