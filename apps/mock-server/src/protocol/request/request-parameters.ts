/**
 * Turns a request into the one flat string → string map both protocols work on (docs/protocol.md §1.1): the query
 * string merged with an `application/x-www-form-urlencoded` or `multipart/form-data` body, whatever the
 * HTTP method (a body may come with GET).
 *
 * Decisions (documented in the README):
 * - Duplicate names: the first occurrence wins, the query before the body — what a Java servlet's
 *   `getParameter` returns. The journal notes the duplicates.
 * - Bodies are decoded as UTF-8 whatever `charset` says (both platforms are UTF-8 only); invalid bytes become
 *   U+FFFD and malformed percent-escapes stay as written, so the signature check fails instead of the server.
 * - A body with no `Content-Type` is read as urlencoded (what HttpURLConnection sends by default); a body with
 *   any other type (JSON, text, …) is ignored, its parameters do not count.
 * - At most 1000 distinct names are read (Tomcat's `maxParameterCount` idea); the rest are ignored, so such a
 *   request fails its signature check. This bounds the sort the signature check does.
 * - Parts of a multipart body that are files are not parameters (docs/protocol.md §1.3 signs no file parameters).
 *
 * Urlencoded parameters are read synchronously and can be read again later from what arrived
 * (`parameterSource`): the request journal keeps that instead of the parsed map, and parses it again only
 * when an entry is shown.
 */

import { type ParameterSource, parameterSource } from '../../state/parameter-source.js';
import { type FormPairVisitor, forEachFormPair } from './form-urlencoded.js';
import { parseMultipartForm } from './multipart-form.js';
import type { RequestBody } from './request-body.js';

export const maxParameterCount = 1000;

/** How the body contributed to the parameters. */
export type BodyKind = 'none' | 'form' | 'multipart' | 'ignored' | 'unparseable';

export interface RequestParameters {
  /** Null-prototype map, so a parameter named `__proto__` or `constructor` is just a parameter. */
  params: Record<string, string>;
  body: BodyKind;
  /** Body size in bytes (0 when there was none). */
  bodyBytes: number;
  /** What the journal should say about how the request was read. */
  notes: string[];
  /** Why the body could not be read (`body` is `unparseable`): the journal gives it as the first reason. */
  unreadableBody?: string;
}

const utf8 = new TextDecoder('utf-8');

/** The parameters of a query and a body that was read. Synchronous: every body kind is parsed in place. */
export function readRequestParameters(
  rawQuery: string,
  contentType: string | null,
  body: Exclude<RequestBody, { kind: 'too-large' } | { kind: 'aborted' }>,
): RequestParameters {
  if (body.kind === 'empty') return parseForm(rawQuery, null, 'none');
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === '' || mediaType === 'application/x-www-form-urlencoded') {
    return parseForm(rawQuery, body.bytes, 'form');
  }
  if (mediaType === 'multipart/form-data') return readMultipart(rawQuery, contentType ?? '', body.bytes);
  const collector = new ParameterCollector();
  if (rawQuery !== '') forEachFormPair(rawQuery, collector);
  collector.notes.push(
    `body ignored: Content-Type ${JSON.stringify(mediaType)} is neither application/x-www-form-urlencoded nor multipart/form-data`,
  );
  return collector.finish('ignored', body.bytes.byteLength);
}

/** The parameters again, from what they were read from: the same map, the same notes. */
export function parseParameterSource(source: ParameterSource): RequestParameters {
  return parseForm(source.query, source.body, source.body === null ? 'none' : 'form');
}

function parseForm(rawQuery: string, bytes: Uint8Array | null, kind: 'none' | 'form'): RequestParameters {
  const collector = new ParameterCollector();
  if (rawQuery !== '') forEachFormPair(rawQuery, collector);
  if (bytes !== null) forEachFormPair(utf8.decode(bytes), collector);
  const parameters = collector.finish(kind, bytes === null ? 0 : bytes.byteLength);
  // A body that shares its memory with much more (a socket read holding other requests) is copied, so keeping
  // the source never keeps more than the body.
  const body =
    bytes === null || bytes.buffer.byteLength <= bytes.byteLength + 4096 ? bytes : new Uint8Array(bytes);
  // Not enumerable: copies and deep comparisons of the map see parameters only.
  Object.defineProperty(parameters.params, parameterSource, { value: { query: rawQuery, body } });
  return parameters;
}

function readMultipart(rawQuery: string, contentType: string, bytes: Uint8Array): RequestParameters {
  const collector = new ParameterCollector();
  if (rawQuery !== '') forEachFormPair(rawQuery, collector);
  const form = parseMultipartForm(contentType, bytes);
  if (!form.ok) {
    collector.notes.push('multipart body could not be parsed; its parameters were not read');
    return {
      ...collector.finish('unparseable', bytes.byteLength),
      unreadableBody: `multipart body could not be parsed (${form.reason})`,
    };
  }
  for (const [name, value] of form.fields) collector.pair(name, value);
  for (const name of form.files) collector.addFile(name);
  if (form.unnamedParts > 0)
    collector.notes.push(`multipart parts without a name ignored: ${form.unnamedParts}`);
  return collector.finish('multipart', bytes.byteLength);
}

/** The media type without parameters, lower case: `multipart/form-data; boundary=x` → `multipart/form-data`. */
export function mediaTypeOf(contentType: string | null): string {
  if (contentType === null) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

class ParameterCollector implements FormPairVisitor {
  readonly params: Record<string, string> = Object.create(null);
  readonly notes: string[] = [];
  #count = 0;
  // Allocated on first use: almost no request has either.
  #duplicates: Set<string> | undefined;
  #files: Set<string> | undefined;
  #overflow = 0;

  /** One parameter, in order of arrival (the parser's visitor). */
  pair(name: string, value: string): void {
    // Values are strings, so one lookup tells a new name from a repeated one.
    if (this.params[name] !== undefined) {
      if (this.#duplicates === undefined) this.#duplicates = new Set();
      this.#duplicates.add(name);
    } else if (this.#count === maxParameterCount) {
      this.#overflow++;
    } else {
      this.params[name] = value;
      this.#count++;
    }
  }

  addFile(name: string): void {
    if (this.#files === undefined) this.#files = new Set();
    this.#files.add(name);
  }

  finish(body: BodyKind, bodyBytes: number): RequestParameters {
    if (this.#duplicates !== undefined) {
      this.notes.push(
        `duplicate parameters, first value kept: ${[...this.#duplicates].slice(0, 20).join(', ')}`,
      );
    }
    if (this.#files !== undefined) {
      this.notes.push(`file parts ignored: ${[...this.#files].slice(0, 20).join(', ')}`);
    }
    if (this.#overflow > 0) {
      this.notes.push(`more than ${maxParameterCount} parameters: ${this.#overflow} ignored`);
    }
    return { params: this.params, body, bodyBytes, notes: this.notes };
  }
}
