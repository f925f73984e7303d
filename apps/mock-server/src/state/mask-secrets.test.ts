/** Which parameter names the journal masks: by pattern, not by a fixed list, with the public names left alone. */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../serve/create-mock-app.js';
import { fixedNow, jstBusiness, signedTopParams, topRequest } from '../test-support/signed-requests.js';
import { createManualClock } from './clock.js';
import { isSecretParameter, maskParameters } from './mask-secrets.js';

describe('isSecretParameter', () => {
  it.each([
    'sign',
    'session',
    'secret',
    'app_secret',
    'appsecret',
    'client_secret',
    'secretKey',
    'SECRET_KEY',
    'password',
    'Password',
    'db_passwd',
    'pwd',
    'access_token',
    'refreshToken',
    'x-auth-token',
    'sessionKey',
    'top_session',
    'api_key',
    'apiKey',
    'private_key',
    'accessKeyId',
    'signature',
    'hmac_sign',
    'credentials',
    'authorization',
    'auth',
  ])('masks %s', (name) => {
    expect(isSecretParameter(name)).toBe(true);
  });

  it.each([
    // Public by design: the signing algorithm, the SMS signature's text, the namespace, a template's name.
    'sign_method',
    'sms_free_sign_name',
    'sign_name',
    'app_key',
    'appkey',
    'appid',
    'template_key',
    // Merely containing the letters.
    'keyword',
    'monkey',
    'design',
    'signal',
    'phone_number',
    'method',
    'timestamp',
  ])('leaves %s in clear', (name) => {
    expect(isSecretParameter(name)).toBe(false);
  });

  it('masks long values keeping their ends, short ones entirely', () => {
    expect(
      maskParameters({ password: 'hunter2', client_secret: 'abcdefghijkl', app_key: '12345678' }),
    ).toEqual({
      password: '***',
      client_secret: 'abc***jkl',
      app_key: '12345678',
    });
  });
});

describe('the journal', () => {
  it('shows password, client_secret and secretKey masked', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const params = signedTopParams(jstBusiness(), {
      extra: { password: 'hunter2hunter2', client_secret: 'very-secret-value', secretKey: 's3cr3t' },
    });
    await app.request(...topRequest(params));
    const response = await app.request('/__mock/requests');
    const { requests } = (await response.json()) as { requests: { params: Record<string, string> }[] };
    expect(requests[0]?.params).toMatchObject({
      password: 'hun***er2',
      client_secret: 'ver***lue',
      secretKey: '***',
      sign_method: 'md5',
      app_key: '12345678',
    });
    expect(JSON.stringify(requests)).not.toMatch(/hunter2hunter2|very-secret-value|s3cr3t/);
  });

  it("masks them in a bad signature's signed string too, also on the page that shows session and sign as sent", async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const secrets = {
      access_token: 'token-value-1234',
      client_secret: 'very-secret-value',
      secretKey: 's3cr3t',
    };
    const params = signedTopParams(jstBusiness(), { extra: secrets, secret: 'the-wrong-app-secret' });
    await app.request(...topRequest(params));
    const response = await app.request('/__mock/requests');
    const { requests } = (await response.json()) as {
      requests: { signature?: { signedString: string | null; received: string | null } }[];
    };
    const signedString = requests[0]?.signature?.signedString ?? '';
    expect(signedString).toContain('access_tokentok***234');
    expect(signedString).toContain('client_secretver***lue');
    expect(signedString).toContain('secretKey***');
    // As sent: the session and the sign are the client's, the other secret-named values stay masked.
    const page = await (await app.request('/?view=requests&reveal=1')).text();
    expect(page).toContain(params.sign);
    expect(page).toContain(`session${params.session}`);
    for (const text of [JSON.stringify(requests), page]) {
      expect(text).not.toMatch(/token-value-1234|very-secret-value|s3cr3t|the-wrong-app-secret/);
    }
  });
});
