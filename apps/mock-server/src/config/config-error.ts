/**
 * A configuration that does not validate. The message lists every bad field by its path
 * (`top.apps[0].secret: must not be empty`), which is what the CLI prints before exiting non-zero.
 */
import type { z } from 'zod';
import { knownKeysAt } from './known-keys.js';
import { nearestName } from './nearest-name.js';

/** Thrown by `createMockApp`, `startMockServer` and `loadConfigFile` for a configuration that does not validate. */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError' as const;
  /** One line per bad field: `path: why`. */
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[], options?: ErrorOptions) {
    super(`invalid mock server config (${source}):\n  ${problems.join('\n  ')}`, options);
    this.problems = problems;
  }
}

/**
 * `top.apps[0].secret: must not be empty` for each issue. With the `schema` that was checked, an unknown
 * key names the nearest known one: `top.apps[0]: Unrecognized key: "sesions" (did you mean "sessions"?)`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], schema?: z.ZodType): string[] {
  return issues.flatMap((issue) => {
    const where = formatPath(issue.path) || '(root)';
    if (issue.code !== 'unrecognized_keys') return [`${where}: ${issue.message}`];
    const known = schema === undefined ? [] : knownKeysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const nearest = nearestName(key, known);
      const hint = nearest === undefined ? '' : ` (did you mean ${JSON.stringify(nearest)}?)`;
      return `${where}: Unrecognized key: ${JSON.stringify(key)}${hint}`;
    });
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
