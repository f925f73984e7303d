/**
 * @module The live heap of a server process started with `--inspect=<port>`: a full garbage collection, then
 * the heap's used size, both asked over the inspector protocol. RSS alone cannot tell a leak from V8 sizing
 * its heap to the load (on Node 24 the young generation alone grows by tens of MB under load); what is still
 * reachable after a full collection can.
 */
import { WebSocket } from 'ws';

interface InspectorTarget {
  webSocketDebuggerUrl: string;
}

/** Megabytes still used on the heap after a full garbage collection, in the process listening on `port`. */
export async function liveHeapMegabytes(port: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as InspectorTarget[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (url === undefined) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    const call = (id: number, method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const onMessage = (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
          if (message.id !== id) return;
          socket.off('message', onMessage);
          if (message.result === undefined) reject(new Error(`${method} failed: ${data.toString()}`));
          else resolve(message.result);
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id, method }));
      });
    await call(1, 'HeapProfiler.collectGarbage');
    const usage = await call(2, 'Runtime.getHeapUsage');
    const used = usage.usedSize;
    if (typeof used !== 'number') throw new Error('Runtime.getHeapUsage returned no usedSize');
    return used / (1024 * 1024);
  } finally {
    socket.close();
  }
}
