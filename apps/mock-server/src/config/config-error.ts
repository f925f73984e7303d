/**
 * A configuration that does not validate. The message lists every bad field by its path
 * (`top.apps[0].secret: must not be empty`), which is what the CLI prints before exiting non-zero.
 */
import type { z } from 'zod';

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

/** `top.apps[0].secret: must not be empty` for each issue. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}
