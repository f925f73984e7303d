/**
 * Our four clients pointed at one real mock over loopback, for the tests of what each magic value and each
 * scripted fault becomes in a client. Every test sends with its own app key (`client-<n>`, one shared secret),
 * so its inbox, journal and faults are its own.
 */
import { createDoudianClient } from '@x/doudian-sms';
import { createTpnClient } from '@x/qianniu-tpn';
import { createJstClient } from '@x/taobao-jst';
import { createTidClient } from '@x/taobao-tid';
import { expect } from 'vitest';
import { useServedMock } from './served-mock.js';

/** No waiting in tests: retries (when they happen) start at once. */
const quickRetry = { delay: () => 1, jitter: false };

interface TopClientOptions {
  timeout?: number | undefined;
  retry?: object;
}

/** Starts the mock for the file (stopped after it) and returns the clients, each built for one namespace. */
export function useVerdictClients() {
  const { url } = useServedMock({
    top: { apps: [{ appKeyPattern: 'client-\\d+', secret: 'test-secret', sessions: [{ session: '*' }] }] },
    gateway: { apps: [{ appIdPattern: 'client-\\d+', secret: 'test-secret', sellers: ['test-seller'] }] },
  });
  let namespaceCounter = 0;
  const timeoutOf = (timeout: number | undefined) => (timeout === undefined ? {} : { timeout });
  const topOptions = (app: string, options: TopClientOptions) => ({
    appKey: app,
    appSecret: 'test-secret',
    baseUrl: `${url()}/router/rest`,
    retry: { ...quickRetry, ...options.retry },
    ...timeoutOf(options.timeout),
  });
  const gatewayOptions = (app: string, timeout: number | undefined) => ({
    appId: app,
    appSecret: 'test-secret',
    sellerNick: 'test-seller',
    baseUrl: url(),
    retry: quickRetry,
    ...timeoutOf(timeout),
  });
  return {
    url,
    newNamespace: () => `client-${++namespaceCounter}`,
    jst: (app: string, options: TopClientOptions = {}) =>
      createJstClient({ ...topOptions(app, options), session: 'test-session' }),
    tpn: (app: string, options: TopClientOptions = {}) => createTpnClient(topOptions(app, options)),
    tid: (app: string, timeout?: number) => createTidClient(gatewayOptions(app, timeout)),
    doudian: (app: string, timeout?: number) => createDoudianClient(gatewayOptions(app, timeout)),
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
