/**
 * Keeps the items `keep` accepts and points each kept item's parent index at the kept list (null when
 * its parent was dropped). Quotes refer to their enclosing quote by index, so dropping any quote shifts
 * the rest: every stage that filters quotes needs this, and one copy keeps them agreeing.
 */
export function keepWithParents<T, K extends T>(
  items: readonly T[],
  keep: (item: T, index: number) => item is K,
  parentOf: (item: K) => number | null,
  withParent: (item: K, parent: number | null) => K,
): K[];
export function keepWithParents<T>(
  items: readonly T[],
  keep: (item: T, index: number) => boolean,
  parentOf: (item: T) => number | null,
  withParent: (item: T, parent: number | null) => T,
): T[];
export function keepWithParents<T>(
  items: readonly T[],
  keep: (item: T, index: number) => boolean,
  parentOf: (item: T) => number | null,
  withParent: (item: T, parent: number | null) => T,
): T[] {
  const index = new Map<number, number>();
  const kept: T[] = [];
  items.forEach((item, i) => {
    if (!keep(item, i)) return;
    index.set(i, kept.length);
    kept.push(item);
  });
  return kept.map((item) => {
    const parent = parentOf(item);
    return parent === null ? item : withParent(item, index.get(parent) ?? null);
  });
}
