/**
 * Masks what must not be shown back: the `sign`, the `session`, and anything named like a secret. Long values
 * keep their first and last three characters so two requests can still be told apart; short ones are `***`.
 *
 * A name is a secret's when, case-insensitively, it contains `secret`, `password`, `passwd`, `passphrase`,
 * `token`, `session`, `credential` or `cookie`, or one of its words (split at `_`, `-`, `.` and camelCase) is
 * `sign`, `signature`, `key`, `pwd`, `auth` or `authorization` — so `client_secret`, `secretKey`, `apiKey` and
 * `hmac_sign` are masked, `keyword` and `design` are not. A few names match the pattern but hold nothing
 * secret, and stay in clear because a diagnosis needs them: `sign_method` (the algorithm), `sign_name` and
 * `sms_free_sign_name` (the SMS signature's text), `app_key` (the namespace, shown everywhere anyway) and
 * `template_key` (a Qianniu template's name).
 */
const publicNames = new Set([
  'sign_method',
  'signmethod',
  'sign_name',
  'signname',
  'sms_free_sign_name',
  'app_key',
  'appkey',
  'template_key',
  'templatekey',
]);
const secretFragments = /secret|password|passwd|passphrase|token|session|credential|cookie/;
const secretWords = new Set(['sign', 'signature', 'key', 'apikey', 'pwd', 'auth', 'authorization']);
/** Word boundaries: separators, and a lower-case letter or digit followed by an upper-case one. */
const wordBoundary = /[_\-.\s]+|(?<=[a-z0-9])(?=[A-Z])/;

export function isSecretParameter(name: string): boolean {
  const lowered = name.toLowerCase();
  if (publicNames.has(lowered)) return false;
  if (secretFragments.test(lowered)) return true;
  for (const word of name.split(wordBoundary)) if (secretWords.has(word.toLowerCase())) return true;
  return false;
}

export function maskSecret(value: string): string {
  if (value === '') return '';
  return value.length < 10 ? '***' : `${value.slice(0, 3)}***${value.slice(-3)}`;
}

/** A copy with the secret parameters masked (null prototype, like the parameters themselves). */
export function maskParameters(params: Readonly<Record<string, string>>): Record<string, string> {
  const masked: Record<string, string> = Object.create(null);
  for (const name in params) {
    const value = params[name] as string;
    masked[name] = isSecretParameter(name) ? maskSecret(value) : value;
  }
  return masked;
}
