/** The ready list: oldest first, stale entries skipped, and its length in proportion to what the group holds. */
import { describe, expect, it } from 'vitest';
import { ReadyList } from './ready-list.js';

interface Item {
  readonly name: number;
  dueAt: number;
}

const waiting = Number.NEGATIVE_INFINITY;

function setup() {
  const held = new Set<Item>();
  const list = new ReadyList<Item>(
    (item) => item.dueAt === waiting && held.has(item),
    () => held.size,
  );
  const add = (name: number): Item => {
    const item = { name, dueAt: waiting };
    held.add(item);
    list.push(item);
    return item;
  };
  const drain = () => {
    const names: number[] = [];
    for (let item = list.next(); item !== undefined; item = list.next()) names.push(item.name);
    return names;
  };
  return { list, held, add, drain };
}

describe('ReadyList', () => {
  it('hands out items oldest first and skips those that stopped waiting', () => {
    const { add, held, drain } = setup();
    const [, second, third] = [add(1), add(2), add(3), add(4)];
    (second as Item).dueAt = 5_000; // pushed meanwhile
    held.delete(third as Item); // confirmed or evicted
    expect(drain()).toEqual([1, 4]);
  });

  it('stays as long as what is held when the oldest item is evicted as each new one comes', () => {
    const { list, add, held } = setup();
    const bound = 100;
    const order: Item[] = [];
    for (let name = 0; name < 100_000; name++) {
      order.push(add(name));
      if (held.size > bound) {
        const oldest = order.shift() as Item;
        held.delete(oldest);
        oldest.dueAt = Number.POSITIVE_INFINITY; // as the group marks an evicted delivery
      }
    }
    // What is left to go through: the last `bound` items (plus at most one stale one at the head).
    const names: number[] = [];
    for (let item = list.next(); item !== undefined; item = list.next()) names.push(item.name);
    expect(names).toEqual(Array.from({ length: bound }, (_, index) => 100_000 - bound + index));
  });

  it('sweeps stale entries once they outnumber the live ones, keeping each live entry once', () => {
    const { list, add, held, drain } = setup();
    const keep = add(0);
    list.push(keep); // listed twice by mistake
    for (let name = 1; name <= 1_000; name++) held.delete(add(name)); // gone, but still listed behind `keep`
    // The sweep ran (1,002 entries for 1 held) and kept `keep` once.
    expect(drain()).toEqual([0]);
  });

  it('forgets everything on clear', () => {
    const { list, add, drain } = setup();
    add(1);
    list.clear();
    expect(drain()).toEqual([]);
  });
});
