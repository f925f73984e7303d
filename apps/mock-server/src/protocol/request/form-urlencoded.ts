/**
 * `application/x-www-form-urlencoded` parsing with URLSearchParams' results — `+` is a space, escapes are UTF-8,
 * a malformed escape stays as written, invalid UTF-8 becomes U+FFFD — at a fraction of its cost: it runs on
 * every request (query and body), and URLSearchParams builds and copies a pair list first. The fast path is
 * the native `decodeURIComponent`; only a malformed value takes the byte-wise WHATWG percent-decode below.
 */

/** Receives the pairs; an object with a method, so a caller passes its state without a closure per request. */
export interface FormPairVisitor {
  pair(name: string, value: string): void;
}

/** Calls `visitor.pair` for each `name=value` pair, in order, duplicates included. */
export function forEachFormPair(text: string, visitor: FormPairVisitor): void {
  const length = text.length;
  let start = 0;
  // The next `=` at or after `start`, found once: searching from every pair would be quadratic in a body of
  // many pairs without `=` (`a&a&a&…`).
  let nextEquals = text.indexOf('=');
  while (start < length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = length;
    if (end > start) {
      if (nextEquals !== -1 && nextEquals < start) nextEquals = text.indexOf('=', start);
      if (nextEquals === -1 || nextEquals > end) visitor.pair(decodeComponent(text.slice(start, end)), '');
      else
        visitor.pair(
          decodeComponent(text.slice(start, nextEquals)),
          decodeComponent(text.slice(nextEquals + 1, end)),
        );
    }
    start = end + 1;
  }
}

function decodeComponent(text: string): string {
  const spaced = text.indexOf('+') === -1 ? text : text.replaceAll('+', ' ');
  if (spaced.indexOf('%') === -1) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return percentDecodeLeniently(spaced);
  }
}

/**
 * The WHATWG URL standard's percent-decode, then UTF-8 decode with replacement: `%` not followed by two hex
 * digits stays as written. (`querystring.unescape` differs: it turns `% ` into `%\uFFFD`.)
 */
function percentDecodeLeniently(text: string): string {
  const input = Buffer.from(text, 'utf8');
  const output = Buffer.allocUnsafe(input.length);
  let written = 0;
  for (let index = 0; index < input.length; index++) {
    const byte = input[index] as number;
    if (byte === 0x25 && index + 2 < input.length) {
      const high = hexValue(input[index + 1] as number);
      const low = hexValue(input[index + 2] as number);
      if (high !== -1 && low !== -1) {
        output[written++] = high * 16 + low;
        index += 2;
        continue;
      }
    }
    output[written++] = byte;
  }
  return output.toString('utf8', 0, written);
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}
