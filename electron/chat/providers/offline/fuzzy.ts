/**
 * Keyword matching that forgives the typos people make in a chat box ("levles", "optoins", "alret").
 * Deliberately strict: the first letter must match and short words must match exactly, so that
 * "spy" never turns into "spx" and "iv" never into "ivy".
 */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, each 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Typos allowed for a keyword of this length: none up to 3 letters, one up to 7, two beyond. */
export function allowedTypos(keyword: string): number {
  if (keyword.length <= 3) return 0;
  return keyword.length <= 7 ? 1 : 2;
}

/** Whether a typed word stands for `keyword` (same first letter, within the allowed typos). */
export function wordMatches(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  const typos = allowedTypos(keyword);
  if (typos === 0 || word.length < 3 || word[0] !== keyword[0] || Math.abs(word.length - keyword.length) > typos) return false;
  return editDistance(word, keyword) <= typos;
}
