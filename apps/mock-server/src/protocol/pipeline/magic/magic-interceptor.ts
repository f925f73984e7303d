/**
 * The interceptor that answers magic recipients (`1990000XXYY`, see magic-catalog.ts) with their outcomes.
 * Installed unless `magicValues: false`; for ordinary recipients it costs one length and prefix check each.
 */

import type { SendInterceptor } from '../call/send-call.js';
import { parseMagicRecipient } from './magic-recipient.js';
import { OutcomeVerdict } from './outcome-verdict.js';

export const magicInterceptor: SendInterceptor = {
  name: 'magic value',
  intercept(call) {
    let collected: OutcomeVerdict | undefined;
    const { messages } = call;
    for (let index = 0; index < messages.length; index++) {
      const magic = parseMagicRecipient((messages[index] as { recipient: string }).recipient);
      if (magic === undefined) continue;
      const effect = magic.outcome.effect(call.platform, magic.parameter);
      if (effect === undefined) continue;
      collected ??= new OutcomeVerdict();
      collected.add(
        index,
        effect,
        `magic value ${magic.value}`,
        `${magic.value} is the magic value for ${magic.outcome.name} (GET /__mock/magic)`,
      );
      if (collected.settled) break;
    }
    return collected?.verdict();
  },
};
