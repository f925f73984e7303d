/**
 * Masks what must not be shown back: the `sign`, the `session`, and anything named like a secret. Long values
 * keep their first and last three characters so two requests can still be told apart; short ones are `***`.
 */
const secretParameterNames = new Set([
  'sign',
  'session',
  'secret',
  'app_secret',
  'appsecret',
  'access_token',
  'refresh_token',
]);

export function isSecretParameter(name: string): boolean {
  return secretParameterNames.has(name.toLowerCase());
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

/** Whether a signed parameter (anything but `sign`, which is never signed) would be masked. */
export function hasSecretParameter(params: Readonly<Record<string, string>>): boolean {
  for (const name in params) if (name !== 'sign' && isSecretParameter(name)) return true;
  return false;
}
