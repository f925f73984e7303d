import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, maskPhoneNumber, redactedMarker, redactText } from './redaction.js';

const secret = 'canary-secret-9f2c';
const session = 'canary+session/7b1=';

describe('maskPhoneNumber', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskPhoneNumber('13800138000')).toBe('138****8000');
    expect(maskPhoneNumber('1234567890')).toBe('123****7890');
  });

  it('masks short values completely', () => {
    expect(maskPhoneNumber('1380013')).toBe('****');
  });
});

describe('redactText', () => {
  it('masks phone numbers standing alone and in JSON phone fields, but not longer digit runs', () => {
    expect(redactText('请求失败,号码13912345678的短信发送次数超过当天限制, order 3006925020239565830')).toBe(
      '请求失败,号码139****5678的短信发送次数超过当天限制, order 3006925020239565830',
    );
    expect(redactText('{"post_tel":"13900139000","n":1}')).toBe('{"post_tel":"139****9000","n":1}');
  });

  it('replaces session= and sign= values, and leaves text without them alone', () => {
    expect(redactText('retry with session=abc&sign=DEF')).toBe(
      `retry with session=${redactedMarker}&sign=${redactedMarker}`,
    );
    expect(redactText('Remote service error,请求失败')).toBe('Remote service error,请求失败');
  });

  it('is what a redactor without secret values does to text', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^1\d{10}$/), (text, phone) => {
        const value = `${text} ${phone} ${text}`;
        expect(redactText(value)).toBe(createRedactor([]).text(value));
        expect(redactText(value)).not.toContain(phone);
      }),
    );
  });
});

describe('createRedactor().text', () => {
  const redactor = createRedactor([secret, session, undefined, '']);

  it('replaces secret values raw, URL-encoded and form-encoded', () => {
    const text = `a ${secret} b ${session} c ${encodeURIComponent(session)} d ${new URLSearchParams({ s: session }).toString().slice(2)}`;
    const redacted = redactor.text(text);
    expect(redacted).toBe(`a ${redactedMarker} b ${redactedMarker} c ${redactedMarker} d ${redactedMarker}`);
  });

  it('redacts session= and sign= pairs whatever their value', () => {
    expect(redactor.text('POST https://x/router/rest?app_key=1&session=other&sign=ABCDEF')).toBe(
      'POST https://x/router/rest?app_key=1&session=[REDACTED]&sign=[REDACTED]',
    );
  });

  it('masks standalone mainland mobile numbers but not longer digit runs such as order ids', () => {
    expect(redactor.text('call 13800138000, order 3006925020239565830, id 122323434545')).toBe(
      'call 138****8000, order 3006925020239565830, id 122323434545',
    );
  });

  it('masks phone fields inside JSON text, also when that JSON is escaped inside JSON', () => {
    const inner = JSON.stringify({ phone_number: '1234567890', post_tel: '13900139000' });
    expect(redactor.text(inner)).toBe('{"phone_number":"123****7890","post_tel":"139****9000"}');
    expect(redactor.text(JSON.stringify({ send_message_request: inner }))).not.toMatch(
      /1234567890|13900139000/,
    );
  });
});

describe('createRedactor().params and .url', () => {
  const redactor = createRedactor([secret]);

  it('hides secret parameters, masks phone parameters and redacts the rest as text', () => {
    expect(
      redactor.params({
        session: 'any',
        sign: 'ABC',
        phone_number: '1234567890',
        note: `x${secret}x`,
        v: '2.0',
      }),
    ).toEqual({
      session: redactedMarker,
      sign: redactedMarker,
      phone_number: '123****7890',
      note: `x${redactedMarker}x`,
      v: '2.0',
    });
  });

  it('redacts query parameters of a URL', () => {
    const url = redactor.url(
      'https://eco.taobao.com/router/rest?method=m&session=s%2B1&sign=AB&timestamp=2016-01-01+12%3A00%3A00',
    );
    expect(url).toBe(
      'https://eco.taobao.com/router/rest?method=m&session=[REDACTED]&sign=[REDACTED]&timestamp=2016-01-01+12%3A00%3A00',
    );
  });

  it('redacts an unparseable URL as text', () => {
    expect(redactor.url(`not a url ${secret}`)).toBe(`not a url ${redactedMarker}`);
  });
});

describe('redaction properties', () => {
  it('never lets an alphanumeric secret of 8+ characters through, wherever it appears', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{8,40}$/).filter((value) => !redactedMarker.includes(value)),
        fc.string(),
        fc.string(),
        (canary, before, after) => {
          const redactor = createRedactor([canary]);
          expect(redactor.text(before + canary + after)).not.toContain(canary);
          expect(redactor.url(`https://h/p?x=${encodeURIComponent(before + canary)}`)).not.toContain(canary);
        },
      ),
    );
  });

  it('never lets a standalone mainland mobile number through', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1\d{10}$/),
        fc.stringMatching(/^\D$/),
        fc.stringMatching(/^\D$/),
        fc.string(),
        (phone, left, right, noise) => {
          // Separated from the noise by non-digits, so the number stands alone.
          const output = createRedactor([]).text(`${noise}${left}${phone}${right}${noise}`);
          expect(output).not.toContain(phone);
          expect(output).toContain(maskPhoneNumber(phone));
        },
      ),
    );
  });
});
