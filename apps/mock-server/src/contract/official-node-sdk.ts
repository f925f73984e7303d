/**
 * Alibaba's own Node TOP SDK (`ali-topsdk@2.0.5`, unmodified; its `ws` pinned to 1.x through pnpm
 * `overrides`, see pnpm-workspace.yaml) loaded for the contract tests: the typed surface they use, a promise
 * around its callback `execute`, and the little its TMC client needs to run on a test machine and to stop.
 *
 * The SDK is plain CommonJS without types, so it is loaded with `require` and described here by what its
 * source (`index.js`, `lib/api/topClient.js`, `lib/tmc/tmcClient.js`) does.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { vi } from 'vitest';

/** `new ApiClient({ appkey, appsecret, url })`: signs md5, sends `format=json`, POSTs a multipart form. */
export interface OfficialApiClient {
  /**
   * Any TOP method: the callback gets the `error_response` object as its error (the whole answer second), or
   * the answer's `<method without "taobao.">_response` member.
   */
  execute(
    method: string,
    params: Record<string, unknown>,
    callback: (error: unknown, response: unknown) => void,
  ): void;
}

/** What the TMC client hands its callback: the frame's headers and custom fields, every field as decoded. */
export interface OfficialTmcMessage {
  readonly messageType: number;
  readonly token?: string;
  /** Int64 read as a decimal string. */
  readonly id: string;
  readonly topic: string;
  readonly content: string;
  readonly publisher?: string;
  readonly [field: string]: unknown;
}

/** `new TmcClient(appkey, appsecret, groupName)`; `connect(uri, callback)`, and no way to stop it. */
export interface OfficialTmcClient {
  /** The callback confirms a message by calling `confirm()` with no error; otherwise nothing is sent. */
  connect(
    uri: string,
    callback: (message: OfficialTmcMessage, confirm: (error?: unknown) => void) => void,
  ): void;
  /** While true, `reconnect()` does nothing. */
  isReconing: boolean;
  /** The 5-second pull timer `connect` starts and nothing clears. */
  _interval: ReturnType<typeof setInterval> | null;
  /** The open socket (a ws 1.x WebSocket), null while disconnected. */
  _ws: { close(): void } | null;
}

interface OfficialSdk {
  ApiClient: new (options: { appkey: string; appsecret: string; url?: string }) => OfficialApiClient;
  TmcClient: new (appKey: string, appSecret: string, groupName: string) => OfficialTmcClient;
}

const requireFromHere = createRequire(import.meta.url);

export const { ApiClient, TmcClient } = requireFromHere('ali-topsdk') as OfficialSdk;

/** How one `execute` ended: the SDK's two callback arguments. */
export interface ExecuteOutcome {
  error: unknown;
  response: unknown;
}

export function execute(
  client: OfficialApiClient,
  method: string,
  params: Record<string, unknown>,
): Promise<ExecuteOutcome> {
  return new Promise((resolve) => {
    client.execute(method, params, (error, response) => resolve({ error, response }));
  });
}

/**
 * The SDK writes its `timestamp` in the machine's local time (`getHours()`), while TOP reads it as GMT+8: it
 * only works on a machine set to China time. Runs the tests in that zone (Node applies a `TZ` change at once)
 * and gives the previous value back for `restoreTimeZone`.
 */
export function useChinaTimeZone(): string | undefined {
  const previous = process.env.TZ;
  process.env.TZ = 'Asia/Shanghai';
  return previous;
}

export function restoreTimeZone(previous: string | undefined): void {
  if (previous === undefined) delete process.env.TZ;
  else process.env.TZ = previous;
}

/**
 * The CONNECT carries `intranet_ip`, the first non-internal IPv4 address of the machine; with none (a
 * sandbox with loopback only) the SDK passes `undefined` to `Buffer.byteLength` and throws before sending.
 * Where the machine has no such address, the returned restore function undoes a stand-in: the real
 * interfaces plus a documentation address (192.0.2.1, RFC 5737). Where it has one, nothing changes.
 */
export function ensureIntranetAddress(): () => void {
  const real = os.networkInterfaces();
  const hasExternal = Object.values(real).some((addresses) =>
    addresses?.some((address) => address.family === 'IPv4' && !address.internal),
  );
  if (hasExternal) return () => {};
  const standIn: os.NetworkInterfaceInfo = {
    address: '192.0.2.1',
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '02:00:00:00:00:01',
    internal: false,
    cidr: '192.0.2.1/24',
  };
  const spy = vi.spyOn(os, 'networkInterfaces').mockReturnValue({ ...real, test0: [standIn] });
  return () => spy.mockRestore();
}

/**
 * The TMC client has no close: it reconnects 3 s after any close and pulls every 5 s from a timer it never
 * clears. Stopping it uses its own state — `isReconing` makes `reconnect()` a no-op, then the timer is cleared
 * and the socket closed — so nothing keeps the test process alive or dials a port that may be reused.
 */
export function stopTmcClient(client: OfficialTmcClient): void {
  client.isReconing = true;
  if (client._interval) clearInterval(client._interval);
  client._interval = null;
  client._ws?.close();
}
