/**
 * @module A JSX runtime that renders straight to escaped HTML strings, for the inbox page. A file opts in
 * with the pragma `@jsxImportSource #html-jsx`, which the `imports` field of package.json maps to this
 * folder; tsc, Vite (vitest), tsx and tsdown all read it.
 *
 * Why not Hono's JSX: its `toString()` runs every render inside `AsyncLocalStorage#run`, and on Node 20 that
 * turns on async_hooks promise hooks for the whole process, for good — after one look at the inbox page every
 * promise of the protocol path paid for them (~8–10% fewer `/router/rest` calls per second). The page needs
 * none of what the storage is for (context across `await` in async components), so this runtime has none.
 */
import { HtmlString } from './html-string.js';
import { type AttributeValue, type Child, renderChildren, renderElement } from './render-element.js';

export { HtmlString } from './html-string.js';
export type { AttributeValue, Child } from './render-element.js';

/** A component: props in, markup (or nothing) out, synchronously. */
export type FC<Props = Record<string, never>> = (props: Props & { children?: Child }) => HtmlString | null;

/** Markup inserted without escaping: only for the page's own inline style and script. */
export interface InnerHtml {
  __html: string;
}

/** The props of any intrinsic element. */
export interface HtmlAttributes {
  children?: Child;
  dangerouslySetInnerHTML?: InnerHtml;
  [attribute: string]: AttributeValue | Child | InnerHtml;
}

export declare namespace JSX {
  type Element = HtmlString;
  interface ElementChildrenAttribute {
    children: unknown;
  }
  interface IntrinsicAttributes {
    key?: string | number;
  }
  interface IntrinsicElements {
    [tag: string]: HtmlAttributes;
  }
}

/**
 * What the compiler calls for every element: `<li>` renders the element, `<Item>` calls the component. The
 * `key` argument only matters to DOM diffing, so it is ignored here.
 */
export function jsx(type: string, props: Record<string, unknown>): HtmlString;
export function jsx<Props>(type: (props: Props) => Child, props: Props): HtmlString;
export function jsx(
  type: string | ((props: Record<string, unknown>) => Child),
  props: Record<string, unknown>,
): HtmlString {
  if (typeof type === 'function') {
    const rendered = type(props);
    return rendered instanceof HtmlString ? rendered : renderChildren(rendered);
  }
  return renderElement(type, props);
}

/** The same as {@link jsx}: the compiler uses it for elements with several static children. */
export const jsxs = jsx;

/** `<>…</>`: its children, side by side. */
export function Fragment(props: { children?: Child }): HtmlString {
  return renderChildren(props.children);
}
