import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-string.js';
import { type Child, type FC, Fragment, HtmlString, jsx } from './jsx-runtime.js';

/** What `<tag {...props} />` renders to. */
function render(tag: string, props: Record<string, unknown> = {}): string {
  return jsx(tag, props).html;
}

describe('escaping', () => {
  it('escapes the five characters Hono escapes, in text and in attribute values', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
    expect(render('p', { children: '<script>alert(1)</script>' })).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(render('input', { value: `"><svg onload='x'>&` })).toBe(
      '<input value="&quot;&gt;&lt;svg onload=&#39;x&#39;&gt;&amp;"/>',
    );
  });

  it('leaves other text alone, including non-ASCII and already escaped entities (escaped again)', () => {
    expect(escapeHtml('【聚石塔官方】您好 · ≈ 70')).toBe('【聚石塔官方】您好 · ≈ 70');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('does not escape markup the runtime built, so nested elements stay elements', () => {
    const inner = jsx('b', { children: 'a & b' });
    expect(render('p', { children: ['x ', inner] })).toBe('<p>x <b>a &amp; b</b></p>');
  });
});

describe('children', () => {
  it('renders nothing for null, undefined, false and true, and numbers as text', () => {
    expect(render('p', { children: [null, undefined, false, true] })).toBe('<p></p>');
    expect(render('p', { children: [0, ' ', -1.5, ' ', 200] })).toBe('<p>0 -1.5 200</p>');
  });

  it('flattens arrays and fragments at any depth', () => {
    const fragment = jsx(Fragment, { children: ['b', jsx(Fragment, { children: [['c'], 'd'] })] });
    expect(render('ol', { children: ['a', [fragment, [['e']]]] })).toBe('<ol>abcde</ol>');
    expect(jsx(Fragment, {}).html).toBe('');
  });

  it('refuses content it cannot render instead of printing [object Object]', () => {
    expect(() => render('p', { children: { text: 'x' } })).toThrow(TypeError);
  });
});

describe('attributes', () => {
  it('writes strings escaped and numbers as they are, in the order given', () => {
    expect(render('a', { href: '/?a=1&b=2', 'data-count': 3, children: 'x' })).toBe(
      '<a href="/?a=1&amp;b=2" data-count="3">x</a>',
    );
  });

  it('leaves out null and undefined, and keeps an empty string', () => {
    expect(render('a', { 'aria-current': undefined, title: null, 'data-platform': '' })).toBe(
      '<a data-platform=""></a>',
    );
  });

  it('writes a true boolean attribute as name="" and leaves a false one out', () => {
    expect(render('option', { value: 'a', selected: true, children: 'A' })).toBe(
      '<option value="a" selected="">A</option>',
    );
    expect(render('input', { type: 'checkbox', checked: false })).toBe('<input type="checkbox"/>');
  });

  it('writes a boolean given to any other attribute as text, since "false" means something there', () => {
    expect(render('span', { 'aria-hidden': true, 'data-open': false })).toBe(
      '<span aria-hidden="true" data-open="false"></span>',
    );
  });

  it('refuses attribute names that would break out of the tag, and values that are not text', () => {
    expect(() => render('a', { 'x onclick': 'alert(1)' })).toThrow(/attribute name/);
    expect(() => render('a', { title: { toString: () => 'x' } })).toThrow(TypeError);
  });

  it('inserts dangerouslySetInnerHTML without escaping, and not together with children', () => {
    expect(render('style', { dangerouslySetInnerHTML: { __html: 'a > b { color: red }' } })).toBe(
      '<style>a > b { color: red }</style>',
    );
    expect(() => render('div', { dangerouslySetInnerHTML: { __html: '<b>' }, children: 'x' })).toThrow();
  });
});

describe('elements', () => {
  it('self-closes void elements given no children, and closes every other element', () => {
    expect(render('meta', { charset: 'utf-8' })).toBe('<meta charset="utf-8"/>');
    expect(render('br')).toBe('<br/>');
    expect(render('link', { rel: 'icon', href: 'data:,' })).toBe('<link rel="icon" href="data:,"/>');
    expect(render('span', { class: 'grow' })).toBe('<span class="grow"></span>');
    expect(render('option', { value: 'x' })).toBe('<option value="x"></option>');
  });

  it('calls components with their props and children; null renders nothing, text is escaped', () => {
    const Badge: FC<{ label: string }> = ({ label, children }) =>
      jsx('span', { class: 'badge', children: [label, ' ', children] });
    expect(jsx(Badge, { label: 'A&B', children: jsx('i', { children: 'x' }) }).html).toBe(
      '<span class="badge">A&amp;B <i>x</i></span>',
    );
    const Nothing: FC = () => null;
    expect(render('p', { children: jsx(Nothing, {}) })).toBe('<p></p>');
    const Text = (): Child => '<b>';
    expect(jsx(Text, {}).html).toBe('&lt;b&gt;');
  });

  it('gives markup that can be used as a string', () => {
    const element = jsx('p', { children: 'x' });
    expect(element).toBeInstanceOf(HtmlString);
    expect(`${element}`).toBe('<p>x</p>');
  });
});
