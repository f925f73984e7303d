/**
 * The signature diagnostic on the inbox page: with the "show" switch on, the received sign and the string the
 * mock signed are exactly what the client sent — session and phone number included — so they compare byte
 * for byte with the client's own; off, they are masked. The app secret never appears either way, and the
 * JSON journal keeps masking.
 */
import { signGateway, signTop, topCanonicalString } from '@x/signing';
import { tidPath } from '@x/taobao-tid/schemas';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import {
  fixedNow,
  formPost,
  jstBusiness,
  signedGatewayFields,
  signedTopParams,
  topDefaults,
  topRequest,
} from '../test-support/signed-requests.js';

/** Un-escapes the few entities the page's HTML uses, to compare text. */
function text(html: string): string {
  return html
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function signedStringOn(page: string): string | undefined {
  const match = /<pre data-testid="signed-string">(.*?)<\/pre>/s.exec(page)?.[1];
  return match === undefined ? undefined : text(match);
}

async function journalPage(app: ReturnType<typeof createMockApp>, reveal: boolean): Promise<string> {
  return (await app.request(`/?view=requests${reveal ? '&reveal=1' : ''}`)).text();
}

describe('the signature diagnostic on the inbox page', () => {
  it('shows a bad TOP signature exactly as the client sent it when asked, masked otherwise', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const params = signedTopParams(jstBusiness({ phone_number: '13800138000' }), {
      secret: 'the-clients-wrong-secret',
      signMethod: 'md5',
    });
    await app.request(...topRequest(params));
    const { sign, ...unsigned } = params;
    const clientString = topCanonicalString(unsigned);

    const exact = await journalPage(app, true);
    expect(signedStringOn(exact)).toBe(`{secret}${clientString}{secret}`);
    expect(text(exact)).toContain(`<dt>Received</dt><dd>${sign}</dd>`);
    expect(text(exact)).toContain(`<dd>${signTop(unsigned, topDefaults.secret, 'md5')}</dd>`);

    const masked = await journalPage(app, false);
    const maskedString = signedStringOn(masked);
    expect(maskedString).toContain('sessiontes***ion');
    expect(maskedString).toContain('138****8000');
    expect(maskedString).not.toContain(topDefaults.session);
    expect(text(masked)).not.toContain(`<dd>${sign}</dd>`);

    for (const page of [exact, masked]) {
      expect(page).not.toContain(topDefaults.secret);
      expect(page).not.toContain('the-clients-wrong-secret');
    }
    // The JSON journal keeps masking the session and the sign.
    const [entry] = [...app.mock.journal.newestFirst()];
    expect(entry?.signature?.signedString).toContain('sessiontes***ion');
    expect(entry?.signature?.received).toBe(`${sign?.slice(0, 3)}***${sign?.slice(-3)}`);
    expect(entry).not.toHaveProperty('signatureAsSent');
    // An in-process test may ask the read-only inspector for it, as the page does.
    const [asSent] = [...app.mock.journal.newestFirst({ withSignatureAsSent: true })];
    expect(asSent?.signatureAsSent).toMatchObject({
      received: sign,
      signedString: `{secret}${clientString}{secret}`,
    });
    expect(asSent?.signature?.signedString).toContain('sessiontes***ion');
  });

  it('shows an HMAC diagnostic as sent, its key only as {secret}', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const params = signedTopParams(jstBusiness(), { secret: 'x', signMethod: 'hmac-sha256' });
    await app.request(...topRequest(params));
    const { sign: _sign, ...unsigned } = params;
    const exact = await journalPage(app, true);
    expect(signedStringOn(exact)).toBe(topCanonicalString(unsigned));
    expect(text(exact)).toContain('<dt>HMAC key</dt><dd>{secret}</dd>');
  });

  it('shows a bad gateway signature as sent, order ids whole either way', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const items = [{ order_id: '19900000200', sms_free_sign_name: '迈步鞋城淘宝店', template_code: 'SMS_9' }];
    const fields = signedGatewayFields('tb_seller_nick', items, { secret: 'wrong' });
    await app.request(...formPost(tidPath, fields));
    const { sign, ...unsigned } = fields;
    const expectedSign = signGateway(unsigned, 'test-secret');
    const exact = await journalPage(app, true);
    const signed = signedStringOn(exact) ?? '';
    expect(signed.startsWith('{secret}')).toBe(true);
    expect(signed).toContain('"order_id":"19900000200"');
    expect(text(exact)).toContain(`<dd>${sign}</dd>`);
    expect(text(exact)).toContain(`<dd>${expectedSign}</dd>`);
    expect(signedStringOn(await journalPage(app, false))).toContain('"order_id":"19900000200"');
  });
});
