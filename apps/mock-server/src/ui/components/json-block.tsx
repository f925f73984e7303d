/** @jsxImportSource #html-jsx */
/** A titled JSON block, phone numbers masked unless revealed; nothing for an empty value. */
import type { FC } from '#html-jsx/jsx-runtime';
import { maskPhonesIn, prettyJson } from '../masked-text.js';

export const JsonBlock: FC<{ title: string; value: unknown; reveal: boolean }> = ({
  title,
  value,
  reveal,
}) => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && Object.keys(value).length === 0) return null;
  return (
    <div class="wide">
      <h4>{title}</h4>
      <pre>{maskPhonesIn(prettyJson(value), reveal)}</pre>
    </div>
  );
};
