/**
 * Pairing a call's answer with the items of its chunk. The gateway echoes each item's `order_id`, and that
 * echo decides: an answer in request order pairs position by position, an answer in another order (as the
 * fw199 Douyin document's own example is) still pairs correctly. Equal order ids (only with
 * `allowDuplicateOrderIds`) pair in order of appearance — but only when the answer has exactly as many results
 * for that order id as were sent. Otherwise nobody can tell which of those items went out, so all of them are
 * left unpaired and become `missing-result` failures (maybe sent) instead of a guess. Results echoing an order
 * id that was not sent are ignored: they belong to no item.
 */
import { alignByKey } from '@x/core';

/** For each sent item, its result, or `undefined` when the answer cannot be trusted to have one. */
export function pairTidAnswer<
  Item extends { readonly order_id: string },
  Result extends { readonly order_id: string },
>(sent: readonly Item[], answer: readonly Result[]): Array<Result | undefined> {
  const sentCounts = countOrderIds(sent);
  const answeredCounts = countOrderIds(answer);
  const pairable = answer.filter(
    (result) => sentCounts.get(result.order_id) === answeredCounts.get(result.order_id),
  );
  return alignByKey(
    sent,
    pairable,
    (item) => item.order_id,
    (result) => result.order_id,
  );
}

function countOrderIds(entries: readonly { readonly order_id: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { order_id } of entries) counts.set(order_id, (counts.get(order_id) ?? 0) + 1);
  return counts;
}
