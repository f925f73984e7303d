/**
 * Pairing a call's answer with the messages of its chunk. Positions cannot be trusted — the seed document's own
 * example answers an order message and a phone message in swapped order — but each result echoes `order_id`:
 * the order id for a message to an order's buyer, "" for a message to a phone. So messages to orders pair by
 * their order id, and messages to phones pair with the "" results in order of appearance (the echo cannot tell
 * two phones apart).
 *
 * A key answered a different number of times than it was sent cannot be paired: nobody can tell which of its
 * messages went out (three phone messages and two "" results — which phone is missing?). All of that key's
 * messages are left unpaired and become `missing-result` failures (maybe sent) instead of a guess. Results
 * echoing an order id that was not sent are ignored: they belong to no message.
 */
import { alignByKey } from '@x/core';

/** A message of the chunk with the key its result echoes. */
export interface AnswerKeyed {
  readonly answerKey: string;
}

/** For each sent message, its result, or `undefined` when the answer cannot be trusted to have one. */
export function pairDoudianAnswer<Item extends AnswerKeyed, Result extends { readonly order_id: string }>(
  sent: readonly Item[],
  answer: readonly Result[],
): Array<Result | undefined> {
  const sentCounts = countKeys(sent.map((item) => item.answerKey));
  const answeredCounts = countKeys(answer.map((result) => result.order_id));
  const pairable = answer.filter(
    (result) => sentCounts.get(result.order_id) === answeredCounts.get(result.order_id),
  );
  return alignByKey(
    sent,
    pairable,
    (item) => item.answerKey,
    (result) => result.order_id,
  );
}

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
