/**
 * The shape of a `/__mock` route without a web framework: a method, a path, and a plain function from the
 * query (and the body text, for the routes that read one) to a status and a JSON body. The adapter in serve/
 * mounts these on its framework and writes the answer, so the admin API's logic runs and reads the same under
 * any of them.
 */
import type { z } from 'zod';
import { describeIssues } from '../config/config-error.js';

/** What a handler is given: the query (the first value of each parameter) and, if it reads one, the body. */
export interface ControlInput {
  readonly query: Readonly<Record<string, string>>;
  /** The body as text for a route with `readsBody`; undefined for the others, whose body is never read. */
  readonly body: string | undefined;
}

/** A handler's answer: written by the adapter as `application/json`. */
export interface JsonAnswer {
  readonly status: 200 | 201 | 400 | 409;
  readonly body: object;
}

/** One route of the `/__mock` API, its path relative to `/__mock`. */
export interface ControlRoute {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: `/${string}`;
  /** Whether the handler needs the body: only then does the adapter read it. */
  readonly readsBody: boolean;
  readonly handle: (input: ControlInput) => JsonAnswer;
}

/** The `{ error, problems }` body of every refusal of the admin API. */
interface Invalid {
  error: string;
  problems: string[];
}

/** A 200 answer, the common case. */
export function ok(body: object): JsonAnswer {
  return { status: 200, body };
}

/** How a route words what zod found wrong with a query or a body: one problem per issue. */
export type ProblemWording = (issues: readonly z.core.$ZodIssue[]) => string[];

/** The control routes' wording: an unknown field by its name (and where), any other issue as zod's text. */
const fieldProblems: ProblemWording = (issues) =>
  issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field: ${issue.keys.join(', ')}${issue.path.length > 0 ? ` (in ${issue.path.join('.')})` : ''}`
      : (describeIssues([issue])[0] as string),
  );

/** A 400 `invalid …` answer naming each problem zod found (an unknown field by its name). */
export function invalidAnswer(error: string, issues: readonly z.core.$ZodIssue[]): JsonAnswer {
  const body: Invalid = { error, problems: fieldProblems(issues) };
  return { status: 400, body };
}

/**
 * A route that reads no body: its query validated by `schema` (else a 400 `invalid query` worded by
 * `wording`), then answered by `answer` from the parsed query.
 */
export function queryRoute<Schema extends z.ZodType>(
  method: ControlRoute['method'],
  path: ControlRoute['path'],
  schema: Schema,
  answer: (query: z.output<Schema>) => JsonAnswer,
  wording: ProblemWording = fieldProblems,
): ControlRoute {
  return {
    method,
    path,
    readsBody: false,
    handle: ({ query }) => {
      const parsed = schema.safeParse(query);
      if (parsed.success) return answer(parsed.data);
      const body: Invalid = { error: 'invalid query', problems: wording(parsed.error.issues) };
      return { status: 400, body };
    },
  };
}

/** The body as JSON, or the 400 the admin API answers to a body that is not JSON. */
export function parseJsonBody(
  text: string | undefined,
): { ok: true; value: unknown } | { ok: false; answer: JsonAnswer } {
  try {
    return { ok: true, value: JSON.parse(text ?? '') };
  } catch {
    const error: Invalid = { error: 'invalid body', problems: ['the body must be JSON'] };
    return { ok: false, answer: { status: 400, body: error } };
  }
}
