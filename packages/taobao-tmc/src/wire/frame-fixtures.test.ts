import { describe, expect, it } from 'vitest';
import { decodeFrame } from './frame-decode.js';
import { encodeFrame } from './frame-encode.js';
import type { TmcFrame, TmcValue } from './frame-types.js';

// Fixtures written byte by byte from the wire layout (version 2, type, uint16 header types, uint32 lengths,
// little-endian), not produced by the encoder. Each line of bytes is one part of the frame.
const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));
const bytes = (...parts: number[][]): Uint8Array => Uint8Array.from(parts.flat());

const connectBytes = bytes(
  [0x02, 0x00], // version 2, CONNECT
  [0x04, 0x00, 0x07, 0x00, 0x00, 0x00], // flag 7
  [0x01, 0x00, 0x07, 0x00, 0x00, 0x00, ...ascii('app_key')], // custom header key
  [0x01, 0x04, 0x00, 0x00, 0x00, ...ascii('4272')], // counted string value
  [0x01, 0x00, 0x0a, 0x00, 0x00, 0x00, ...ascii('group_name')],
  [0x01, 0x07, 0x00, 0x00, 0x00, ...ascii('default')],
  [0x00, 0x00], // end of headers
);
const connectFrame: TmcFrame = {
  messageType: 0,
  flag: 7,
  headers: new Map<string, TmcValue>([
    ['app_key', { format: 'string', value: '4272' }],
    ['group_name', { format: 'string', value: 'default' }],
  ]),
};

const connectAckBytes = bytes(
  [0x02, 0x01], // version 2, CONNECTACK
  [0x04, 0x00, 0x07, 0x00, 0x00, 0x00], // flag 7 echoed
  [0x05, 0x00, 0x03, 0x00, 0x00, 0x00, ...ascii('tok')], // token
  [0x00, 0x00],
);
const connectAckFrame: TmcFrame = { messageType: 1, flag: 7, token: 'tok', headers: new Map() };

const refusedAckBytes = bytes(
  [0x02, 0x01],
  [0x02, 0x00, 0x65, 0x00, 0x00, 0x00], // status code 101
  [0x03, 0x00, 0x0d, 0x00, 0x00, 0x00, ...ascii('invalid sign.')], // status phrase
  [0x04, 0x00, 0x00, 0x01, 0x00, 0x00], // flag 256
  [0x00, 0x00],
);
const refusedAckFrame: TmcFrame = {
  messageType: 1,
  statusCode: 101,
  statusPhrase: 'invalid sign.',
  flag: 256,
  headers: new Map(),
};

const dataBytes = bytes(
  [0x02, 0x02], // version 2, SEND
  [0x05, 0x00, 0x03, 0x00, 0x00, 0x00, ...ascii('tok')],
  [0x01, 0x00, 0x06, 0x00, 0x00, 0x00, ...ascii('__kind'), 0x02, 0x03], // byte 3
  // int64 2^53 + 1, which a double cannot hold
  [0x01, 0x00, 0x02, 0x00, 0x00, 0x00, ...ascii('id'), 0x05, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00],
  // date 1700000000000 = 0x18BCFE56800
  [
    0x01,
    0x00,
    0x04,
    0x00,
    0x00,
    0x00,
    ...ascii('time'),
    0x06,
    0x00,
    0x68,
    0xe5,
    0xcf,
    0x8b,
    0x01,
    0x00,
    0x00,
  ],
  // byte array (gzip magic, then one byte)
  [0x01, 0x00, 0x07, 0x00, 0x00, 0x00, ...ascii('content'), 0x07, 0x03, 0x00, 0x00, 0x00, 0x1f, 0x8b, 0x08],
  [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, ...ascii('a'), 0x03, 0xfe, 0xff], // int16 -2
  [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, ...ascii('b'), 0x04, 0xff, 0xff, 0xff, 0xff], // int32 -1
  [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, ...ascii('c'), 0x00], // void
  [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, ...ascii('d'), 0x05, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], // -1
  [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, ...ascii('e'), 0x01, 0x03, 0x00, 0x00, 0x00, 0xe7, 0x9f, 0xad], // 短
  [0x00, 0x00],
);
const dataFrame: TmcFrame = {
  messageType: 2,
  token: 'tok',
  headers: new Map<string, TmcValue>([
    ['__kind', { format: 'byte', value: 3 }],
    ['id', { format: 'int64', value: 9007199254740993n }],
    ['time', { format: 'date', value: 1700000000000n }],
    ['content', { format: 'bytes', value: Uint8Array.from([0x1f, 0x8b, 0x08]) }],
    ['a', { format: 'int16', value: -2 }],
    ['b', { format: 'int32', value: -1 }],
    ['c', { format: 'void' }],
    ['d', { format: 'int64', value: -1n }],
    ['e', { format: 'string', value: '短' }],
  ]),
};

const sendAckBytes = bytes([0x02, 0x03], [0x04, 0x00, 0xff, 0xff, 0xff, 0xff], [0x00, 0x00]);
const sendAckFrame: TmcFrame = { messageType: 3, flag: 0xffff_ffff, headers: new Map() };

const fixtures = [
  ['CONNECT with flag and custom strings', connectBytes, connectFrame],
  ['CONNECTACK with echoed flag and token', connectAckBytes, connectAckFrame],
  ['CONNECTACK refusing with status code and phrase', refusedAckBytes, refusedAckFrame],
  ['SEND with every value format', dataBytes, dataFrame],
  ['SENDACK with the largest flag', sendAckBytes, sendAckFrame],
] as const;

describe('TMC frames against hand-written bytes', () => {
  it.each(fixtures)('decodes %s', (_name, wire, frame) => {
    expect(decodeFrame(wire)).toEqual(frame);
  });

  it.each(fixtures)('encodes %s to exactly those bytes', (_name, wire, frame) => {
    expect(encodeFrame(frame)).toEqual(wire);
  });

  it('decodes from an ArrayBuffer and from a view that does not start at offset 0', () => {
    const padded = new Uint8Array(connectAckBytes.byteLength + 5);
    padded.set(connectAckBytes, 5);
    expect(decodeFrame(padded.subarray(5))).toEqual(connectAckFrame);
    expect(decodeFrame(connectAckBytes.slice().buffer)).toEqual(connectAckFrame);
  });

  it('copies byte arrays out of the input', () => {
    const wire = dataBytes.slice();
    const content = decodeFrame(wire).headers.get('content');
    wire.fill(0);
    expect(content).toEqual({ format: 'bytes', value: Uint8Array.from([0x1f, 0x8b, 0x08]) });
  });

  it('keeps the last of a repeated custom header', () => {
    const repeated = bytes(
      [0x02, 0x02],
      [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, ...ascii('k'), 0x02, 0x01],
      [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, ...ascii('k'), 0x02, 0x02],
      [0x00, 0x00],
    );
    expect(decodeFrame(repeated).headers.get('k')).toEqual({ format: 'byte', value: 2 });
  });
});
