/**
 * A tiny reader for TOP's XML envelopes (`format=xml`, or when a gateway loses `format`): elements, text,
 * the `<?xml …?>` prolog, comments, CDATA, the five named entities and numeric references. Attributes are
 * skipped (TOP only uses them for list markers). No DTDs: they are refused, not expanded.
 *
 * An element holding only text becomes a string, one holding elements becomes an object, and an element name
 * repeated among siblings becomes an array. Values stay strings: typing them is the schema's job.
 */

/** A parsed XML value. */
export type XmlValue = string | XmlObject | XmlValue[];
/** An element that holds elements. */
export interface XmlObject {
  [name: string]: XmlValue;
}

/** The document's root element: its name and value. */
export interface XmlDocument {
  readonly root: string;
  readonly value: XmlValue;
}

/** Thrown for text that is not well-formed XML of the supported subset. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError' as const;
}

const namedEntities: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const namePattern = /[A-Za-z_:][\w.:-]*/y;

/** Parses an XML document. Throws XmlSyntaxError if it is not well-formed. */
export function readXml(text: string): XmlDocument {
  const reader = new Reader(text.replace(/^\uFEFF/, ''));
  reader.skipMisc();
  const element = reader.element();
  reader.skipMisc();
  if (!reader.atEnd()) reader.fail('content after the root element');
  return { root: element.name, value: element.value };
}

class Reader {
  private position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  fail(what: string): never {
    throw new XmlSyntaxError(`XML: ${what} at offset ${this.position}`);
  }

  /** Skips whitespace, the prolog, comments and processing instructions; refuses DOCTYPE. */
  skipMisc(): void {
    for (;;) {
      this.skipWhitespace();
      if (this.text.startsWith('<?', this.position)) this.skipPast('?>');
      else if (this.text.startsWith('<!--', this.position)) this.skipPast('-->');
      else if (this.text.startsWith('<!DOCTYPE', this.position)) this.fail('a DOCTYPE (not supported)');
      else return;
    }
  }

  element(): { name: string; value: XmlValue } {
    if (this.text[this.position] !== '<') this.fail('expected an element');
    this.position++;
    const name = this.name();
    this.skipAttributes();
    if (this.text.startsWith('/>', this.position)) {
      this.position += 2;
      return { name, value: '' };
    }
    this.expect('>');
    const children: Array<{ name: string; value: XmlValue }> = [];
    let text = '';
    for (;;) {
      if (this.atEnd()) this.fail(`unclosed <${name}>`);
      if (this.text.startsWith('</', this.position)) {
        this.position += 2;
        if (this.name() !== name) this.fail(`mismatched closing tag for <${name}>`);
        this.skipWhitespace();
        this.expect('>');
        break;
      }
      if (this.text.startsWith('<![CDATA[', this.position)) {
        const end = this.text.indexOf(']]>', this.position);
        if (end < 0) this.fail('unclosed CDATA section');
        text += this.text.slice(this.position + 9, end);
        this.position = end + 3;
      } else if (this.text.startsWith('<!--', this.position)) {
        this.skipPast('-->');
      } else if (this.text.startsWith('<?', this.position)) {
        this.skipPast('?>');
      } else if (this.text[this.position] === '<') {
        children.push(this.element());
      } else {
        text += this.characterData();
      }
    }
    return { name, value: children.length === 0 ? text : group(children) };
  }

  private characterData(): string {
    let result = '';
    while (!this.atEnd() && this.text[this.position] !== '<') {
      const character = this.text[this.position]!;
      if (character === '&') {
        result += this.entity();
      } else {
        result += character;
        this.position++;
      }
    }
    return result;
  }

  private entity(): string {
    const end = this.text.indexOf(';', this.position);
    if (end < 0 || end - this.position > 12) this.fail('unterminated entity');
    const body = this.text.slice(this.position + 1, end);
    this.position = end + 1;
    if (body.startsWith('#')) {
      const codePoint =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      const valid = /^#(?:\d+|[xX][0-9A-Fa-f]+)$/.test(body) && codePoint <= 0x10ffff;
      if (!valid) this.fail(`invalid character reference &${body};`);
      return String.fromCodePoint(codePoint);
    }
    const named = namedEntities[body];
    if (named === undefined) this.fail(`unknown entity &${body};`);
    return named;
  }

  private name(): string {
    namePattern.lastIndex = this.position;
    const match = namePattern.exec(this.text);
    if (!match) this.fail('expected a name');
    this.position += match[0].length;
    return match[0];
  }

  private skipAttributes(): void {
    for (;;) {
      this.skipWhitespace();
      const next = this.text[this.position];
      if (next === '>' || next === '/' || next === undefined) return;
      this.name();
      this.skipWhitespace();
      this.expect('=');
      this.skipWhitespace();
      const quote = this.text[this.position];
      if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
      const end = this.text.indexOf(quote, this.position + 1);
      if (end < 0) this.fail('unterminated attribute value');
      this.position = end + 1;
    }
  }

  private skipWhitespace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.position]!)) this.position++;
  }

  private skipPast(terminator: string): void {
    const end = this.text.indexOf(terminator, this.position);
    if (end < 0) this.fail(`missing ${terminator}`);
    this.position = end + terminator.length;
  }

  private expect(character: string): void {
    if (this.text[this.position] !== character) this.fail(`expected "${character}"`);
    this.position++;
  }
}

/** Child elements as an object; a name repeated among siblings collects into an array. */
function group(children: ReadonlyArray<{ name: string; value: XmlValue }>): XmlObject {
  // No prototype: an element named `__proto__` must stay data.
  const result = Object.create(null) as XmlObject;
  for (const { name, value } of children) {
    const existing = result[name];
    // Elements are strings or objects, never arrays, so an array here is one this loop collected.
    if (existing === undefined) result[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[name] = [existing, value];
  }
  return result;
}
