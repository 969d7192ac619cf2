/** "$250", "$1,500", "$12k": money on a chart axis, short enough for a phone. */
export function axisMoney(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs >= 10_000) return `${sign}$${Number((abs / 1000).toFixed(1)).toLocaleString('en-US')}k`;
  return `${sign}$${Number(abs.toFixed(2)).toLocaleString('en-US')}`;
}
