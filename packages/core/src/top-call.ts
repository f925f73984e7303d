/**
 * The TOP call (`docs/protocol.md` §1): system parameters in the query string, business parameters in an
 * `application/x-www-form-urlencoded;charset=UTF-8` body — as the official SDKs send them — a GMT+8 timestamp,
 * a `signTop` signature over both, and the answer read as JSON or XML.
 */
import { formatTopTimestamp, signTop, type TopSignMethod, topSignMethods } from '@x/signing';
import { runCall } from './call-runner.js';
import { compactJson } from './compact-json.js';
import { checkSignal, validationError } from './input-validation.js';
import { OptionsCheck } from './options-check.js';
import { createRedactor } from './redaction.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { topSystemParameters } from './top-envelope.js';
import { interpretTopResponse, type TopXmlFieldType } from './top-response.js';
import { resolveTransport, type TransportOptions } from './transport-options.js';

/** The default TOP gateway. */
export const defaultTopBaseUrl = 'https://eco.taobao.com/router/rest';
/** The default TOP signature algorithm. */
export const defaultTopSignMethod: TopSignMethod = 'hmac-sha256';

/** Options of a TOP client. */
export interface TopCallerOptions extends TransportOptions {
  /** The app key (`app_key`). */
  readonly appKey: string;
  /** The app secret. Used to sign; never sent, logged or put in an error. */
  readonly appSecret: string;
  /** The seller's session key, for APIs that need one; a call can override it. */
  readonly session?: string | undefined;
  /**
   * The full gateway URL.
   * @default 'https://eco.taobao.com/router/rest'
   */
  readonly baseUrl?: string | undefined;
  /**
   * The signature algorithm.
   * @default 'hmac-sha256'
   */
  readonly signMethod?: TopSignMethod | undefined;
}

/**
 * A business parameter value. Strings are sent as they are; numbers and bigints as decimals; booleans as
 * `true`/`false`; objects and arrays as compact JSON text. `undefined`, `null` and `''` are not sent.
 */
export type TopParamValue = string | number | bigint | boolean | null | undefined | object;

/** One TOP call. */
export interface TopCallRequest<Payload> {
  /** The API method, e.g. `taobao.jst.sms.message.send`. */
  readonly method: string;
  /** The business parameters, by wire name. */
  readonly params: Readonly<Record<string, TopParamValue>>;
  /** Validates the success payload (the value under `<method>_response`). */
  readonly response: StandardSchemaV1<unknown, Payload>;
  /** The session key for this call; overrides the client's. */
  readonly session?: string | undefined;
  /** Reject the call before sending when no session key is known. */
  readonly requireSession?: boolean | undefined;
  /** How to type XML text values of the payload before validation (JSON needs nothing). */
  readonly xmlFieldTypes?: Readonly<Record<string, TopXmlFieldType>> | undefined;
  /** Aborts the call: a TransportError of kind `aborted`, whose `maybeSent` says whether it left. */
  readonly signal?: AbortSignal | undefined;
}

/** The outcome of a successful TOP call. */
export interface TopCallResult<Payload> {
  /** The validated payload. */
  readonly payload: Payload;
  /** The platform's `request_id`, when the payload carries one. */
  readonly requestId: string | undefined;
}

/** Makes TOP calls with one app's credentials. */
export interface TopCaller {
  /**
   * Validates and encodes the parameters (a ValidationError before anything is sent), signs, posts with
   * retries per the policy, and returns the payload; throws TopPlatformError or TransportError.
   */
  call<Payload>(request: TopCallRequest<Payload>): Promise<TopCallResult<Payload>>;
}

const reservedNames: ReadonlySet<string> = new Set(topSystemParameters);

/** Creates a TOP caller. Throws a ValidationError naming any missing or malformed option. */
export function createTopCaller(options: TopCallerOptions): TopCaller {
  const baseUrl = options.baseUrl ?? defaultTopBaseUrl;
  const signMethod = options.signMethod ?? defaultTopSignMethod;
  new OptionsCheck('TOP client')
    .text('appKey', options.appKey)
    .text('appSecret', options.appSecret)
    .optionalText('session', options.session)
    .httpUrl('baseUrl', baseUrl)
    .oneOf('signMethod', signMethod, topSignMethods)
    .done();
  const transport = resolveTransport(options);
  const { appKey, appSecret } = options;
  // The redactor for calls that use the client's own session; a call with another session builds its own.
  const clientRedactor = createRedactor([appSecret, options.session]);

  return {
    async call<Payload>(request: TopCallRequest<Payload>): Promise<TopCallResult<Payload>> {
      const { method } = request;
      const session = request.session || options.session;
      if (request.requireSession && !session) {
        throw validationError(method, [
          { field: 'session', reason: 'is required: pass it to the client or the call' },
        ]);
      }
      const signal = checkSignal(method, request.signal);
      const business = encodeParams(method, request.params);
      const redactor =
        request.session === undefined || request.session === '' || request.session === options.session
          ? clientRedactor
          : createRedactor([appSecret, options.session, request.session]);
      return runCall({
        protocol: 'top',
        api: method,
        transport,
        redactor,
        signal,
        buildRequest: () => {
          const system: Record<string, string> = {
            method,
            app_key: appKey,
            sign_method: signMethod,
            timestamp: formatTopTimestamp(new Date()),
            v: '2.0',
            format: 'json',
          };
          if (session) system.session = session;
          const sign = signTop({ ...system, ...business }, appSecret, signMethod);
          return { endpoint: baseUrl, query: { ...system, sign }, form: business };
        },
        interpret: (response) =>
          interpretTopResponse(response, {
            method,
            schema: request.response,
            xmlFieldTypes: request.xmlFieldTypes,
            redactor,
          }),
      });
    },
  };
}

/** The wire strings of the business parameters; empty values dropped, system names refused. */
function encodeParams(
  method: string,
  params: Readonly<Record<string, TopParamValue>>,
): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (reservedNames.has(name)) {
      throw validationError(method, [
        { field: name, reason: 'is a TOP system parameter, not a business one' },
      ]);
    }
    const text = encodeValue(method, name, value);
    if (text !== undefined && text !== '') encoded[name] = text;
  }
  return encoded;
}

function encodeValue(method: string, name: string, value: TopParamValue): string | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
      return value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value))
        throw validationError(method, [{ field: name, reason: 'must be a finite number' }]);
      return String(value);
    default:
      return value === null ? undefined : compactJson(value, method, name);
  }
}
