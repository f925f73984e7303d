/**
 * Loads the signing vectors in `signing.json` beside this file: computed by implementations independent of this
 * package (see README.md in this folder). Read at test time, so a changed vector is a failing test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SigningVector {
  name: string;
  protocol: 'top' | 'fw199';
  sign_method?: 'md5' | 'hmac' | 'hmac-sha256';
  secret: string;
  params: Record<string, string>;
  canonical: string;
  sign: string;
  note?: string;
}

export const vectorsPath = fileURLToPath(new URL('./signing.json', import.meta.url));

export function loadSigningVectors(): SigningVector[] {
  const file = JSON.parse(readFileSync(vectorsPath, 'utf8')) as { vectors: SigningVector[] };
  if (!Array.isArray(file.vectors) || file.vectors.length === 0)
    throw new Error(`no vectors in ${vectorsPath}`);
  return file.vectors;
}
