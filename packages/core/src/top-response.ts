/**
 * Reads a TOP answer (HTTP 200 for success and error alike): JSON or XML, `error_response` → TopPlatformError,
 * the method's `_response` → the validated payload, anything else → an unparseable-body TransportError that
 * says the request may have been processed (something answered, and it was not a rejection).
 */
import { TopPlatformError, TransportError } from './errors.js';
import type { RawResponse } from './form-post.js';
import type { Redactor } from './redaction.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { topErrorResponseKey, topErrorResponseSchema, topResponseKey } from './top-envelope.js';
import { topErrorVerdict } from './top-error-verdict.js';
import { readXml, type XmlValue } from './xml-reader.js';

/**
 * How an XML text value is typed before validation (JSON answers are already typed). `boolean`: `true` /
 * `false`; `number`: decimal; `nullable`: the text `null` or an empty element become `null`.
 */
export type TopXmlFieldType = 'boolean' | 'number' | 'nullable';

/** What the reader needs to know about the call. */
export interface TopResponseContext<Payload> {
  readonly method: string;
  readonly schema: StandardSchemaV1<unknown, Payload>;
  readonly xmlFieldTypes?: Readonly<Record<string, TopXmlFieldType>> | undefined;
  readonly redactor: Redactor;
}

/** The validated payload and the platform's request id. */
export interface TopPayload<Payload> {
  readonly payload: Payload;
  readonly requestId: string | undefined;
}

/** Interprets a 2xx TOP answer; throws TopPlatformError or TransportError. */
export function interpretTopResponse<Payload>(
  response: RawResponse,
  context: TopResponseContext<Payload>,
): TopPayload<Payload> {
  const { method } = context;
  const unparseable = (detail: string) =>
    new TransportError({
      api: method,
      kind: 'unparseable-body',
      status: response.status,
      detail,
      retryable: false,
      maybeSent: true,
    });

  const envelope = readEnvelope(response.body);
  if (envelope === undefined) throw unparseable('the answer is neither JSON nor XML');
  const { format, root } = envelope;

  if (Object.hasOwn(root, topErrorResponseKey)) {
    const parsed = topErrorResponseSchema.safeParse(root[topErrorResponseKey]);
    if (!parsed.success) throw unparseable('error_response without a numeric code and a msg');
    const { code, msg, sub_code: subCode, sub_msg: subMsg, request_id: requestId } = parsed.data;
    const verdict = topErrorVerdict(code, subCode, subMsg);
    throw new TopPlatformError({
      api: method,
      code,
      msg: context.redactor.text(msg),
      subCode,
      subMsg: subMsg === undefined ? undefined : context.redactor.text(subMsg),
      requestId,
      ...verdict,
    });
  }

  const responseKey = topResponseKey(method);
  if (!Object.hasOwn(root, responseKey)) {
    const keys = Object.keys(root).slice(0, 3).join(', ') || 'none';
    throw unparseable(`expected ${responseKey} or ${topErrorResponseKey}, got root key ${keys}`);
  }
  const raw = root[responseKey];
  const candidate = format === 'xml' ? typeXmlFields(raw, context.xmlFieldTypes ?? {}) : raw;
  const result = context.schema['~standard'].validate(candidate);
  if (result instanceof Promise) throw new TypeError('the response schema must be synchronous');
  if (result.issues !== undefined) {
    const [issue] = result.issues;
    const field = issue?.path?.map((segment) => String(typeof segment === 'object' ? segment.key : segment));
    throw unparseable(`${responseKey} does not match the documented fields (${field?.join('.') || 'root'})`);
  }
  const requestId = (raw as { request_id?: unknown } | null)?.request_id;
  return { payload: result.value, requestId: typeof requestId === 'string' ? requestId : undefined };
}

/** The parsed body as `{ rootKey: value }`, or undefined if it is neither a JSON object nor XML. */
function readEnvelope(body: string): { format: 'json' | 'xml'; root: Record<string, unknown> } | undefined {
  const text = body.replace(/^\uFEFF/, '').trimStart();
  try {
    if (text.startsWith('{')) {
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { format: 'json', root: value as Record<string, unknown> }
        : undefined;
    }
    if (text.startsWith('<')) {
      const document = readXml(text);
      return { format: 'xml', root: { [document.root]: document.value } };
    }
  } catch {
    // Malformed JSON or XML: reported as unparseable below.
  }
  return undefined;
}

/** Types the declared fields of an XML payload; undeclared fields stay strings. */
function typeXmlFields(value: XmlValue | unknown, types: Readonly<Record<string, TopXmlFieldType>>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const typed: Record<string, unknown> = {};
  for (const [name, fieldValue] of Object.entries(value)) {
    const type = types[name];
    typed[name] = typeof fieldValue === 'string' && type ? typeXmlText(fieldValue, type) : fieldValue;
  }
  return typed;
}

function typeXmlText(text: string, type: TopXmlFieldType): unknown {
  switch (type) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'number':
      return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
    case 'nullable':
      return text === 'null' || text === '' ? null : text;
  }
}
