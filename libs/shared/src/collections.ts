export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Groups rows into a map of lists, e.g. points by investigation id for a DataLoader. */
export function group<R, K, V>(rows: readonly R[], key: (r: R) => K, value: (r: R) => V): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(key(row)) ?? [];
    list.push(value(row));
    map.set(key(row), list);
  }
  return map;
}

/** Escapes LIKE wildcards in a user's search term. */
export function likeTerm(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
