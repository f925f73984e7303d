/**
 * Test fixtures for the inbox page's tests: a message recorded straight into the inbox (the page renders
 * whatever the inbox holds), a JST SMS unless `overrides` say otherwise, each a second after the last.
 */
import { createMockApp, type MockApp, runtimeOf } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import type { PendingMessage, RecordedMessage } from '../state/recorded-message.js';
import { fixedNow } from './signed-requests.js';

let sequence = 0;

export function recordMessage(app: MockApp, overrides: Partial<PendingMessage> = {}): RecordedMessage {
  sequence++;
  const pending = {
    platform: 'taobao-jst',
    api: 'taobao.jst.sms.message.send',
    appKey: '12345678',
    seller: 'test-seller',
    recipient: '13800138000',
    recipientKind: 'phone',
    signName: '聚石塔官方',
    template: 'SMS_12345',
    variables: { content: '您好' },
    title: null,
    text: '您好，您的订单已发货',
    details: {},
    ...overrides,
  } as PendingMessage;
  return runtimeOf(app).inbox.record(
    pending,
    { requestId: `req${sequence}`, messageId: `${sequence}^0`, receivedAt: fixedNow + sequence * 1000 },
    1000,
  );
}

/** A mock app on a manual clock at the signed requests' fixed instant, for page tests. */
export function newPageApp(): MockApp {
  return createMockApp({ clock: createManualClock(fixedNow) });
}

/** GET the inbox page (with `search`, e.g. `?view=requests`), expecting 200. */
export async function renderPage(app: MockApp, search = '') {
  const response = await app.request(`/${search}`);
  if (response.status !== 200) throw new Error(`the page answered ${response.status}`);
  return { response, html: await response.text() };
}
