/**
 * Our four clients pointed at one real mock over loopback, for the tests of what each magic value and each
 * scripted fault becomes in a client. Every test sends with its own app key (`client-<n>`, one shared secret),
 * so its inbox, journal and faults are its own.
 */
import { createDoudianClient } from '@x/doudian-sms';
import { createTpnClient } from '@x/qianniu-tpn';
import { createJstClient } from '@x/taobao-jst';
import { createTidClient } from '@x/taobao-tid';
import { afterAll, beforeAll, expect } from 'vitest';
import { type RunningMockServer, startMockServer } from '../serve/start-mock-server.js';

/** No waiting in tests: retries (when they happen) start at once. */
const quickRetry = { delay: () => 1, jitter: false };

interface TopClientOptions {
  timeout?: number | undefined;
  retry?: object;
}

/** Starts the mock for the file (stopped after it) and returns the clients, each built for one namespace. */
export function useVerdictClients() {
  let server: RunningMockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({
      port: 0,
      top: { apps: [{ appKeyPattern: 'client-\\d+', secret: 'test-secret', sessions: [{ session: '*' }] }] },
      gateway: { apps: [{ appIdPattern: 'client-\\d+', secret: 'test-secret', sellers: ['test-seller'] }] },
    });
  });
  afterAll(() => server?.close());
  const url = () => {
    if (server === undefined) throw new Error('the mock is not running');
    return server.url;
  };
  let namespaceCounter = 0;
  const timeoutOf = (timeout: number | undefined) => (timeout === undefined ? {} : { timeout });
  return {
    url,
    newNamespace: () => `client-${++namespaceCounter}`,
    jst: (app: string, options: TopClientOptions = {}) =>
      createJstClient({
        appKey: app,
        appSecret: 'test-secret',
        session: 'test-session',
        baseUrl: `${url()}/router/rest`,
        retry: { ...quickRetry, ...options.retry },
        ...timeoutOf(options.timeout),
      }),
    tpn: (app: string, options: TopClientOptions = {}) =>
      createTpnClient({
        appKey: app,
        appSecret: 'test-secret',
        baseUrl: `${url()}/router/rest`,
        retry: { ...quickRetry, ...options.retry },
        ...timeoutOf(options.timeout),
      }),
    tid: (app: string, timeout?: number) =>
      createTidClient({
        appId: app,
        appSecret: 'test-secret',
        sellerNick: 'test-seller',
        baseUrl: url(),
        retry: quickRetry,
        ...timeoutOf(timeout),
      }),
    doudian: (app: string, timeout?: number) =>
      createDoudianClient({
        appId: app,
        appSecret: 'test-secret',
        sellerNick: 'test-seller',
        baseUrl: url(),
        retry: quickRetry,
        ...timeoutOf(timeout),
      }),
  };
}

export const sms = (phone: string) => ({
  sms_free_sign_name: '聚石塔官方',
  template_code: 'SMS_12345',
  phone_number: phone,
  params: { content: '您好' },
});
export const qianniu = (userId: string) => ({
  template_key: 'xxxx',
  template_id: 101,
  user_id: userId,
  biz_id: '122323434545',
});
export const tidItem = (orderId: string) => ({
  order_id: orderId,
  sms_free_sign_name: '迈步鞋城淘宝店',
  template_code: 'SMS_257051849',
});
export const ordinaryOrder = '3006925020239565830';

/** What `promise` rejected with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (result) => expect.fail(`expected a rejection, got ${JSON.stringify(result)}`),
    (error: unknown) => error,
  );
}
