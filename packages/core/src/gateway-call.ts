/**
 * The fw199 gateway call (`docs/protocol.md` §2): form fields `appid`, `timestamp` (Unix seconds), the endpoint's
 * seller field and `request_data` (compact JSON text), signed with `signGateway` over exactly the strings
 * sent, POSTed form-urlencoded to the origin + the endpoint's path. A non-zero outer `code` is a GatewayError;
 * the `data` items, each with its own `code`, are returned for the adapter to turn into per-item results.
 */
import { signGateway, unixSeconds } from '@x/signing';
import { runCall } from './call-runner.js';
import { compactJson } from './compact-json.js';
import { GatewayError, TransportError } from './errors.js';
import { requiredText } from './field-rules.js';
import type { RawResponse } from './form-post.js';
import { gatewayRequestDataField, gatewayResponseSchema } from './gateway-envelope.js';
import { checkSignal, validateInput, validationError } from './input-validation.js';
import { OptionsCheck } from './options-check.js';
import { createRedactor, type Redactor } from './redaction.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { resolveTransport, type TransportOptions } from './transport-options.js';

/** The default gateway origin (the documents' host; the vendor SDK uses `https://open.fw199.com`). */
export const defaultGatewayBaseUrl = 'https://kf.fw199.com';

/**
 * Outer codes documented (`docs/protocol.md` §2.5) as checks made before anything is sent: unknown appid, bad
 * signature, stale timestamp, unauthorized seller, bad parameter, too many items. Any other non-zero code
 * is unknown territory, so it counts as "may have been processed".
 */
const rejectedBeforeSendingCodes: ReadonlySet<number> = new Set([40001, 40002, 40003, 40004, 40005, 40006]);

/** Options of a gateway client. */
export interface GatewayCallerOptions extends TransportOptions {
  /** The partner app id (`appid`). */
  readonly appId: string;
  /** The app secret. Used to sign; never sent, logged or put in an error. */
  readonly appSecret: string;
  /** The seller account the messages are sent for; a call can override it. */
  readonly sellerNick: string;
  /**
   * The gateway origin; the endpoint's path is appended. A path prefix is kept (`http://host/prefix`).
   * @default 'https://kf.fw199.com'
   */
  readonly baseUrl?: string | undefined;
}

/** One gateway call. */
export interface GatewayCallRequest<Item> {
  /** The endpoint path, e.g. `/gateway/taobao/jst/sms/tid/send`. */
  readonly path: string;
  /** The form field naming the seller on this endpoint: `tb_seller_nick` or `seller_nick`. */
  readonly sellerField: string;
  /** The request, JSON-encoded compactly into `request_data` (null fields omitted, bigints exact). */
  readonly requestData: unknown;
  /** Validates each item of the answer's `data`. */
  readonly item: StandardSchemaV1<unknown, Item>;
  /**
   * The seller for this call; overrides the client's. An empty or blank string is a ValidationError, never
   * the client's seller.
   */
  readonly sellerNick?: string | undefined;
  /** Aborts the call: a TransportError of kind `aborted`, whose `maybeSent` says whether it left. */
  readonly signal?: AbortSignal | undefined;
}

/** A successful call (outer `code` 0). Items may still have failed individually: look at their `code`. */
export interface GatewayCallResult<Item> {
  /** The validated `data` items, in the order the gateway sent them. */
  readonly items: Item[];
  /** The outer `message` (`ok`). */
  readonly message: string;
  /** The gateway's `trace_id`, when it sent one. */
  readonly traceId: string | undefined;
}

