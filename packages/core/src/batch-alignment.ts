/**
 * Pairing a call's result items with the items sent, by an echoed key (`order_id`). Positions cannot be
 * trusted: the Douyin document's own example answers in a different order than it was asked.
 */

/** Options of `alignByKey`. */
export interface AlignByKeyOptions {
  /**
   * Pair a key only when the answer has exactly as many results with it as there are items with it. When the
   * counts differ (two items sent with one order id, one result back) nobody can tell which of those items a
   * result belongs to, so all of them are left unpaired — `undefined`, which `sendInChunks` makes a
   * `missing-result` failure that may have been sent — instead of a guess.
   * @default false
   */
  readonly strict?: boolean | undefined;
}

/**
 * For each sent item, the result whose key matches, or `undefined` if none does. Equal keys pair in order
 * of appearance (the first result with a key goes to the first item with it), so an order sent twice gets
 * both of its results; with `strict`, only when both came back. Results whose key no item has are ignored.
 * @example alignByKey(chunk, response.items, (item) => item.order_id, (result) => result.order_id, { strict: true })
 */
export function alignByKey<Item, Result>(
  items: readonly Item[],
  results: readonly Result[],
  itemKey: (item: Item) => string,
  resultKey: (result: Result) => string,
  options: AlignByKeyOptions = {},
): Array<Result | undefined> {
  const queues = new Map<string, Result[]>();
  for (const result of results) {
    const key = resultKey(result);
    const queue = queues.get(key);
    if (queue) queue.push(result);
    else queues.set(key, [result]);
  }
  const keys = items.map(itemKey);
  if (options.strict) {
    const sentCounts = new Map<string, number>();
    for (const key of keys) sentCounts.set(key, (sentCounts.get(key) ?? 0) + 1);
    for (const [key, count] of sentCounts) {
      if (queues.get(key)?.length !== count) queues.delete(key);
    }
  }
  return keys.map((key) => queues.get(key)?.shift());
}
