import type { FetchFunction } from '@x/core';

/**
 * Rewrites JSON text so that every integer literal too large for a double (message ids are Int64) becomes
 * a JSON string holding the same digits; `JSON.parse` then keeps it exact. Only literals outside strings
 * are touched, so string contents (such as a message's `content`) are never changed.
 */
export function quoteUnsafeIntegers(json: string): string {
  let result = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < json.length) {
    const code = json.charCodeAt(index);
    if (code === 0x22) {
      index = endOfString(json, index);
      continue;
    }
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      let end = index + 1;
      while (end < json.length && isNumberCharacter(json.charCodeAt(end))) end += 1;
      const literal = json.slice(index, end);
      if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        result += `${json.slice(copiedUpTo, index)}"${literal}"`;
        copiedUpTo = end;
      }
      index = end;
      continue;
    }
    index += 1;
  }
  return copiedUpTo === 0 ? json : result + json.slice(copiedUpTo);
}

/** The index just past the string literal that starts at `start` (a `"`). */
function endOfString(json: string, start: number): number {
  let index = start + 1;
  while (index < json.length) {
    const code = json.charCodeAt(index);
    if (code === 0x5c) index += 2;
    else if (code === 0x22) return index + 1;
    else index += 1;
  }
  return index;
}

function isNumberCharacter(code: number): boolean {
  // Digits, `.`, `e`, `E`, `+`, `-`.
  return (
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e ||
    code === 0x65 ||
    code === 0x45 ||
    code === 0x2b ||
    code === 0x2d
  );
}

/**
 * Wraps a `fetch` so that JSON answers keep Int64 integers exact (see {@link quoteUnsafeIntegers}); other
 * answers pass through untouched.
 */
export function exactIntegerFetch(inner: FetchFunction): FetchFunction {
  return async (input, init) => {
    const response = await inner(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (!/json|javascript/i.test(type)) return response;
    const text = await response.text();
    const headers = new Headers(response.headers);
    // The text is already decoded; the new body is neither compressed nor of the old length.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(quoteUnsafeIntegers(text), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
