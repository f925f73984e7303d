/**
 * The duplicate decision: the same recipient twice in one `send()` — the same `order_id`, or the same
 * `post_tel` text — would text that person twice, which is almost always a bug upstream (a retried job, a
 * merged list). It is rejected before anything is sent unless the caller says `allowDuplicateRecipients: true`.
 * A plain number and a ciphertext of the same phone cannot be recognised as one recipient (the ciphertext can
 * only be decrypted by Douyin), and neither can two ciphertexts of it.
 */
import { ValidationError, type ValidationIssue } from '@x/core';
import { type DoudianParsedMessage, doudianPath } from './doudian-schemas.js';

/** One issue per repeated recipient, naming the repeat and the first position it appeared at. */
export function duplicateRecipientIssues(messages: readonly DoudianParsedMessage[]): ValidationIssue[] {
  const firstPositions = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  messages.forEach((message, index) => {
    const field = 'order_id' in message ? 'order_id' : 'post_tel';
    const key = `${field}:${'order_id' in message ? message.order_id : message.post_tel}`;
    const first = firstPositions.get(key);
    if (first === undefined) {
      firstPositions.set(key, index);
      return;
    }
    issues.push({
      field: `messages.${index}.${field}`,
      reason: `repeats messages.${first}.${field}: that recipient would be texted twice (pass allowDuplicateRecipients: true to send both)`,
    });
  });
  return issues;
}

/** Throws a ValidationError listing every repeated recipient; nothing has been sent yet. */
export function rejectDuplicateRecipients(messages: readonly DoudianParsedMessage[]): void {
  const issues = duplicateRecipientIssues(messages);
  const [first] = issues;
  if (first !== undefined) throw new ValidationError({ api: doudianPath, ...first, issues });
}
