/** The three TOP signature algorithms. An absent `sign_method` parameter means `md5`. */
export type TopSignMethod = 'md5' | 'hmac' | 'hmac-sha256';

/** One flat request: every parameter name maps to the exact string that is sent on the wire. */
export type SignableParams = Record<string, string>;

/** The result of checking a received signature. `expected` and `canonical` exist to explain a mismatch. */
export type VerifyResult =
  | { ok: true }
  | {
      ok: false;
      /** Why the check failed. */
      reason: 'missing-sign' | 'unknown-sign-method' | 'mismatch';
      /** The sign this verifier computed (the official variant: empty values skipped), when it could compute one. */
      expected?: string;
      /** The string that was hashed, without the secret, so a caller can compare it with its own. */
      canonical?: string;
      /** The `sign_method` the check used (TOP only). */
      signMethod?: string;
    };

export const topSignMethods: readonly TopSignMethod[] = ['md5', 'hmac', 'hmac-sha256'];
