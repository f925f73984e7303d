/**
 * Redaction of everything that must never reach a log: the app secret, session keys, signatures and phone
 * numbers. Errors and hook payloads are built from redacted strings only, so nothing downstream (messages,
 * `toString()`, `JSON.stringify`, logging hooks) can leak them.
 */

/** What a secret value is replaced with. */
export const redactedMarker = '[REDACTED]';

/** Parameters whose whole value is secret. `sign` is derived from the secret: an offline guessing oracle. */
const secretParameterNames: ReadonlySet<string> = new Set(['session', 'sign', 'app_secret', 'secret']);

/** Parameters and JSON keys that hold a phone number (plain or Douyin ciphertext). */
const phoneParameterNames = ['phone_number', 'post_tel', 'mobile', 'phone', 'tel'] as const;
const phoneParameterSet: ReadonlySet<string> = new Set(phoneParameterNames);

/** `"phone_number":"…"` in JSON text, also when that JSON is itself escaped inside a JSON string. */
const phoneInJsonPattern = new RegExp(
  `(\\\\?"(?:${phoneParameterNames.join('|')})\\\\?"\\s*:\\s*\\\\?")([^"\\\\]*)`,
  'g',
);
/** A mainland mobile number standing alone (not part of a longer digit run such as an order id). */
const bareMobilePattern = /(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g;
/** `session=…` or `sign=…` in a URL or form text. */
const secretQueryPattern = /(^|[?&\s])(session|sign)=([^&\s#]*)/g;

/**
 * Masks a phone number, keeping the first 3 and last 4 characters: `13800138000` → `138****8000`.
 * Values shorter than 8 characters are masked completely.
 */
export function maskPhoneNumber(value: string): string {
  if (value.length < 8) return '****';
  return `${value.slice(0, 3)}****${value.slice(-4)}`;
}

/**
 * Redacts free text that holds no known secret value: phone numbers masked (`13800138000` → `138****8000`),
 * standing alone and in JSON phone fields, and `session=`/`sign=` values replaced. For platform text passed
 * on to callers, such as a gateway item's `message`, which may quote the number it failed for.
 * @example redactText('号码13912345678的短信发送次数超过当天限制') // '号码139****5678的短信发送次数超过当天限制'
 */
export function redactText(value: string): string {
  return secretless.text(value);
}

/** Redacts strings for one call: knows that call's secret values (app secret, session keys). */
export interface Redactor {
  /** Free text: secret values, `session=`/`sign=` pairs, phone numbers in JSON and standing alone. */
  text(value: string): string;
  /** A flat parameter map: secret parameters replaced, phone parameters masked, every value run through `text`. */
  params(params: Readonly<Record<string, string>>): Record<string, string>;
  /** A URL whose query parameters are redacted like `params`. */
  url(url: string): string;
}

/** Builds a redactor for the given secret values; empty and missing values are ignored. */
export function createRedactor(secretValues: readonly (string | undefined)[]): Redactor {
  const variants = new Set<string>();
  for (const secret of secretValues) {
    if (!secret) continue;
    // The same secret as it may appear in a URL or a form body.
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(new URLSearchParams({ s: secret }).toString().slice(2));
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...variants].sort((left, right) => right.length - left.length);

  const text = (value: string): string => {
    let result = value;
    for (const secret of ordered) result = result.split(secret).join(redactedMarker);
    return result
      .replace(secretQueryPattern, `$1$2=${redactedMarker}`)
      .replace(phoneInJsonPattern, (_match, prefix: string, phone: string) => prefix + maskPhoneNumber(phone))
      .replace(bareMobilePattern, '$1****$2');
  };

  const value = (name: string, raw: string): string => {
    if (secretParameterNames.has(name)) return redactedMarker;
    if (phoneParameterSet.has(name)) return maskPhoneNumber(raw);
    return text(raw);
  };

  const params = (input: Readonly<Record<string, string>>): Record<string, string> => {
    const output: Record<string, string> = {};
    for (const [name, raw] of Object.entries(input)) output[name] = value(name, raw);
    return output;
  };

  const url = (input: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(input);
    } catch {
      return text(input);
    }
    const redacted = new URLSearchParams();
    for (const [name, raw] of parsed.searchParams) redacted.append(name, value(name, raw));
    parsed.search = redacted.toString();
    return text(parsed.toString());
  };

  return { text, params, url };
}

const secretless = createRedactor([]);
