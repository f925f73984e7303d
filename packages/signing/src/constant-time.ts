import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two hex signatures without leaking where they differ. Case is ignored because clients in the
 * wild send both; a length mismatch is answered at once (the length of a valid sign is public anyway).
 */
export function hexEqualsConstantTime(received: string, expected: string): boolean {
  if (received.length !== expected.length) return false;
  const receivedBytes = Buffer.from(received.toLowerCase(), 'utf8');
  const expectedBytes = Buffer.from(expected.toLowerCase(), 'utf8');
  if (receivedBytes.length !== expectedBytes.length) return false;
  return timingSafeEqual(receivedBytes, expectedBytes);
}
