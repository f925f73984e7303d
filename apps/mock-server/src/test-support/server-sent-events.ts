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

/** An app's page event stream (`/__mock/ui/events`), read event by event. */
export async function openPageEvents(
  app: { request(path: string): Response | Promise<Response> },
  search: string,
): Promise<{ next(): Promise<string>; nextNamed(name: string): Promise<string>; close(): Promise<void> }> {
  const response = await app.request(`/__mock/ui/events${search}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<string> => {
    while (!buffer.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended: ${buffer}`);
      buffer += decoder.decode(value, { stream: true });
    }
    const end = buffer.indexOf('\n\n');
    const event = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    return event;
  };
  /** The next event named `name`, skipping others. */
  const nextNamed = async (name: string): Promise<string> => {
    for (;;) {
      const event = await next();
      if (event.startsWith(`event: ${name}\n`)) return event;
    }
  };
  return { next, nextNamed, close: () => reader.cancel() };
}
