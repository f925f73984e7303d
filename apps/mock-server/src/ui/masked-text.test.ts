import { maskPhoneNumber } from '@x/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhonesIn } from './masked-text.js';

describe('phone numbers in the text the page shows', () => {
  it("masks them with @x/core's mask: standing alone and in phone fields, also in escaped JSON", () => {
    expect(maskPhonesIn('call 13800138000 now', false)).toBe(`call ${maskPhoneNumber('13800138000')} now`);
    expect(maskPhonesIn('{"phone_number":"13800138000"}', false)).toBe('{"phone_number":"138****8000"}');
    expect(maskPhonesIn('{"post_tel":"1234567890"}', false)).toBe('{"post_tel":"123****7890"}');
    expect(maskPhonesIn('"{\\"phone_number\\":\\"13800138000\\"}"', false)).toBe(
      '"{\\"phone_number\\":\\"138****8000\\"}"',
    );
    expect(maskPhonesIn('13800138000', true)).toBe('13800138000');
  });

  it('keeps order ids and other ids whole, even when they look like a mobile number', () => {
    const text = JSON.stringify(
      { order_id: '19900000200', biz_id: 19900000201, user_id: '13800138000' },
      null,
      2,
    );
    expect(maskPhonesIn(text, false)).toBe(text);
    expect(maskPhonesIn('[{\\"order_id\\":\\"19900000200\\"}]', false)).toBe(
      '[{\\"order_id\\":\\"19900000200\\"}]',
    );
    expect(maskPhonesIn('order 3006925020239565830', false)).toBe('order 3006925020239565830');
  });

  it('never leaves an 11-digit mobile number standing alone in text that names no id field', () => {
    // Without a `"…id":` key nothing is an id: every mobile-shaped run must come out masked.
    const noKeys = fc.string().filter((part) => !part.includes('"'));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(noKeys, fc.stringMatching(/^1[3-9]\d{9}$/)), { maxLength: 6 }),
        (parts) => {
          const masked = maskPhonesIn(parts.join(' '), false);
          expect(masked).not.toMatch(/(?<!\d)1\d{10}(?!\d)/);
        },
      ),
    );
  });
});
