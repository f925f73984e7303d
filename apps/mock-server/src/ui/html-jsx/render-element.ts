/**
 * Turns one intrinsic element (`<li class="card">…</li>`) into markup, with the rules of Hono's JSX renderer
 * the page relies on: escaped text and attribute values, nothing for `null`/`undefined`/booleans, flattened
 * arrays, self-closed void elements (`<input …/>`), `checked=""` for a true boolean attribute and
 * `dangerouslySetInnerHTML` inserted raw. Rendering is eager and synchronous: no async components, no
 * context.
 */
import { escapeHtml, HtmlString } from './html-string.js';

/** What may appear between tags. */
export type Child = string | number | boolean | null | undefined | HtmlString | readonly Child[];

/** What an attribute may be set to: `null`, `undefined` and (for boolean attributes) `false` leave it out. */
export type AttributeValue = string | number | boolean | null | undefined;

/** Elements without content or end tag, written `<br/>` as Hono writes them. */
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Attributes whose presence is the value: `true` writes `name=""`, `false` leaves them out. Any other
 * attribute given a boolean gets it as text (`aria-hidden="true"`), as in Hono.
 */
const booleanAttributes = new Set([
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'download',
  'formnovalidate',
  'hidden',
  'inert',
  'ismap',
  'itemscope',
  'loop',
  'multiple',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
  'shadowrootclonable',
  'shadowrootdelegatesfocus',
  'shadowrootserializable',
]);

/**
 * Attribute names come from the page's source, so anything but a plain name (`class`, `data-after`,
 * `aria-current`) is a programming error; this also keeps a spread-in key from breaking out of the tag.
 */
const validAttributeName = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/;

/** Appends the markup of a child (any depth of arrays) to `parts`. */
function appendChild(parts: string[], child: unknown): void {
  if (child === null || child === undefined || typeof child === 'boolean') return;
  if (typeof child === 'string') parts.push(escapeHtml(child));
  else if (typeof child === 'number') parts.push(String(child));
  else if (child instanceof HtmlString) parts.push(child.html);
  else if (Array.isArray(child)) for (const item of child) appendChild(parts, item);
  else throw new TypeError(`Cannot render a ${typeof child} as JSX content: ${String(child)}`);
}

/** Renders children (text, numbers, elements, nested arrays) to escaped markup. */
export function renderChildren(children: unknown): HtmlString {
  const parts: string[] = [];
  appendChild(parts, children);
  return new HtmlString(parts.join(''));
}

/** ` name="value"`, ` name=""` or nothing. */
function renderAttribute(name: string, value: unknown): string {
  if (!validAttributeName.test(name)) throw new Error(`Invalid JSX attribute name: ${name}`);
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' && booleanAttributes.has(name)) return value ? ` ${name}=""` : '';
  if (typeof value === 'string') return ` ${name}="${escapeHtml(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return ` ${name}="${value}"`;
  throw new TypeError(`Attribute ${name} must be a string, number or boolean, not ${typeof value}`);
}

function isInnerHtml(value: unknown): value is { __html: string } {
  return typeof value === 'object' && value !== null && '__html' in value;
}

export function renderElement(tag: string, props: Record<string, unknown>): HtmlString {
  let attributes = '';
  let innerHtml: string | undefined;
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children') continue;
    if (name === 'dangerouslySetInnerHTML' && isInnerHtml(value)) {
      if ('children' in props) {
        throw new Error('Can only set one of `children` or `props.dangerouslySetInnerHTML`.');
      }
      innerHtml = String(value.__html);
      continue;
    }
    attributes += renderAttribute(name, value);
  }
  // Hono self-closes a void element only when it was given no children at all.
  if (innerHtml === undefined && !('children' in props) && voidElements.has(tag)) {
    return new HtmlString(`<${tag}${attributes}/>`);
  }
  const content = innerHtml ?? renderChildren(props.children).html;
  return new HtmlString(`<${tag}${attributes}>${content}</${tag}>`);
}
