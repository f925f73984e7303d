/**
 * Gzip is used only when the request asks for it (docs/protocol.md §1.1: some clients crash on a gzip body they did
 * not ask for). `gzip` must be listed by name with a non-zero quality; `*` is not taken as consent.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header || header.indexOf('gzip') === -1) return false;
  for (const part of header.split(',')) {
    const [coding = '', ...parameters] = part.split(';');
    const name = coding.trim().toLowerCase();
    if (name !== 'gzip' && name !== 'x-gzip') continue;
    const quality = parameters
      .map((parameter) => parameter.trim())
      .find((parameter) => parameter.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  }
  return false;
}
