/**
 * The keys a config object accepts at a path of the config schema, read from the zod schema itself through
 * its public API (`shape`, `unwrap`, `element`, `options`), so the list can never drift from what validates.
 */
import { z } from 'zod';

/** Strips the wrappers that do not change which keys an object takes. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The object schemas a value at this point may be (several for a union). */
function objectsOf(schema: z.ZodType): z.ZodObject[] {
  const inner = unwrapped(schema);
  if (inner instanceof z.ZodObject) return [inner];
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).flatMap(objectsOf);
  return [];
}

/** What the schema holds under one path segment. */
function childSchemas(schema: z.ZodType, segment: PropertyKey): z.ZodType[] {
  const inner = unwrapped(schema);
  if (typeof segment === 'number') {
    if (inner instanceof z.ZodArray) return [inner.element as z.ZodType];
    return [];
  }
  return objectsOf(inner).flatMap((object) => {
    const child = (object.shape as Record<string, z.ZodType | undefined>)[String(segment)];
    return child === undefined ? [] : [child];
  });
}

/** Every key an object at `path` accepts; empty when the path leads to no object. */
export function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  let schemas = [root];
  for (const segment of path) schemas = schemas.flatMap((schema) => childSchemas(schema, segment));
  return [...new Set(schemas.flatMap(objectsOf).flatMap((object) => Object.keys(object.shape)))];
}
