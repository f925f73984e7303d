/**
 * HMAC (RFC 2104) over one-shot `crypto.hash`: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)). A `createHmac` object costs
 * more to build than the two hashes it runs for a request-sized message (measured: md5 ~3.6 µs vs ~2.9 µs,
 * sha256 ~3.5 µs vs ~2.3 µs); the padded keys are computed once per secret and kept in a small cache.
 */
import { hash } from 'node:crypto';

export type HmacAlgorithm = 'md5' | 'sha256';

const blockSize = 64; // both MD5 and SHA-256
const digestSize: Record<HmacAlgorithm, number> = { md5: 16, sha256: 32 };

interface PaddedKey {
  /** K ⊕ ipad, followed by room for the message. */
  inner: Buffer;
  /** K ⊕ opad, followed by room for the inner digest. */
  outer: Buffer;
}

/** Padded keys by algorithm, then secret; a mock serves a handful of secrets, a client one. */
const paddedKeys: Record<HmacAlgorithm, Map<string, PaddedKey>> = { md5: new Map(), sha256: new Map() };
const maxCachedKeys = 64;

function paddedKey(algorithm: HmacAlgorithm, secret: string): PaddedKey {
  const cache = paddedKeys[algorithm];
  let padded = cache.get(secret);
  if (padded !== undefined) return padded;
  let key = Buffer.from(secret, 'utf8');
  if (key.length > blockSize) key = hash(algorithm, key, 'buffer');
  const inner = Buffer.alloc(blockSize + 4096, 0x36);
  const outer = Buffer.alloc(blockSize + digestSize[algorithm], 0x5c);
  for (let index = 0; index < key.length; index++) {
    inner[index] = (key[index] as number) ^ 0x36;
    outer[index] = (key[index] as number) ^ 0x5c;
  }
  padded = { inner, outer };
  if (cache.size >= maxCachedKeys) cache.clear();
  cache.set(secret, padded);
  return padded;
}

/** HMAC of `message` (UTF-8) keyed by `secret` (UTF-8), lower-case hex. Synchronous, so the scratch is safe. */
export function hmacHex(algorithm: HmacAlgorithm, secret: string, message: string): string {
  const padded = paddedKey(algorithm, secret);
  let inner = padded.inner;
  let length: number;
  if (message.length * 3 <= inner.length - blockSize) {
    // Certain to fit (UTF-8 takes at most 3 bytes per UTF-16 unit): encoded once, straight into the scratch.
    // Measuring first costs a second pass, as slow as the encoding for text with Chinese in it.
    length = inner.write(message, blockSize, 'utf8');
  } else {
    length = Buffer.byteLength(message, 'utf8');
    if (blockSize + length > inner.length) {
      inner = Buffer.allocUnsafe(blockSize + length);
      padded.inner.copy(inner, 0, 0, blockSize);
    }
    inner.write(message, blockSize, length, 'utf8');
  }
  // The inner digest comes back as a 'binary' (latin1) string (one character per byte) and is written into the outer
  // scratch: a Buffer result costs a fresh ArrayBuffer per call, ~0.5–1 µs, more than the hash itself.
  const innerDigest = hash(algorithm, inner.subarray(0, blockSize + length), 'binary');
  padded.outer.write(innerDigest, blockSize, 'binary');
  return hash(algorithm, padded.outer, 'hex');
}
