/** @jsxImportSource #html-jsx */
/** A definition list of the facts that have a value; empty ones are left out. */
import type { Child, FC } from '#html-jsx/jsx-runtime';

export const Facts: FC<{ rows: Array<[string, Child | null | undefined]> }> = ({ rows }) => (
  <dl class="facts">
    {rows
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([name, value]) => (
        <>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </>
      ))}
  </dl>
);
