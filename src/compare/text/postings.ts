/**
 * An inverted index: each key with the ascending positions of the items holding it (an item's
 * repeated keys counted once). Claim grouping, the summary, restated-date and answer lookups all
 * find their candidate pairs through one of these instead of comparing every pair.
 */
export function postingLists<T>(items: readonly T[], keysOf: (item: T) => Iterable<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((item, p) => {
    for (const k of new Set(keysOf(item))) {
      const list = out.get(k);
      if (list) list.push(p);
      else out.set(k, [p]);
    }
  });
  return out;
}
