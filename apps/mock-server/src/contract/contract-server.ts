/**
 * One real mock server over loopback per contract test file, and the inspection calls the tests make. The
 * clients under test talk to it exactly as they would to the platforms: over HTTP, through their own fetch.
 */
import { signTop, type TopSignMethod } from '@x/signing';
import type { RunningMockServer, StartMockServerOptions } from '../serve/start-mock-server.js';
import type { RecordedMessage } from '../state/recorded-message.js';
import { useServedMock } from '../test-support/served-mock.js';

/** Starts a server for the file (port 0) and stops it after; `current()` returns it inside tests. */
export function useContractServer(options: StartMockServerOptions = {}): { current(): RunningMockServer } {
  return { current: useServedMock(options).server };
}

/** The messages the server recorded for one app key / appid, newest first, through the inspection API. */
export async function recordedMessages(
  server: RunningMockServer,
  appKey: string,
): Promise<RecordedMessage[]> {
  const response = await fetch(`${server.url}/__mock/messages?app_key=${encodeURIComponent(appKey)}`);
  if (response.status !== 200) throw new Error(`/__mock/messages answered ${response.status}`);
  const body = (await response.json()) as { count: number; messages: RecordedMessage[] };
  return body.messages;
}

export async function clearMessages(server: RunningMockServer): Promise<void> {
  await fetch(`${server.url}/__mock/messages`, { method: 'DELETE' });
}

/**
 * A fetch that drops `format=json` and re-signs, as a relay that rebuilds the request without it would: the
 * mock then answers XML (its default format), which is how a client meets XML in the wild. Each answer's
 * content type is pushed to `contentTypes`.
 */
export function formatLosingFetch(
  secret: string,
  contentTypes: string[] = [],
): (input: Request | URL | string, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const form = new URLSearchParams(await request.text());
    const params: Record<string, string> = Object.fromEntries([...url.searchParams, ...form]);
    delete params.format;
    delete params.sign;
    const signMethod = (params.sign_method ?? 'md5') as TopSignMethod;
    params.sign = signTop(params, secret, signMethod);
    const response = await fetch(`${url.origin}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams(params).toString(),
    });
    contentTypes.push(response.headers.get('content-type') ?? '');
    return response;
  };
}
