/**
 * The client for `taobao.jst.sms.message.send` (`docs/protocol.md` §1): validates the request with the shared wire schema
 * (nothing is sent if it fails), encodes it as the one `send_message_request` parameter holding compact JSON
 * text — `params` inside it as a JSON string (`docs/protocol.md` §1.4) — and makes the TOP call through @x/core.
 */
import {
  compactJson,
  createTopCaller,
  type TopCallerOptions,
  type TopXmlFieldType,
  validateInput,
} from '@x/core';
import {
  jstMethod,
  jstRequestParameter,
  jstSendMessageRequestSchema,
  jstSendResponseSchema,
} from './jst-schemas.js';

/**
 * One SMS, with the documented `SendMessageRequest` field names. `params` is an object of template variables;
 * the client JSON-encodes it. Empty optional fields are not sent; `channel_type`, `sms_type` and `tool_flag`
 * are sent only when given (the platform defaults them to `"2"`, `"normal"` and `"0"`).
 */
export interface JstSendMessageRequest {
  /** The SMS signature, e.g. `聚石塔官方`. Required. */
  sms_free_sign_name: string;
  /** The SMS template code, e.g. `SMS_12345`. Required. */
  template_code: string;
  /** A mainland mobile number (11 digits starting with 1), or the document's test number `1234567890`. */
  phone_number: string;
  /** Template variables: `${name}` in the template is replaced by `params.name`. */
  params?: Record<string, string | number> | undefined;
  /** The product's H5 page (http or https); `${url}` in `params` is replaced by it. */
  url?: string | undefined;
  extend_name?: string | undefined;
  extend_code?: string | undefined;
  extend?: string | undefined;
  /** The audience tag of the SMS. */
  tag?: string | undefined;
  batch_number?: string | undefined;
  /** @default "2" on the platform */
  channel_type?: string | undefined;
  /** @default "normal" on the platform */
  sms_type?: string | undefined;
  /** @default "0" on the platform */
  tool_flag?: string | undefined;
}

/** The documented response fields. */
interface JstResponseFields {
  /** `success`, or why the platform refused, e.g. `params_error`. */
  readonly request_code: string;
  readonly request_id: string;
  /** A receipt id such as `341623067818673604^0` on success; often `null` otherwise. */
  readonly module: string | null;
  /** `success`, or a description such as `参数错误`. */
  readonly message: string;
}

/** The platform accepted the SMS (`request_success: true`). */
export interface JstSendAccepted extends JstResponseFields {
  readonly ok: true;
  readonly request_success: true;
}

/**
 * The platform answered, but refused the SMS (`request_success: false`): nothing was sent. Not thrown — a
 * business answer, like a refused item of a batch — so narrow on `ok` before reading a receipt.
 */
export interface JstSendRefused extends JstResponseFields {
  readonly ok: false;
  readonly request_success: false;
}

/**
 * The outcome of `send()`. A discriminated union on `ok` (which mirrors `request_success`), so the refusal
 * case cannot be mistaken for a sent message:
 * @example
 * const sent = await jst.send(request);
 * if (!sent.ok) throw new Error(`refused: ${sent.request_code} ${sent.message}`);
 * console.log(sent.module); // the receipt id
 */
export type JstSendResult = JstSendAccepted | JstSendRefused;

/** Options of `createJstClient`: credentials, and the options every client takes. */
export interface JstClientOptions extends TopCallerOptions {
  /**
   * The seller's session key. This API requires one (`docs/protocol.md` §1.2): give it here or to each `send()`.
   */
  readonly session?: string | undefined;
}

/** Per-call options of `send()`. */
export interface JstSendOptions {
  /** The session key for this send (another seller); overrides the client's. */
  readonly session?: string | undefined;
  /**
   * Aborts the send. Before the request left: a TransportError of kind `aborted` with `maybeSent: false`;
   * after: `maybeSent: true`, since the platform may have sent it.
   */
  readonly signal?: AbortSignal | undefined;
}

/** A client for `taobao.jst.sms.message.send`. */
export interface JstClient {
  /**
   * Sends one SMS. Resolves with the platform's answer (check `ok`); rejects with a ValidationError before
   * sending, a TopPlatformError for an `error_response`, or a TransportError.
   */
  send(request: JstSendMessageRequest, options?: JstSendOptions): Promise<JstSendResult>;
}

const xmlFieldTypes: Readonly<Record<string, TopXmlFieldType>> = {
  request_success: 'boolean',
  module: 'nullable',
};

/**
 * Creates a client. Throws a ValidationError naming any missing or malformed option.
 * @example
 * const jst = createJstClient({ appKey: '12345678', appSecret: process.env.TOP_SECRET!, session });
 * const sent = await jst.send({ sms_free_sign_name: '聚石塔官方', template_code: 'SMS_12345',
 *   phone_number: '13800138000', params: { content: '您好' } });
 */
export function createJstClient(options: JstClientOptions): JstClient {
  const top = createTopCaller(options);
  return {
    async send(request, sendOptions = {}) {
      const valid = validateInput(jstSendMessageRequestSchema, request, { api: jstMethod });
      const { payload } = await top.call({
        method: jstMethod,
        params: { [jstRequestParameter]: encodeSendMessageRequest(valid) },
        session: sendOptions.session,
        signal: sendOptions.signal,
        requireSession: true,
        response: jstSendResponseSchema,
        xmlFieldTypes,
      });
      const fields = {
        request_code: payload.request_code,
        request_id: payload.request_id,
        module: payload.module ?? null,
        message: payload.message,
      };
      return payload.request_success
        ? { ok: true, request_success: true, ...fields }
        : { ok: false, request_success: false, ...fields };
    },
  };
}

/** The struct as the wire wants it: empty fields dropped, `params` as a JSON string inside. */
function encodeSendMessageRequest(request: Readonly<Record<string, unknown>>): Record<string, string> {
  const struct: Record<string, string> = {};
  for (const [name, value] of Object.entries(request)) {
    if (name === 'params') {
      const params = value as Record<string, string | number> | undefined;
      if (params && Object.keys(params).length > 0) struct.params = compactJson(params, jstMethod, 'params');
    } else if (typeof value === 'string' && value !== '') {
      struct[name] = value;
    }
  }
  return struct;
}
