/**
 * Reads a server-sent event stream in tests: text up to and including the end of the next event (a blank
 * line). Pass one decoder per stream, so a character split across two reads is decoded whole.
 */
/** A TextDecoder, as far as this needs one (the global type is not in this package's libs). */
export interface StreamingDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

export async function nextServerSentEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  decoder: StreamingDecoder = new TextDecoder(),
): Promise<string> {
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  return text;
}
