/** @jsxImportSource #html-jsx */
/** A time as the platforms show it (GMT+8), the UTC instant in the tooltip. */
import type { FC } from '#html-jsx/jsx-runtime';
import { chinaTime } from '../message-view.js';

export const Time: FC<{ iso: string }> = ({ iso }) => (
  <time datetime={iso} title={`${iso} (UTC)`}>
    {chinaTime(iso)}
  </time>
);
