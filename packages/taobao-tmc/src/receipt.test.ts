import { describe, expect, it } from 'vitest';
import type { TmcMessage } from './message.js';
import { parseSmsReceipt, SmsReceiptFormatError, smsReceiptSchema } from './receipt.js';

const messageWith = (content: string): TmcMessage => ({
  id: '1',
  topic: 'alibaba_aliqin_TaFcSmsDR',
  content,
});

describe('SMS receipts', () => {
  it('reads every documented field as a string, dropping others', () => {
    const fields = {
      biz_id: '341623067818673604^0',
      state: '2',
      err_code: 'MK:0001',
      extend: 'order-42',
      receiver: '13800138000',
      send_time: '2023-11-15 06:13:20',
      rept_time: '2023-11-15 06:13:25',
    };
    const receipt = parseSmsReceipt(messageWith(JSON.stringify({ ...fields, unknown_field: 'x' })));
    expect(receipt).toEqual(fields);
  });

  it('accepts a numeric state from a lenient server', () => {
    expect(smsReceiptSchema.parse({ biz_id: '1^0', state: 1 }).state).toBe('1');
  });

  it.each([
    ['not JSON', 'nope', 'content'],
    ['no biz_id', '{"state":"1"}', 'biz_id'],
    ['an unknown state', '{"biz_id":"1^0","state":"3"}', 'state'],
  ])('refuses content that is %s, naming the field and not echoing the phone', (_name, content, field) => {
    const attempt = () => parseSmsReceipt(messageWith(content.replace('}', ',"receiver":"13800138000"}')));
    expect(attempt).toThrow(SmsReceiptFormatError);
    expect(attempt).toThrow(expect.objectContaining({ field }));
    expect(attempt).not.toThrow(/13800138000/);
  });
});
