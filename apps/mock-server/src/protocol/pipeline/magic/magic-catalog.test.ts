/** The magic values are valid wherever a recipient goes, and nothing else is magic. */
import { douyinCiphertextPattern, mainlandMobilePattern } from '@x/core/schemas';
import { doudianMessageSchema } from '@x/doudian-sms/schemas';
import { tpnSendRequestSchema } from '@x/qianniu-tpn/schemas';
import { jstSendMessageRequestSchema } from '@x/taobao-jst/schemas';
import { tidSendItemSchema } from '@x/taobao-tid/schemas';
import { describe, expect, it } from 'vitest';
import { magicOutcomes } from './magic-catalog.js';
import { magicCiphertext, magicExample, parseMagicRecipient } from './magic-recipient.js';

const examples = magicOutcomes.map(magicExample);

describe('magic values', () => {
  it('pass every client-side check: mobile, strict mobile, order id, Qianniu user id, ciphertext', () => {
    for (const value of examples) {
      expect(value).toMatch(mainlandMobilePattern);
      expect(value).toMatch(/^1[3-9]\d{9}$/);
      expect(douyinCiphertextPattern.test(magicCiphertext(value))).toBe(true);
      expect(
        jstSendMessageRequestSchema.safeParse({
          sms_free_sign_name: 's',
          template_code: 't',
          phone_number: value,
        }).success,
      ).toBe(true);
      expect(
        tidSendItemSchema.safeParse({ order_id: value, sms_free_sign_name: 's', template_code: 't' }).success,
      ).toBe(true);
      expect(doudianMessageSchema.safeParse({ order_id: value }).success).toBe(true);
      expect(doudianMessageSchema.safeParse({ post_tel: value }).success).toBe(true);
      expect(doudianMessageSchema.safeParse({ post_tel: magicCiphertext(value) }).success).toBe(true);
      expect(
        tpnSendRequestSchema.safeParse({ template_key: 'k', template_id: 1, user_id: value, biz_id: 1 })
          .success,
      ).toBe(true);
    }
  });

  it('are recognised as phone, id and ciphertext, with their parameter', () => {
    expect(parseMagicRecipient('19900000745')).toMatchObject({
      parameter: 45,
      outcome: { name: 'app-call-limited' },
    });
    expect(parseMagicRecipient(magicCiphertext('19900000512'))).toMatchObject({
      value: '19900000512',
      outcome: { name: 'decryption-failed' },
    });
  });

  it.each([
    ['13800138000', 'an ordinary number'],
    ['19900001300', 'an outcome not in the catalog'],
    ['19900000000', 'outcome 00'],
    ['1990000020012345678', 'an order id that only starts like one'],
    ['19910000200', 'outside the block'],
    ['$1990000AB00$bW9jaw==*bW9jaw==$1$$', 'a ciphertext with letters in place of digits'],
    ['$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$x*y$1$$', 'a real-looking ciphertext'],
    ['', 'nothing'],
  ])('%s (%s) is ordinary', (recipient) => {
    expect(parseMagicRecipient(recipient)).toBeUndefined();
  });
});
