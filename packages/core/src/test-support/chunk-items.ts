/**
 * What the batching tests share: numbered order items, their echo, and a chunk sender that succeeds for
 * every item.
 */

import type { BatchResult } from '../batching.js';

export interface Item {
  readonly order_id: string;
}
type Result = BatchResult<{ order_id: string; request_id: string }, { order_id: string }>;

export const api = '/gateway/taobao/jst/sms/tid/send';
export const itemsOf = (count: number): Item[] =>
  Array.from({ length: count }, (_, index) => ({ order_id: String(1000 + index) }));
export const echo = (item: Item) => ({ order_id: item.order_id });
export const succeed = async (chunk: readonly Item[]): Promise<Result[]> =>
  chunk.map((item) => ({ ok: true, order_id: item.order_id, request_id: `r${item.order_id}` }));
