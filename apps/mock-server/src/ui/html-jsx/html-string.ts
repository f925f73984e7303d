/**
 * Escaped markup as a value. Every JSX expression of the page evaluates to an `HtmlString`, so text that is
 * already markup (a rendered element) is told apart from text that still has to be escaped (message content,
 * which is user input).
 */

/** Markup that is safe to insert as it is: built by the JSX runtime, never from unescaped text. */
export class HtmlString {
  readonly html: string;

  constructor(html: string) {
    this.html = html;
  }

  toString(): string {
    return this.html;
  }
}

const escapedCharacter = /[&<>"']/g;

/** The same five entities Hono's `escapeToBuffer` writes, so the page reads byte for byte as it did. */
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use both between tags and inside a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(escapedCharacter, (character) => entities[character] as string);
}
