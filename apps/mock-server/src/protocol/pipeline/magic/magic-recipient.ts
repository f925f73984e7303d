/**
 * Magic values as recipients: recognising `1990000XXYY` (bare, or as the first segment of a Douyin
 * ciphertext) on every message, and writing the catalog's example values in both forms.
 */
import { type MagicOutcome, magicOutcomeByDigits, magicPrefix } from './magic-catalog.js';

export interface MagicRecipient {
  readonly outcome: MagicOutcome;
  /** `YY`. */
  readonly parameter: number;
  /** The `1990000XXYY` digits. */
  readonly value: string;
}

const dollar = 36;

/**
 * The magic outcome of a recipient, or undefined for an ordinary one. Cheap for ordinary recipients (a length
 * and a prefix check): it runs on every message.
 */
export function parseMagicRecipient(recipient: string): MagicRecipient | undefined {
  let digits: string;
  if (recipient.length === 11) {
    if (!recipient.startsWith(magicPrefix)) return undefined;
    digits = recipient;
  } else if (recipient.charCodeAt(0) === dollar && recipient.charCodeAt(12) === dollar) {
    // A Douyin ciphertext `$1990000XXYY$…*…$1$$`.
    if (!recipient.startsWith(magicPrefix, 1)) return undefined;
    digits = recipient.slice(1, 12);
  } else {
    return undefined;
  }
  const outcome = magicOutcomeByDigits(digits.slice(7, 9));
  const parameterText = digits.slice(9, 11);
  if (outcome === undefined || !/^\d\d$/.test(parameterText)) return undefined;
  return { outcome, parameter: Number(parameterText), value: digits };
}

/** The catalog's example value for an outcome: `1990000` + `XX` + its example `YY`. */
export function magicExample(outcome: MagicOutcome): string {
  return `${magicPrefix}${outcome.digits}${String(outcome.exampleParameter).padStart(2, '0')}`;
}

/** The Douyin ciphertext form of a magic value (it matches the ciphertext pattern the clients check). */
export function magicCiphertext(value: string): string {
  return `$${value}$bW9jaw==*bW9jaw==$1$$`;
}
