/**
 * Pairing a call's result items with the items sent, by an echoed key (`order_id`). Positions cannot be
 * trusted: the Douyin document's own example answers in a different order than it was asked.
 */

/**
 * For each sent item, the result whose key matches, or `undefined` if none does. Equal keys pair in order
 * of appearance (the first result with a key goes to the first item with it), so an order sent twice gets
 * both of its results.
 * @example alignByKey(chunk, response.items, (item) => item.order_id, (result) => result.order_id)
 */
export function alignByKey<Item, Result>(
  items: readonly Item[],
  results: readonly Result[],
  itemKey: (item: Item) => string,
  resultKey: (result: Result) => string,
): Array<Result | undefined> {
  const queues = new Map<string, Result[]>();
  for (const result of results) {
    const key = resultKey(result);
    const queue = queues.get(key);
    if (queue) queue.push(result);
    else queues.set(key, [result]);
  }
  return items.map((item) => queues.get(itemKey(item))?.shift());
}
