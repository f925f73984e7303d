/**
 * What the page derives from a recorded message: the SMS as a phone shows it with its length and segment
 * count (docs/protocol.md §3), the recipient as displayed (phones masked unless asked), and the text one search
 * runs over. Derived here, in the page, so the inbox stays as recorded.
 */
import { maskPhoneNumber } from '@x/core';
import type { RecordedMessage } from '../state/recorded-message.js';

/** A Chinese SMS: ≤ 70 characters is one message; longer ones are billed in segments of 67. */
export const singleSegmentLimit = 70;
export const segmentLength = 67;

/** Characters as a person counts them (one per code point; `【` and `】` count too). */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** docs/protocol.md §3: ≤ 70 → 1, else ⌈n / 67⌉. */
export function segmentCount(characters: number): number {
  return characters <= singleSegmentLimit ? 1 : Math.ceil(characters / segmentLength);
}

/** The SMS as a phone shows it — known only when the template text is configured. */
export type SmsPreview =
  | {
      rendered: true;
      /** `【签名】`, or empty when the text carries it already. */
      signature: string;
      /** The rendered text. */
      body: string;
      /** Signature included. */
      characters: number;
      segments: number;
    }
  | {
      /** The template is not configured: the text is not known, only the variables received. */
      rendered: false;
      signature: string;
    };

/** Numbers the recorded message may carry itself (newer recorders count for us); used when present. */
function ownNumber(message: RecordedMessage, names: readonly string[]): number | undefined {
  const record = message as unknown as Record<string, unknown>;
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return undefined;
}

/** The SMS as the phone shows it; undefined for Qianniu messages (not an SMS). */
export function smsPreview(message: RecordedMessage): SmsPreview | undefined {
  if (message.platform === 'qianniu-tpn') return undefined;
  let signature = message.signName === null ? '' : `【${message.signName}】`;
  if (message.text === null) return { rendered: false, signature };
  const body = message.text;
  // A recorder that renders the signature into the text already: show it once.
  if (signature !== '' && body.startsWith(signature)) signature = '';
  const characters =
    ownNumber(message, ['characters', 'characterCount', 'length']) ?? countCharacters(signature + body);
  const segments = ownNumber(message, ['segments', 'segmentCount']) ?? segmentCount(characters);
  return { rendered: true, signature, body, characters, segments };
}

/** The variables received, `name=value` each, for a message whose template text is not known. */
export function variablesText(variables: Readonly<Record<string, unknown>>): string {
  return Object.entries(variables)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}

/** A Douyin ciphertext (`$…$…*…$1$$`) is long: its start and end tell two apart. */
export function shortenCiphertext(ciphertext: string): string {
  return ciphertext.length <= 24 ? ciphertext : `${ciphertext.slice(0, 12)}…${ciphertext.slice(-8)}`;
}

export type RecipientKindLabel = 'phone' | 'ciphertext' | 'order' | 'Qianniu user';

export interface RecipientDisplay {
  kind: RecipientKindLabel;
  /** What the page shows. */
  shown: string;
  /** The full value, for a tooltip, when it is not secret and `shown` is shortened. */
  full?: string;
}

export function recipientDisplay(
  recipient: string,
  kind: RecordedMessage['recipientKind'],
  reveal: boolean,
): RecipientDisplay {
  switch (kind) {
    case 'phone':
      return { kind: 'phone', shown: reveal ? recipient : maskPhoneNumber(recipient) };
    case 'douyin-ciphertext': {
      const shown = shortenCiphertext(recipient);
      return shown === recipient
        ? { kind: 'ciphertext', shown }
        : { kind: 'ciphertext', shown, full: recipient };
    }
    case 'order':
      return { kind: 'order', shown: recipient };
    case 'qianniu-user':
      return { kind: 'Qianniu user', shown: recipient };
  }
}

/** Everything the search box looks through, lower-cased. */
export function messageHaystack(message: RecordedMessage): string {
  return [
    message.recipient,
    message.signName ?? '',
    message.template,
    message.title ?? '',
    message.text ?? '',
    message.appKey,
    message.seller ?? '',
    message.requestId,
    message.messageId,
    JSON.stringify(message.variables),
    JSON.stringify(message.details),
  ]
    .join('\n')
    .toLowerCase();
}

/** `2024-03-01T04:00:00.000Z` → `2024-03-01 12:00:00` (GMT+8, the platforms' time). */
export function chinaTime(iso: string): string {
  const milliseconds = Date.parse(iso);
  if (!Number.isFinite(milliseconds)) return iso;
  return new Date(milliseconds + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A link target only for http(s) URLs; anything else (`javascript:` …) is shown as text. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}
