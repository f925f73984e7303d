/**
 * The page's controls and counters: namespace chips count what the tab lists (failed sends included) and
 * their "Clear" removes exactly that; the filters' link is "Remove filters", never "Reset"; a message whose
 * template is not configured says its text is not known; the clear form goes back only to a same-origin path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from '../serve/create-mock-app.js';
import { createManualClock } from '../state/clock.js';
import { recordMessage as record } from '../test-support/page-fixtures.js';
import { fixedNow, jstBusiness, signedTopParams, topRequest } from '../test-support/signed-requests.js';
import { safeReturnPath } from './inbox-page-handlers.js';

function newApp(): MockApp {
  return createMockApp({ clock: createManualClock(fixedNow) });
}

async function html(app: MockApp, search = ''): Promise<string> {
  return (await app.request(`/${search}`)).text();
}

function clearForm(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

function chipCount(page: string, app: string): string | undefined {
  return new RegExp(`<li data-namespace="${app}">.*?<span class="count">(\\d+)</span>`, 's').exec(page)?.[1];
}

describe('namespace chips and their Clear', () => {
  it('count the failed sends the message list shows, and clearing the namespace removes them too', async () => {
    const app = newApp();
    await app.request(...topRequest(signedTopParams(jstBusiness())));
    await app.request(...topRequest(signedTopParams(jstBusiness(), { secret: 'wrong' })));
    const before = await html(app);
    expect(before).toContain('id="r-2"');
    expect(chipCount(before, '12345678')).toBe('2'); // one message, one rejected send
    expect(chipCount(await html(app, '?view=requests'), '12345678')).toBe('2');

    const cleared = await app.request(
      '/__mock/ui/clear',
      clearForm({ app: '12345678', what: 'messages', return: '/' }),
    );
    expect(cleared.status).toBe(303);
    const after = await html(app);
    expect(after).not.toContain('id="r-2"');
    expect(after).not.toContain('id="m-1"');
    // The accepted request stays in the journal: only what the message list showed was cleared.
    expect([...app.mock.journal.newestFirst()].map((entry) => entry.id)).toEqual([1]);
  });
});

describe('the filter form', () => {
  it('calls its link back to the unfiltered list "Remove filters", not "Reset"', async () => {
    const app = newApp();
    const page = await html(app, '?platform=taobao-jst');
    expect(page).toContain('data-testid="remove-filters">Remove filters</a>');
    expect(page).not.toMatch(/>\s*Reset\s*</);
  });
});

describe('a message whose template is not configured', () => {
  it('says the text is not known and shows the variables, with no SMS bubble or character count', async () => {
    const app = newApp();
    record(app, { text: null, variables: { code: '4321', shop: '鞋城' } });
    const page = await html(app);
    expect(page).toContain('data-testid="text-unknown"');
    expect(page).toContain('<strong>Text not known.</strong>');
    expect(page).toContain('code=4321 shop=鞋城');
    expect(page).not.toContain('class="bubble"');
    expect(page).not.toContain('data-testid="characters"');
    expect(page).toContain('text not known · variables: code=4321 shop=鞋城');
  });

  it('does the same for a Qianniu message', async () => {
    const app = newApp();
    record(app, {
      platform: 'qianniu-tpn',
      recipientKind: 'qianniu-user',
      recipient: '2200000001',
      signName: null,
      template: 'new-order',
      text: null,
      variables: { buyer: '小王' },
    });
    const page = await html(app);
    expect(page).toContain('data-testid="text-unknown"');
    expect(page).not.toContain('class="bubble"');
  });
});

describe('the clear form goes back only to a path on this server', () => {
  const hostile = [
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\nSet-Cookie: x=1',
    '/ok\r\nLocation: https://evil.example',
    '//evil.example/',
    '/\\evil.example',
    'https://evil.example/',
    '/\u0000',
    ' /',
    '/ok path',
  ];

  it.each(hostile)('%j goes back to /', async (target) => {
    const app = newApp();
    const response = await app.request('/__mock/ui/clear', clearForm({ app: 'other', return: target }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('keeps the page it was pressed on', async () => {
    const app = newApp();
    const target = '/?view=requests&q=%E4%BD%A0&reveal=1';
    const response = await app.request('/__mock/ui/clear', clearForm({ return: target }));
    expect(response.headers.get('location')).toBe(target);
  });

  it('never answers anything but / or a same-origin path without control characters or spaces', () => {
    const sameOriginPath = /^\/(?![/\\])[\x21-\x7e]*$/;
    // The characters that make a path leave the origin or break a header, among ordinary ones.
    const tricky = fc.constantFrom(
      '/',
      '\\',
      '\t',
      '\r',
      '\n',
      ' ',
      '\u0000',
      '\u2028',
      '%',
      ':',
      '@',
      '.',
      'a',
      '中',
    );
    fc.assert(
      fc.property(fc.string({ unit: tricky }), fc.string({ unit: 'binary' }), (prefix, rest) =>
        [prefix, `/${prefix}`, `/${rest}`, `//${rest}`, `/\t${rest}`].every((candidate) => {
          const path = safeReturnPath(candidate);
          return (
            (path === '/' || path === candidate) &&
            sameOriginPath.test(path) &&
            new URL(path, 'http://mock.invalid').origin === 'http://mock.invalid'
          );
        }),
      ),
    );
  }, 20_000);
});
