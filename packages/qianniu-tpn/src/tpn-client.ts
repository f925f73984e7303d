/**
 * The client for `taobao.tpn.template.message.send` (`docs/protocol.md` §1): validates the request with the shared wire
 * schema (nothing is sent if it fails), sends the ids as exact decimals — `biz_id` exceeds 2^53 in practice —
 * and the four Json-typed parameters as JSON text, without a session (the document's sample sends none).
 */
import { createTopCaller, type TopCallerOptions, type TopXmlFieldType, validateInput } from '@x/core';
import { tpnMethod, tpnSendRequestSchema, tpnSendResponseSchema } from './tpn-schemas.js';

/** An id the platform types as `Number`: a safe integer, a bigint, or a decimal string; sent exactly. */
export type TpnId = number | bigint | string;

/** A Json-typed parameter, given as an object; the client JSON-encodes it. */
export type TpnJson = Record<string, unknown>;

/** One template message, with the documented field names. */
export interface TpnSendRequest {
  /** The template's message key (template details → configuration). Required. */
  template_key: string;
  /** The template id, e.g. `101`. Required. */
  template_id: TpnId;
  /** The main account id of the recipient. Required. */
  user_id: TpnId;
  /** The sub-account id of the recipient. */
  sub_user_id?: TpnId | undefined;
  /**
   * Your business id. Required. The same `biz_id` for the same user overwrites the earlier message, so keep it
   * unique per message — and a resend with the same `biz_id` replaces rather than duplicates.
   */
  biz_id: TpnId;
  /** Data for the PC "view details" action (`page`, `extraData`, …). */
  biz_data?: TpnJson | undefined;
  /** Data for the mobile action, when it differs from `biz_data`. */
  mobile_biz_data?: TpnJson | undefined;
  /** Values of the title's template parameters. */
  title_param?: TpnJson | undefined;
  /** Values of the content's template parameters. */
  content_param?: TpnJson | undefined;
  /** The thumbnail shown on mobile (URL). */
  picture?: string | undefined;
  /** The large picture shown on PC (URL). */
  pict?: string | undefined;
}

/** The documented response fields, plus the envelope's request id. */
interface TpnResponseFields {
  /** The message id. */
  readonly result?: string | undefined;
  /** The platform's hint, e.g. `Invalid-parameter`. */
  readonly error_msg?: string | undefined;
  /** The platform's `request_id`, for support tickets. */
  readonly request_id?: string | undefined;
}

/** The platform sent the message (`is_success: true`). */
export interface TpnSendAccepted extends TpnResponseFields {
  readonly ok: true;
  readonly is_success: true;
}

/** The platform answered but refused the message (`is_success: false`): nothing was sent; see `error_msg`. */
export interface TpnSendRefused extends TpnResponseFields {
  readonly ok: false;
  readonly is_success: false;
}

/**
 * The outcome of `send()`: a discriminated union on `ok` (which mirrors `is_success`), so a refusal cannot be
 * mistaken for a sent message.
 */
export type TpnSendResult = TpnSendAccepted | TpnSendRefused;

/** Options of `createTpnClient`: credentials, and the options every client takes. No session is needed. */
export interface TpnClientOptions extends TopCallerOptions {
  /** Not needed by this API; sent if given. */
  readonly session?: string | undefined;
}

/** Per-call options of `send()`. */
export interface TpnSendOptions {
  /** A session key for this send; overrides the client's. Not needed by this API; sent if given. */
  readonly session?: string | undefined;
  /**
   * Aborts the send. Before the request left: a TransportError of kind `aborted` with `maybeSent: false`;
   * after: `maybeSent: true`, since the platform may have sent it.
   */
  readonly signal?: AbortSignal | undefined;
}

/** A client for `taobao.tpn.template.message.send`. */
export interface TpnClient {
  /**
   * Sends one template message. Resolves with the platform's answer (check `ok`); rejects with a
   * ValidationError before sending, a TopPlatformError for an `error_response`, or a TransportError.
   */
  send(request: TpnSendRequest, options?: TpnSendOptions): Promise<TpnSendResult>;
}

const xmlFieldTypes: Readonly<Record<string, TopXmlFieldType>> = { is_success: 'boolean' };

/**
 * Creates a client. Throws a ValidationError naming any missing or malformed option.
 * @example
 * const tpn = createTpnClient({ appKey: '12345678', appSecret: process.env.TOP_SECRET! });
 * const sent = await tpn.send({ template_key: 'xxxx', template_id: 101, user_id: 12345n,
 *   biz_id: '122323434545', content_param: { key1: 'value' } });
 */
export function createTpnClient(options: TpnClientOptions): TpnClient {
  const top = createTopCaller(options);
  return {
    async send(request, sendOptions = {}) {
      const params = validateInput(tpnSendRequestSchema, request, { api: tpnMethod });
      const { payload, requestId } = await top.call({
        method: tpnMethod,
        params,
        session: sendOptions.session,
        signal: sendOptions.signal,
        response: tpnSendResponseSchema,
        xmlFieldTypes,
      });
      const fields: TpnResponseFields = {
        ...(payload.result === undefined ? {} : { result: payload.result }),
        ...(payload.error_msg === undefined ? {} : { error_msg: payload.error_msg }),
        ...(requestId === undefined ? {} : { request_id: requestId }),
      };
      return payload.is_success
        ? { ok: true, is_success: true, ...fields }
        : { ok: false, is_success: false, ...fields };
    },
  };
}
