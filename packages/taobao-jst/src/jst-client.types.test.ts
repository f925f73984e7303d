/**
 * The jst client types: a rejection cannot be read as a success without narrowing, and the hand-written
 * request type stays in step with the wire schema.
 */

import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { JstSendMessageRequest, JstSendResult } from './index.js';
import type { jstSendMessageRequestSchema } from './jst-schemas.js';

describe('types', () => {
  it('make a rejection impossible to read as a success without narrowing', () => {
    expectTypeOf<Extract<JstSendResult, { ok: true }>['request_success']>().toEqualTypeOf<true>();
    expectTypeOf<Extract<JstSendResult, { ok: false }>['request_success']>().toEqualTypeOf<false>();
  });

  it('keep the hand-written request type in step with the wire schema', () => {
    expectTypeOf<JstSendMessageRequest>().toExtend<z.input<typeof jstSendMessageRequestSchema>>();
    expectTypeOf<z.input<typeof jstSendMessageRequestSchema>>().toExtend<JstSendMessageRequest>();
  });
});
