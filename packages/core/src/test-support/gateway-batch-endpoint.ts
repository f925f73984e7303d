/**
 * What the sendGatewayBatch tests share: a made-up batch endpoint, numbered messages, reading what a request
 * carried, a gateway that sends everything, and a send through a recording fetch.
 */
import { jsonResponse, type RecordedRequest, type Responder, recordingFetch } from '@x/test-support';
import { z } from 'zod';
import {
  type GatewayBatchEndpoint,
  type GatewayBatchSendCall,
  sendGatewayBatch,
} from '../gateway-batch-send.js';
import { createGatewayCaller } from '../gateway-call.js';
import { validationError } from '../input-validation.js';

// A made-up endpoint, so that the outline is tested apart from any one API: a request holding a list, whose
// shared `template` every call repeats, and results that echo `order_id`.
export const path = '/gateway/test/batch/send';

const requestSchema = z.strictObject({
  template: z.string().min(1, { message: 'must not be empty' }),
  messages: z.array(
    z.strictObject({
      order_id: z.string().regex(/^\d+$/, { message: 'must contain digits only' }),
      text: z.string(),
    }),
  ),
});
type TestRequest = z.output<typeof requestSchema>;
type TestMessage = TestRequest['messages'][number];

const resultItemSchema = z.object({
  order_id: z.string(),
  code: z.number(),
  message: z.string(),
  message_id: z.string(),
});
type TestResultItem = z.output<typeof resultItemSchema>;

interface TestWireMessage {
  readonly order_id: string;
  readonly text: string;
}

export const endpoint: GatewayBatchEndpoint<
  TestRequest,
  TestMessage,
  TestWireMessage,
  TestResultItem,
  { readonly order_id: string; readonly message_id: string },
  { readonly order_id: string }
> = {
  path,
  sellerField: 'seller_nick',
  chunkSize: 3,
  inputSchema: requestSchema,
  listField: 'messages',
  itemsOf: (request) => request.messages,
  duplicateKeyOf: (message) => ({ field: 'order_id', value: message.order_id }),
  duplicateConsequence: 'that buyer would be texted twice',
  encodeItem: (message, index) => {
    // Stands in for an encoding that can fail (Douyin's template variables as JSON text).
    if (message.text === 'unencodable')
      throw validationError(path, [{ field: `messages.${index}.text`, reason: 'cannot be encoded' }]);
    return { order_id: message.order_id, text: message.text };
  },
  requestData: (request, wires) => ({ template: request.template, list: wires }),
  resultItemSchema,
  answerKeyOf: (message) => message.order_id,
  resultKeyOf: (result) => result.order_id,
  toResult: (result) =>
    result.code === 0
      ? { ok: true, order_id: result.order_id, message_id: result.message_id }
      : {
          ok: false,
          order_id: result.order_id,
          code: result.code,
          message: result.message,
          retryable: false,
          maybeSent: false,
        },
  echo: (message) => ({ order_id: message.order_id }),
};

export const messagesOf = (count: number): TestMessage[] =>
  Array.from({ length: count }, (_, index) => ({ order_id: String(1000 + index), text: `text ${index}` }));

/** What a request carried in `request_data`. */
export function sentData(request: RecordedRequest): { template: string; list: TestWireMessage[] } {
  return JSON.parse(request.form.request_data ?? 'null') as { template: string; list: TestWireMessage[] };
}

/** One answer item per message sent, as the gateway would give it. */
export const sentResults = (request: RecordedRequest) =>
  sentData(request).list.map((message) => ({
    code: 0,
    message: '',
    order_id: message.order_id,
    message_id: `m${message.order_id}`,
  }));

/** A gateway that sends every message it is given, answering in request order. */
export const sendsEverything: Responder = (request) =>
  jsonResponse({ code: 0, message: 'ok', data: sentResults(request), trace_id: 't' });

/** Sends `input` through the test endpoint (or `testEndpoint`) to a recording fetch answering with `respond`. */
export function send(
  input: unknown,
  respond: Responder = sendsEverything,
  call: Partial<Omit<GatewayBatchSendCall, 'gateway' | 'input'>> = {},
  testEndpoint: typeof endpoint = endpoint,
) {
  const recording = recordingFetch(respond);
  const gateway = createGatewayCaller({
    appId: 'test-appid',
    appSecret: 'test-secret',
    sellerNick: 'test-seller',
    fetch: recording.fetch,
  });
  const results = sendGatewayBatch(testEndpoint, { gateway, input, ...call });
  return { results, requests: recording.requests };
}
