/**
 * The protocol checks' limit on JSON nesting: a JSON parameter (TOP `send_message_request`, TPN's Json
 * parameters, fw199 `request_data`) whose objects and arrays nest deeper than `maxJsonNesting` is an invalid
 * argument. No real message needs a tenth of it; past a few thousand levels, serialising the recorded message
 * overflows the stack. Checked on the text, before it is parsed, in one pass without recursion.
 */
import { maxRecordedNesting } from '../../state/nesting-limited-message.js';

/** Objects and arrays inside one another, the outermost counting 1. */
export const maxJsonNesting = maxRecordedNesting;

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;

/**
 * Whether JSON text opens more than `limit` objects or arrays inside one another. Brackets inside strings do
 * not count. Text that is not JSON is answered too (the parser refuses it afterwards).
 */
export function jsonNestsDeeperThan(text: string, limit: number = maxJsonNesting): boolean {
  const length = text.length;
  if (length <= limit) return false; // too short to open more than `limit`
  let depth = 0;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === quote) {
      for (index++; index < length; index++) {
        const inside = text.charCodeAt(index);
        if (inside === backslash) index++;
        else if (inside === quote) break;
      }
    } else if (code === openBrace || code === openBracket) {
      if (++depth > limit) return true;
    } else if (code === closeBrace || code === closeBracket) {
      depth--;
    }
  }
  return false;
}

/** The journal's reason for a parameter refused by the limit. */
export function tooDeepReason(name: string): string {
  return `${name} nests JSON deeper than ${maxJsonNesting} levels`;
}
