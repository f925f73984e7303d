/**
 * Multipart bodies as real SDKs write them — the official Java TOP SDK writes `Content-Disposition:form-data;
 * name="x"` without spaces — are read as tolerantly as the real gateway reads them; a body that cannot be read
 * is named as the reason in the journal, not the signature.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../serve/create-mock-app.js';
import { createManualClock } from '../../state/clock.js';
import {
  fixedNow,
  formBody,
  jsonOf,
  jstBusiness,
  signedTopParams,
} from '../../test-support/signed-requests.js';
import { parseMultipartForm } from './multipart-form.js';

const utf8 = new TextEncoder();

/** A body as the Java TOP SDK writes it: no spaces after colons and semicolons, a Content-Type per part. */
function javaSdkBody(params: Record<string, string>, boundary: string): Uint8Array {
  let text = '';
  for (const [name, value] of Object.entries(params)) {
    text += `--${boundary}\r\nContent-Disposition:form-data;name="${name}"\r\nContent-Type:text/plain;charset=UTF-8\r\n\r\n${value}\r\n`;
  }
  return utf8.encode(`${text}--${boundary}--\r\n`);
}

describe('parseMultipartForm', () => {
  it('reads header names in any case, with or without whitespace, names quoted or not', () => {
    const body = utf8.encode(
      [
        'preamble to ignore',
        '--b0',
        'content-disposition:form-data;name="a"',
        '',
        'one',
        '--b0',
        'CONTENT-DISPOSITION :  form-data ;  name = b ',
        '',
        'two',
        '--b0',
        'Content-Disposition: form-data; name="c;d"; filename="x.txt"',
        'Content-Type: text/plain',
        '',
        'file content',
        '--b0',
        'Content-Disposition: form-data; name="中文"',
        '',
        '值\r\nwith a line break',
        '--b0--',
        'epilogue to ignore',
      ].join('\r\n'),
    );
    expect(parseMultipartForm('multipart/form-data; BOUNDARY="b0"', body)).toEqual({
      ok: true,
      fields: [
        ['a', 'one'],
        ['b', 'two'],
        ['中文', '值\r\nwith a line break'],
      ],
      files: ['c;d'],
      unnamedParts: 0,
    });
  });

  it('takes bare LF line breaks and an empty value', () => {
    const body = utf8.encode(
      '--x\nContent-Disposition: form-data; name="a"\n\n\n--x\nContent-Disposition: form-data; name=b\n\n2\n--x--',
    );
    expect(parseMultipartForm('multipart/form-data;boundary=x', body)).toMatchObject({
      ok: true,
      fields: [
        ['a', ''],
        ['b', '2'],
      ],
    });
  });

  it.each([
    ['multipart/form-data', '--x\r\n\r\n--x--', 'the Content-Type names no boundary'],
    ['multipart/form-data; boundary=y', '--x\r\n\r\n--x--', 'the boundary "y" does not occur in the body'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x',
      'the body ends before the closing boundary "--x--"',
    ],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n1\r\n--x--',
      'a part has no blank line after its headers',
    ],
  ])('explains why %s with %j cannot be read', (contentType, text, reason) => {
    expect(parseMultipartForm(contentType, utf8.encode(text))).toEqual({ ok: false, reason });
  });
});

describe('TOP over multipart', () => {
  it('accepts a call written as the Java SDK writes it', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const response = await app.request('/router/rest', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----------------javasdk' },
      body: javaSdkBody(signedTopParams(jstBusiness()), '----------------javasdk'),
    });
    expect((await jsonOf(response)).jst_sms_message_send_response).toMatchObject({ request_success: true });
  });

  it('names an unreadable body as the reason, not the signature', async () => {
    const app = createMockApp({ clock: createManualClock(fixedNow) });
    const { send_message_request, ...system } = signedTopParams(jstBusiness());
    const response = await app.request(`/router/rest?${formBody(system)}`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      body: `--abc\r\nContent-Disposition: form-data; name="send_message_request"\r\n\r\n${send_message_request}\r\n--ab`,
    });
    expect((await jsonOf(response)).error_response).toMatchObject({ code: 25 });
    const entry = app.mock.journal.newestFirst().next().value;
    expect(entry?.verdict).toMatchObject({
      reason: expect.stringMatching(
        /^multipart body could not be parsed \(the body ends before the closing boundary "--abc--"\); without its parameters: /,
      ),
    });
    expect(entry?.notes).toContain('multipart body could not be parsed; its parameters were not read');
  });
});
