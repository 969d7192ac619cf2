import type { CostLine } from '../../../domain/cost/cost-line.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import { money, quantity, unitPrice } from '../../lib/format.ts';

export function sourceTitle(line: CostLine, snapshot: RegionSnapshot | undefined): string {
  if (line.source === 'scenario') return 'Set in this scenario';
  // Every source id of a validated snapshot is a key of its sources (region-snapshot-schema.ts).
  return snapshot?.sources[line.source]?.title ?? line.source;
}

/** The bill of one option: quantity x unit price = amount, with where each price comes from. */
export function LineItems({
  lines,
  snapshot,
  caption,
}: {
  lines: readonly CostLine[];
  snapshot: RegionSnapshot | undefined;
  caption: string;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="line-items">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            <th scope="col">Quantity × unit price</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={`${line.component}-${i}`}>
              <th scope="row">
                {line.component}
                <span className="line-source">
                  {sourceTitle(line, snapshot)}
                  {line.asOf ? `, ${line.asOf}` : ''}
                  {line.derived ? ` (derived: ${line.derived})` : ''}
                </span>
              </th>
              <td>
                {quantity(line.quantity, 6)} {line.unit} × {unitPrice(line.unitPriceUSD)}
              </td>
              <td className="num">{money(line.monthlyUSD)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
