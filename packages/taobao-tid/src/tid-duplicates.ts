/**
 * The duplicate decision: the same `order_id` twice in one `send()` would text that buyer twice, which is
 * almost always a bug upstream (a retried job, a merged list). It is rejected before anything is sent unless
 * the caller says `allowDuplicateOrderIds: true` (e.g. two different templates to one order on purpose).
 */
import { ValidationError, type ValidationIssue } from '@x/core';
import { tidPath } from './tid-schemas.js';

/** One issue per repeated order id, naming the repeat and the first position it appeared at. */
export function duplicateOrderIdIssues(orderIds: readonly string[]): ValidationIssue[] {
  const firstPositions = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  orderIds.forEach((orderId, index) => {
    const first = firstPositions.get(orderId);
    if (first === undefined) {
      firstPositions.set(orderId, index);
      return;
    }
    issues.push({
      field: `items.${index}.order_id`,
      reason: `repeats items.${first}.order_id: that buyer would be texted twice (pass allowDuplicateOrderIds: true to send both)`,
    });
  });
  return issues;
}

/** Throws a ValidationError listing every repeated order id; nothing has been sent yet. */
export function rejectDuplicateOrderIds(orderIds: readonly string[]): void {
  const issues = duplicateOrderIdIssues(orderIds);
  const [first] = issues;
  if (first !== undefined) throw new ValidationError({ api: tidPath, ...first, issues });
}
