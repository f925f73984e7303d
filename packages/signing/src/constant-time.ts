/**
 * Compares a received hex signature with an expected lower-case one without leaking where they differ. Case
 * is ignored because clients in the wild send both; a length mismatch is answered at once (the length of a
 * valid sign is public anyway). Every character is compared, with no early exit, and nothing is allocated.
 */
export function hexEqualsConstantTime(received: string, expectedLowerCase: string): boolean {
  const length = expectedLowerCase.length;
  if (received.length !== length) return false;
  let difference = 0;
  for (let index = 0; index < length; index++) {
    const code = received.charCodeAt(index);
    // Only A–F are folded: any other character is compared as it is, so only hex can ever match.
    const folded = code >= 0x41 && code <= 0x46 ? code | 0x20 : code;
    difference |= folded ^ expectedLowerCase.charCodeAt(index);
  }
  return difference === 0;
}
