/**
 * What an SMS costs (docs/protocol.md §3): a Chinese SMS counts every character as 1, the `【signature】` included;
 * up to 70 characters is one message, a longer one is billed in segments of 67.
 */

const singleMessageLength = 70;
const segmentLength = 67;

/** The characters a phone shows for `【signName】text`, counted by Unicode code point. */
export function smsLength(signName: string, text: string): number {
  // 【 and 】 are one character each.
  return codePoints(signName) + codePoints(text) + 2;
}

/** Billed segments for a message of `length` characters. */
export function smsSegments(length: number): number {
  return length <= singleMessageLength ? 1 : Math.ceil(length / segmentLength);
}

/** `length` and `segments` of a recorded SMS, or nulls when its text is unknown. */
export function smsMeasure(
  signName: string,
  text: string | null,
): { length: number | null; segments: number | null } {
  if (text === null) return { length: null, segments: null };
  const length = smsLength(signName, text);
  return { length, segments: smsSegments(length) };
}

function codePoints(text: string): number {
  let count = text.length;
  // Subtract one per surrogate pair (an emoji is one character on a phone, two UTF-16 units).
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}
