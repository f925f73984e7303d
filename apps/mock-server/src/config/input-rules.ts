/**
 * Field rules shared by the mock's own JSON inputs (the config file, `POST /__mock/faults`): the same wording
 * for the same mistake, whichever input it is made in.
 */
import { z } from 'zod';

/** A string with at least one character. */
export const nonEmptyText = z.string({ error: 'must be a string' }).min(1, { message: 'must not be empty' });

/** An integer within bounds, with messages that say which bound. */
export function integer(min: number, max: number) {
  return z
    .number({ error: 'must be a number' })
    .int({ message: 'must be an integer' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });
}
