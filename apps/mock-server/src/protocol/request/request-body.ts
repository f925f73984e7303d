/** What an adapter read of a request body, before the core parses it. */

/** A body as an adapter read it, never more than the body limit. */
export type RequestBody =
  | { kind: 'empty' }
  | { kind: 'bytes'; bytes: Uint8Array }
  /** Longer than the limit: refused without being buffered. */
  | { kind: 'too-large'; limit: number }
  /** The client went away mid-body; nobody is left to answer. */
  | { kind: 'aborted' };
