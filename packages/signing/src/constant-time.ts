/**
 * Compares two hex signatures without leaking where they differ. Case is ignored because clients in the
 * wild send both; a length mismatch is answered at once (the length of a valid sign is public anyway).
 * Every character is compared, with no early exit — over the strings themselves: no Buffer per call.
 */
export function hexEqualsConstantTime(received: string, expected: string): boolean {
  if (received.length !== expected.length) return false;
  const left = received.toLowerCase();
  const right = expected.toLowerCase();
  const length = right.length;
  if (left.length !== length) return false;
  let difference = 0;
  for (let index = 0; index < length; index++) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
