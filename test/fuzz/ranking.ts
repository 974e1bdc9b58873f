/**
 * What a valid competition ranking is ("1, 2, 2, 4"), stated independently of src/rank.ts
 * so the property tests check the commands' output against the definition, not against
 * the code that produced it.
 */
export interface RankedItem {
  rank: number;
  /** The value ranked on (after any rounding the method prescribes). */
  key: number;
  tied?: boolean;
}

/**
 * Problems with a ranking, empty when valid: listed in rank order; each rank is one more
 * than the number of items strictly better; `tied` exactly when another item has the same
 * key. `better(a, b)` is true when key a ranks strictly before key b.
 */
export function rankingProblems(
  items: readonly RankedItem[],
  better: (a: number, b: number) => boolean,
): string[] {
  const problems: string[] = [];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    if (previous !== undefined && previous.rank > item.rank) {
      problems.push(`item ${i}: rank ${item.rank} listed after rank ${previous.rank}`);
    }
    const strictlyBetter = items.filter((other) => better(other.key, item.key)).length;
    if (item.rank !== strictlyBetter + 1) {
      problems.push(
        `item ${i} (key ${item.key}): rank ${item.rank}, expected ${strictlyBetter + 1}`,
      );
    }
    if (item.tied !== undefined) {
      const shares = items.some((other, j) => j !== i && other.key === item.key);
      if (item.tied !== shares) problems.push(`item ${i}: tied=${item.tied}, expected ${shares}`);
    }
  });
  return problems;
}
