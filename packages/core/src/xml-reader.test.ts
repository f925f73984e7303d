import { describe, expect, it } from 'vitest';
import { readXml, XmlSyntaxError } from './xml-reader.js';

describe('readXml', () => {
  it('reads a flat envelope after the prolog', () => {
    expect(
      readXml(
        '<?xml version="1.0" encoding="utf-8" ?><error_response><code>25</code><msg>Invalid signature</msg></error_response>',
      ),
    ).toEqual({ root: 'error_response', value: { code: '25', msg: 'Invalid signature' } });
  });

  it('ignores whitespace between elements, comments, a BOM and attributes', () => {
    const document = readXml(
      '\uFEFF<!-- c --><r a="1" b=\'2\'>\n  <x>1</x>\n  <!-- inside -->\n  <y lang="zh">二</y>\n</r>\n',
    );
    expect(document.value).toEqual({ x: '1', y: '二' });
  });

  it('decodes the five named entities and numeric references', () => {
    expect(
      readXml('<m>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#20320;&#x597D; &#x1F600;</m>').value,
    ).toBe('<a> & "b" \'c\' 你好 😀');
  });

  it('keeps CDATA verbatim, entities and markup included', () => {
    expect(readXml('<m>before <![CDATA[<b>&amp;</b>]]> after</m>').value).toBe('before <b>&amp;</b> after');
  });

  it('reads nested elements as objects and repeated names as arrays', () => {
    expect(readXml('<r><list><i>1</i><i>2</i><i>3</i></list><o><k>v</k></o></r>').value).toEqual({
      list: { i: ['1', '2', '3'] },
      o: { k: 'v' },
    });
  });

  it('reads an empty or self-closing element as an empty string', () => {
    expect(readXml('<r><a></a><b/><c /></r>').value).toEqual({ a: '', b: '', c: '' });
  });

  it('keeps an element named __proto__ as data', () => {
    const value = readXml('<r><__proto__><polluted>yes</polluted></__proto__></r>').value as Record<
      string,
      unknown
    >;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a mismatched closing tag', '<a><b>1</a></b>'],
    ['an unclosed element', '<a><b>1</b>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['an invalid character reference', '<a>&#xZZ;</a>'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ['content after the root', '<a>1</a><b>2</b>'],
    ['text that is not XML', 'Service Unavailable'],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>'],
  ])('rejects %s', (_label, text) => {
    expect(() => readXml(text)).toThrow(XmlSyntaxError);
  });
});
