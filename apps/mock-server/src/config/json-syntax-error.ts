/**
 * Where a JSON text stops being JSON, as a line and column a person can jump to. Engines word and place
 * their `JSON.parse` errors differently (Node 20 gives no position for some), so the place is found the same
 * way everywhere: the longest prefix that is still the start of some JSON text ends just before the error.
 */

export interface JsonSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
  /** The engine's own words, without its position suffix. */
  description: string;
}

/** A parse error that only says the text ended too early: a longer text could still be JSON. */
function endedEarly(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    if (position !== null) return Number(position[1]) >= prefix.length;
    return /end of JSON input|Unterminated/i.test(message);
  }
}

/** Undefined when `text` parses. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  let description: string;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    description = (error as Error).message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '');
  }
  // Binary search for the longest prefix that could still grow into JSON (that property only gets lost).
  let good = 0;
  let bad = text.length;
  if (endedEarly(text)) good = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (endedEarly(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  const offset = good;
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    line: (before.match(/\n/g)?.length ?? 0) + 1,
    column: offset - lineStart + 1,
    description,
  };
}
