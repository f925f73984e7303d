/**
 * `app`, `app_key` and `appid` are three spellings of one namespace filter. A query naming two different
 * namespaces (`?app=a&app_key=b`) is refused rather than read as one of them: picking one would silently list,
 * or clear, another worker's data.
 */
import type { z } from 'zod';

interface NamespaceQuery {
  app?: string | undefined;
  app_key?: string | undefined;
  appid?: string | undefined;
}

const spellings = ['app', 'app_key', 'appid'] as const;

/** A zod refinement for the query schemas: one issue on the second spelling that names another namespace. */
export function refuseConflictingNamespaces(query: NamespaceQuery, context: z.RefinementCtx): void {
  let first: (typeof spellings)[number] | undefined;
  for (const spelling of spellings) {
    const value = query[spelling];
    if (value === undefined) continue;
    if (first === undefined) {
      first = spelling;
      continue;
    }
    const chosen = query[first] as string;
    if (value !== chosen) {
      context.addIssue({
        code: 'custom',
        path: [spelling],
        message: `${JSON.stringify(value)} conflicts with ${first}=${JSON.stringify(chosen)}; name the namespace once`,
      });
      return;
    }
  }
}
