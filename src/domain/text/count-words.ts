/** "1 replica", "2 replicas", "0.5 replicas": a count and its noun, singular only for exactly one. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** 38, 2.5, 1,200: up to two decimals, thousands separated. */
function formatCount(count: number): string {
  return Number.isFinite(count) ? Number(count.toFixed(2)).toLocaleString('en-US') : String(count);
}
