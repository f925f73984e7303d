import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentText, messageFromFrame, messageKind, TmcMessageFormatError } from './message.js';
import type { TmcFrame, TmcValue } from './wire/frame-types.js';

const frameOf = (entries: [string, TmcValue][]): TmcFrame => ({ messageType: 2, headers: new Map(entries) });
const text = (value: string): TmcValue => ({ format: 'string', value });

describe('messageFromFrame', () => {
  it('reads ids given as text exactly, and dates and optional fields', () => {
    const message = messageFromFrame(
      frameOf([
        ['__kind', { format: 'byte', value: 3 }],
        ['id', text('18446744073709551615')],
        ['topic', text('t')],
        ['content', text('{}')],
        ['userid', { format: 'int64', value: 2n ** 62n }],
        ['nick', text('shop')],
        ['outtime', { format: 'date', value: 1_700_000_000_000n }],
        ['dataid', text('d-1')],
      ]),
    );
    expect(message).toEqual({
      id: '18446744073709551615',
      topic: 't',
      content: '{}',
      time: undefined,
      publisher: undefined,
      nick: 'shop',
      userid: '4611686018427387904',
      outtime: new Date(1_700_000_000_000),
      dataid: 'd-1',
    });
  });

  it.each([
    [
      'no id',
      [
        ['topic', text('t')],
        ['content', text('{}')],
      ],
    ],
    [
      'a non-numeric id',
      [
        ['id', text('abc')],
        ['topic', text('t')],
        ['content', text('{}')],
      ],
    ],
    [
      'no topic',
      [
        ['id', text('1')],
        ['content', text('{}')],
      ],
    ],
    [
      'no content',
      [
        ['id', text('1')],
        ['topic', text('t')],
      ],
    ],
    [
      'corrupt gzip content',
      [
        ['id', text('1')],
        ['topic', text('t')],
        ['content', { format: 'bytes', value: Uint8Array.from([0x1f, 0x8b, 0, 1]) }],
      ],
    ],
  ] as [string, [string, TmcValue][]][])('refuses a data frame with %s', (_name, entries) => {
    expect(() => messageFromFrame(frameOf(entries))).toThrow(TmcMessageFormatError);
  });

  it('reads __kind from a byte or an int32', () => {
    expect(messageKind(frameOf([['__kind', { format: 'byte', value: 3 }]]))).toBe(3);
    expect(messageKind(frameOf([['__kind', { format: 'int32', value: 20 }]]))).toBe(20);
    expect(messageKind(frameOf([]))).toBeUndefined();
  });
});

describe('contentText', () => {
  it('gunzips gzip bytes and reads other bytes as UTF-8', () => {
    expect(contentText(gzipSync(Buffer.from('{"a":"短"}')))).toBe('{"a":"短"}');
    expect(contentText(new TextEncoder().encode('{"b":1}'))).toBe('{"b":1}');
  });
});
