/**
 * `multipart/form-data` read as tolerantly as the real gateway (a Java servlet container) reads it: header
 * names in any case, optional whitespace around `:`, `;` and `=`, parameter values quoted or bare, CRLF or a
 * bare LF between lines, a preamble and an epilogue ignored. The official Java TOP SDK writes
 * `Content-Disposition:form-data;name="x"` without spaces, which the platform's own FormData reader drops.
 * A body that still cannot be read says why, so the journal can name it instead of a signature mismatch.
 */

export type MultipartForm =
  | {
      ok: true;
      /** `[name, value]` of each part that is not a file, in order, values decoded as UTF-8. */
      fields: [string, string][];
      /** Names of the parts that are files (a `filename` parameter): not parameters. */
      files: string[];
      /** Parts without a `name`: ignored. */
      unnamedParts: number;
    }
  | { ok: false; reason: string };

const lineFeed = 0x0a;
const carriageReturn = 0x0d;

export function parseMultipartForm(contentType: string, bytes: Uint8Array): MultipartForm {
  const boundary = headerParameters(contentType).get('boundary');
  if (boundary === undefined || boundary === '') {
    return { ok: false, reason: 'the Content-Type names no boundary' };
  }
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, 'utf8');
  const nextDelimiter = Buffer.from(`\n--${boundary}`, 'utf8');
  let position = body.indexOf(delimiter);
  if (position === -1)
    return { ok: false, reason: `the boundary ${JSON.stringify(boundary)} does not occur in the body` };
  const fields: [string, string][] = [];
  const files: string[] = [];
  let unnamedParts = 0;
  for (;;) {
    position += delimiter.length;
    // `--` after a delimiter closes the body; anything after it is the epilogue.
    if (body[position] === 0x2d && body[position + 1] === 0x2d)
      return { ok: true, fields, files, unnamedParts };
    const partStart = afterLineBreak(body, position);
    const found = partStart === -1 ? -1 : body.indexOf(nextDelimiter, partStart - 1);
    if (found === -1) {
      return {
        ok: false,
        reason: `the body ends before the closing boundary ${JSON.stringify(`--${boundary}--`)}`,
      };
    }
    const partEnd = body[found - 1] === carriageReturn && found - 1 >= partStart ? found - 1 : found;
    const part = readPart(body, partStart, partEnd);
    if (part === undefined) return { ok: false, reason: 'a part has no blank line after its headers' };
    if (part.name === undefined) unnamedParts++;
    else if (part.isFile) files.push(part.name);
    else fields.push([part.name, part.value]);
    position = found + 1;
  }
}

/** Where the line after a delimiter starts (transport padding allowed before its break), or -1. */
function afterLineBreak(body: Buffer, from: number): number {
  let index = from;
  while (body[index] === 0x20 || body[index] === 0x09) index++;
  if (body[index] === carriageReturn) index++;
  return body[index] === lineFeed ? index + 1 : -1;
}

function readPart(
  body: Buffer,
  start: number,
  end: number,
): { name: string | undefined; isFile: boolean; value: string } | undefined {
  // The headers end at the first empty line; a part may have no headers at all.
  let headersEnd = -1;
  let valueStart = -1;
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = body.indexOf(lineFeed, lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const contentEnd = lineEnd > lineStart && body[lineEnd - 1] === carriageReturn ? lineEnd - 1 : lineEnd;
    if (contentEnd === lineStart && lineEnd < end) {
      headersEnd = lineStart;
      valueStart = lineEnd + 1;
      break;
    }
    if (lineEnd === end) break;
    lineStart = lineEnd + 1;
  }
  if (headersEnd === -1) return undefined;
  const disposition = headerValue(body.toString('utf8', start, headersEnd), 'content-disposition');
  const parameters = disposition === undefined ? new Map<string, string>() : headerParameters(disposition);
  return {
    name: parameters.get('name'),
    isFile: parameters.has('filename') || parameters.has('filename*'),
    value: body.toString('utf8', Math.min(valueStart, end), end),
  };
}

/** A header's value from a header block (names in any case, folded lines joined), or undefined. */
function headerValue(block: string, wanted: string): string | undefined {
  let found: string | undefined;
  for (const line of block.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && found !== undefined) {
      found += ` ${line.trim()}`;
      continue;
    }
    if (found !== undefined) return found;
    const colon = line.indexOf(':');
    if (colon !== -1 && line.slice(0, colon).trim().toLowerCase() === wanted)
      found = line.slice(colon + 1).trim();
  }
  return found;
}

/**
 * The `;`-separated parameters after a header's first value (`form-data; name="a"; filename=b`), names lower
 * case, values unquoted (`\"` inside quotes is a quote). The first occurrence of a name wins.
 */
function headerParameters(header: string): Map<string, string> {
  const parameters = new Map<string, string>();
  let index = header.indexOf(';');
  while (index !== -1 && index < header.length) {
    index++; // past the `;`
    const equals = header.indexOf('=', index);
    const semicolon = header.indexOf(';', index);
    if (equals === -1 || (semicolon !== -1 && semicolon < equals)) {
      index = semicolon; // a parameter without a value
      continue;
    }
    const name = header.slice(index, equals).trim().toLowerCase();
    let cursor = equals + 1;
    while (header[cursor] === ' ' || header[cursor] === '\t') cursor++;
    let value: string;
    if (header[cursor] === '"') {
      value = '';
      for (cursor++; cursor < header.length && header[cursor] !== '"'; cursor++) {
        if (header[cursor] === '\\' && cursor + 1 < header.length) cursor++;
        value += header[cursor];
      }
      index = header.indexOf(';', cursor);
    } else {
      const stop = header.indexOf(';', cursor);
      value = header.slice(cursor, stop === -1 ? header.length : stop).trim();
      index = stop;
    }
    if (name !== '' && !parameters.has(name)) parameters.set(name, value);
  }
  return parameters;
}
