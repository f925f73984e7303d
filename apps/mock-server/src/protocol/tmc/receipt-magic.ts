/**
 * Magic phone numbers for delivery receipts: a JST send to `1990001XXYY` is accepted like any other, and its
 * receipt follows outcome `XX` with parameter `YY`. The block sits next to the send outcomes' `1990000XXYY`,
 * so the two never clash, and the numbers pass every client-side check (`/^1\d{10}$/`).
 */

/** Every receipt magic value starts with these digits. */
export const receiptMagicPrefix = '1990001';

/**
 * The carrier's reasons a failed receipt carries (the SMPP delivery-report states carriers pass on), picked
 * by `YY`: 00 `UNDELIV`, 01 `EXPIRED`, 02 `REJECTD`, 03 `DELETED`, 04 `UNKNOWN`; any other `YY` is `UNDELIV`.
 */
export const failedReceiptCodes = ['UNDELIV', 'EXPIRED', 'REJECTD', 'DELETED', 'UNKNOWN'] as const;

/** The receipt outcomes of the magic numbers `1990001XXYY`, by `XX` from 01. */
export const receiptOutcomeNames = [
  'receipt-failed',
  'receipt-late',
  'receipt-twice',
  'receipt-never',
] as const;
/** One of {@link receiptOutcomeNames}. */
export type ReceiptOutcomeName = (typeof receiptOutcomeNames)[number];

export interface ReceiptOutcome {
  /** `XX` in `1990001XXYY`. */
  readonly digits: string;
  readonly name: ReceiptOutcomeName;
  readonly summary: string;
  /** What `YY` means. */
  readonly parameter: 'error-code' | 'minutes' | 'seconds' | 'none';
  /** The `YY` of the catalog's example value. */
  readonly exampleParameter: number;
}

export const receiptOutcomes: readonly ReceiptOutcome[] = [
  {
    digits: '01',
    name: 'receipt-failed',
    summary: `the receipt says not delivered: state 2, err_code by YY (${failedReceiptCodes
      .map((code, index) => `${String(index).padStart(2, '0')} ${code}`)
      .join(', ')})`,
    parameter: 'error-code',
    exampleParameter: 0,
  },
  {
    digits: '02',
    name: 'receipt-late',
    summary: 'delivered, but the receipt arrives YY minutes after the send (at least 1)',
    parameter: 'minutes',
    exampleParameter: 10,
  },
  {
    digits: '03',
    name: 'receipt-twice',
    summary:
      'delivered, and the same receipt message (same id) is published a second time YY seconds after the first',
    parameter: 'seconds',
    exampleParameter: 0,
  },
  {
    digits: '04',
    name: 'receipt-never',
    summary: 'accepted, but no receipt ever arrives',
    parameter: 'none',
    exampleParameter: 0,
  },
];

export interface ReceiptMagicValue {
  readonly outcome: ReceiptOutcome;
  /** `YY`. */
  readonly parameter: number;
}

const outcomesByDigits = new Map(receiptOutcomes.map((outcome) => [outcome.digits, outcome]));

/** The receipt outcome a phone number asks for, or undefined for an ordinary number. */
export function parseReceiptMagic(phoneNumber: string): ReceiptMagicValue | undefined {
  if (phoneNumber.length !== 11 || !phoneNumber.startsWith(receiptMagicPrefix)) return undefined;
  const outcome = outcomesByDigits.get(phoneNumber.slice(7, 9));
  const parameterText = phoneNumber.slice(9, 11);
  if (outcome === undefined || !/^\d\d$/.test(parameterText)) return undefined;
  return { outcome, parameter: Number(parameterText) };
}

/** The catalog's example value: `1990001` + `XX` + its example `YY`. */
export function receiptMagicExample(outcome: ReceiptOutcome): string {
  return `${receiptMagicPrefix}${outcome.digits}${String(outcome.exampleParameter).padStart(2, '0')}`;
}

/** The `err_code` of a failed receipt for parameter `YY`. */
export function failedReceiptCode(parameter: number): string {
  return failedReceiptCodes[parameter] ?? 'UNDELIV';
}

const parameterWords = {
  'error-code': 'the err_code (00 UNDELIV, 01 EXPIRED, 02 REJECTD, 03 DELETED, 04 UNKNOWN; others UNDELIV)',
  minutes: 'minutes (00 counts as 1)',
  seconds: 'seconds',
  none: 'ignored (any two digits)',
} as const;

/** The receipt magic numbers as `GET /__mock/magic` lists them (under `receipts`). */
export function receiptCatalog(enabled: boolean) {
  return {
    enabled,
    pattern: `${receiptMagicPrefix}XXYY`,
    where:
      'JST phone_number: the send is accepted like any other, its delivery receipt (TMC topic alibaba_aliqin_TaFcSmsDR) follows the outcome.',
    outcomes: receiptOutcomes.map((outcome) => ({
      digits: outcome.digits,
      outcome: outcome.name,
      summary: outcome.summary,
      parameter: parameterWords[outcome.parameter],
      example: receiptMagicExample(outcome),
    })),
  };
}
