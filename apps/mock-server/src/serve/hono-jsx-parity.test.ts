/**
 * The page's string JSX runtime (ui/html-jsx/) against Hono's own JSX as the oracle: for what the page
 * renders, both give the same bytes, so the page reads as it did when Hono rendered it. Here because only
 * serve/ imports hono.
 */
import { Fragment as HonoFragment, jsx as honoJsx } from 'hono/jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { Fragment, jsx } from '../ui/html-jsx/jsx-runtime.js';

describe('the same output as Hono JSX, for what the page uses', () => {
  type Tree = { tag: string; props: Record<string, unknown> };
  const cases: Tree[] = [
    { tag: 'p', props: { children: `<i>"quoted" & 'single'</i>` } },
    { tag: 'input', props: { type: 'hidden', name: 'return', value: '/?q=<x>&a="b"' } },
    { tag: 'input', props: { type: 'checkbox', name: 'reveal', value: '1', checked: true } },
    { tag: 'input', props: { type: 'checkbox', checked: false } },
    { tag: 'option', props: { value: '', selected: true, children: 'All' } },
    { tag: 'option', props: { value: 'x', selected: false, children: 'X' } },
    { tag: 'a', props: { href: '/', 'aria-current': undefined, title: null, children: 'x' } },
    { tag: 'span', props: { 'aria-hidden': true, 'data-open': false, 'data-count': 0 } },
    { tag: 'meta', props: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
    { tag: 'br', props: {} },
    { tag: 'hr', props: { class: 'rule' } },
    { tag: 'img', props: { alt: "it's", src: 'data:,' } },
    { tag: 'span', props: { class: 'grow' } },
    { tag: 'script', props: { dangerouslySetInnerHTML: { __html: 'if (a < b && c > d) go("x")' } } },
    { tag: 'p', props: { children: ['a', 1, null, undefined, true, false, ['b', ['c', 2.5]], ' ', '≈ 70'] } },
  ];

  it.each(cases)('<$tag> renders byte for byte as Hono renders it', async ({ tag, props }) => {
    const ours = jsx(tag, structuredClone(props)).html;
    const hono = await honoJsx(tag, structuredClone(props)).toString();
    expect(ours).toBe(hono);
  });

  it('renders fragments and nested elements as Hono does', async () => {
    const ours = jsx(Fragment, {
      children: [
        jsx('dt', { children: 'Name' }),
        jsx('dd', { children: ['<x>', jsx('b', { children: 1 })] }),
      ],
    }).html;
    const hono = await honoJsx(HonoFragment, {
      children: [
        honoJsx('dt', { children: 'Name' }),
        honoJsx('dd', { children: ['<x>', honoJsx('b', { children: 1 })] }),
      ],
    }).toString();
    expect(ours).toBe(hono);
  });
});
