/**
 * Runs `fn` over `items` with at most `limit` running at once, so that a provider fetching
 * uncached data is not flooded (the alert worker's quotes, the scanner's bars and chains).
 */
export async function inBatches<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
