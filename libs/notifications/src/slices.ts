import { setImmediate } from 'node:timers/promises';

/*
 * Work over many items in slices, with the event loop given back between them (`setImmediate`):
 * the worker's timers, lock renewals and other jobs run in between, where one pass over the items
 * of a catch-up held the loop for tens of milliseconds.
 */

/** `items.map(map)`, `size` items at a time. */
export async function mapInSlices<T, U>(items: readonly T[], size: number, map: (item: T) => U): Promise<U[]> {
  const mapped: U[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await setImmediate();
    for (let j = i; j < Math.min(i + size, items.length); j++) mapped.push(map(items[j]));
  }
  return mapped;
}

/** `JSON.stringify(items)` for an array, `size` items at a time. */
export async function jsonInSlices(items: readonly unknown[], size: number): Promise<string> {
  const pieces: string[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await setImmediate();
    pieces.push(JSON.stringify(items.slice(i, i + size)).slice(1, -1));
  }
  return `[${pieces.join(',')}]`;
}