/** Makes gateway calls with one app's credentials. */
export interface GatewayCaller {
  /**
   * Encodes `requestData` (a ValidationError before anything is sent if it is not JSON), signs, posts with
   * retries per the policy, and returns the items; throws GatewayError or TransportError.
   */
  call<Item>(request: GatewayCallRequest<Item>): Promise<GatewayCallResult<Item>>;
  /**
   * The seller a call to `path` is for: `sellerNick` when given, else the client's. Throws a ValidationError
   * (field `sellerNick`) for a given `sellerNick` that is empty, blank or not a string. `call` applies it; a
   * client that sends in several calls can apply it once, before the first.
   */
  sellerFor(path: string, sellerNick?: string | undefined): string;
}

/** Creates a gateway caller. Throws a ValidationError naming any missing or malformed option. */
export function createGatewayCaller(options: GatewayCallerOptions): GatewayCaller {
  const baseUrl = options.baseUrl ?? defaultGatewayBaseUrl;
  new OptionsCheck('fw199 client')
    .text('appId', options.appId)
    .text('appSecret', options.appSecret)
    .text('sellerNick', options.sellerNick)
    .httpUrl('baseUrl', baseUrl)
    .done();
  const transport = resolveTransport(options);
  const { appId, appSecret } = options;
  const origin = baseUrl.replace(/\/+$/, '');
  const redactor = createRedactor([appSecret]);

  const sellerFor = (path: string, sellerNick?: string | undefined): string =>
    // An empty per-call seller is a caller's bug, not a request for the default: sending for the client's
    // seller instead would text on another shop's behalf.
    sellerNick === undefined
      ? options.sellerNick
      : validateInput(requiredText, sellerNick, { api: path, fieldPrefix: 'sellerNick' });

  return {
    sellerFor,
    async call<Item>(request: GatewayCallRequest<Item>): Promise<GatewayCallResult<Item>> {
      const { path } = request;
      if (!path.startsWith('/'))
        throw validationError(path, [{ field: 'path', reason: 'must start with /' }]);
      const sellerNick = sellerFor(path, request.sellerNick);
      const signal = checkSignal(path, request.signal);
      // Encoded once: every attempt sends, and signs, exactly the same text.
      const requestData = compactJson(request.requestData, path, gatewayRequestDataField);
      return runCall({
        protocol: 'gateway',
        api: path,
        transport,
        redactor,
        signal,
        buildRequest: () => {
          const form: Record<string, string> = {
            appid: appId,
            timestamp: String(unixSeconds(new Date())),
            [request.sellerField]: sellerNick,
            [gatewayRequestDataField]: requestData,
          };
          return {
            endpoint: origin + path,
            query: {},
            form: { ...form, sign: signGateway(form, appSecret) },
          };
        },
        interpret: (response) => interpretGatewayResponse(response, path, request.item, redactor),
      });
    },
  };
}

function interpretGatewayResponse<Item>(
  response: RawResponse,
  path: string,
  itemSchema: StandardSchemaV1<unknown, Item>,
  redactor: Redactor,
): GatewayCallResult<Item> {
  const unparseable = (detail: string) =>
    new TransportError({
      api: path,
      kind: 'unparseable-body',
      status: response.status,
      detail,
      retryable: false,
      maybeSent: true,
    });
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw unparseable('the answer is not JSON');
  }
  const envelope = gatewayResponseSchema.safeParse(body);
  if (!envelope.success) throw unparseable('the answer has no numeric code');
  const { code, message = '', data, trace_id: traceId } = envelope.data;
  if (code !== 0) {
    throw new GatewayError({
      api: path,
      code,
      gatewayMessage: redactor.text(message),
      traceId,
      retryable: false,
      maybeSent: !rejectedBeforeSendingCodes.has(code),
    });
  }
  if (!Array.isArray(data)) throw unparseable('code 0 without a data array');
  const items = data.map((entry, index) => {
    const result = itemSchema['~standard'].validate(entry);
    if (result instanceof Promise) throw new TypeError('the item schema must be synchronous');
    if (result.issues !== undefined) throw unparseable(`data.${index} does not match the documented fields`);
    return result.value;
  });
  return { items, message: redactor.text(message), traceId };
}
