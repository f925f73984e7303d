import { describe, expect, it } from 'vitest';
import { answerKeyOf, duplicateKeyOf, maskPostTel, recipientOf } from './doudian-recipients.js';

const ciphertext =
  '$DcwmMAKzUZzUj258P0LNEu8bad1eFd7JmRhBXBwT57s=$PzDIsfCO+TTBInVLz+HpMIBCMLhVelkDGhDwGLF3rSagVB8UTp0EC46bGp5PzYFMPneQ4Rn3p9YcaPxkRyivTMJQMaj7v5WvJ689hh/WCv6h+Q==*CgkIARCtHCABKAESPgo874EEcU1IKaIbmqHwtm/yV5qA3KDq84ibA3LfR7ptQc6Cs5x6h1Pwodhx1Nn0Gbsez1EXWjsKEwRQNBHLGgA=$1$$';

describe('recipients', () => {
  it('masks a plain mobile to its first 3 and last 4 digits', () => {
    expect(maskPostTel('13800138000')).toBe('138****8000');
  });

  it('shows a ciphertext only by its first 12 characters', () => {
    expect(maskPostTel(ciphertext)).toBe('$DcwmMAKzUZz…');
  });

  it('shows an order message by its order id and answers to it; a phone message by the mask, answering to ""', () => {
    expect(recipientOf({ order_id: '5001789329480019707' })).toEqual({ order_id: '5001789329480019707' });
    expect(answerKeyOf({ order_id: '5001789329480019707' })).toBe('5001789329480019707');
    expect(recipientOf({ post_tel: '13800138000' })).toEqual({ order_id: '', post_tel: '138****8000' });
    expect(answerKeyOf({ post_tel: ciphertext })).toBe('');
  });

  it('takes an order message by its order id and a phone message by its post_tel text as the duplicate key', () => {
    expect(duplicateKeyOf({ order_id: '13800138000' })).toEqual({ field: 'order_id', value: '13800138000' });
    expect(duplicateKeyOf({ post_tel: '13800138000' })).toEqual({ field: 'post_tel', value: '13800138000' });
  });
});
