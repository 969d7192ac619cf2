import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SweepPoint } from '../../../domain/cost/sweep-replicas.ts';
import { OPTION_IDS, OPTION_LABELS } from '../../../domain/cost/estimate-types.ts';
import { OPTION_COLORS, OPTION_DASH } from './chart-data.ts';
import { money, quantity } from '../../lib/format.ts';

const axisMoney = (v: number) => (Math.abs(v) >= 10_000 ? `$${Math.round(v / 1000)}k` : `$${Math.round(v)}`);

/** Monthly cost of each option as every service's replicas scale together; a line per option. */
export function ScaleLineChart({
  points,
  currentReplicas,
}: {
  points: readonly SweepPoint[];
  currentReplicas: number;
}) {
  const data = points.map((p) => ({ replicas: p.totalReplicas, ...p.monthlyUSD }));
  const present = OPTION_IDS.filter((id) => points.some((p) => p.monthlyUSD[id] !== null));
  return (
    <figure className="chart">
      <figcaption id="scale-chart-title">Monthly cost against total replicas</figcaption>
      <div className="chart-box" role="img" aria-labelledby="scale-chart-title" aria-describedby="break-even-list">
        <ResponsiveContainer width="100%" height={320}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="replicas"
              type="number"
              domain={['dataMin', 'dataMax']}
              tick={{ fontSize: 12 }}
              label={{ value: 'Total replicas', position: 'insideBottom', offset: -12, fontSize: 12 }}
            />
            <YAxis tickFormatter={axisMoney} width={56} tick={{ fontSize: 12 }} />
            <Tooltip
              formatter={(value) => money(Number(value))}
              labelFormatter={(label) => `${quantity(Number(label), 2)} replicas`}
            />
            <Legend verticalAlign="top" height={36} />
            <ReferenceLine
              x={currentReplicas}
              stroke="#444"
              strokeDasharray="4 4"
              label={{ value: 'today', position: 'insideTopRight', fontSize: 12 }}
            />
            {present.map((id) => (
              <Line
                key={id}
                dataKey={id}
                name={OPTION_LABELS[id]}
                type="stepAfter"
                stroke={OPTION_COLORS[id]}
                strokeWidth={2}
                strokeDasharray={OPTION_DASH[id]}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-table">
        <summary>
          Show as a table<span className="visually-hidden">: monthly cost against total replicas</span>
        </summary>
        <div
          className="table-scroll table-tall"
          role="region"
          aria-label="Monthly cost by total replicas, table (scrolls)"
          tabIndex={0}
        >
          <table>
            <caption className="visually-hidden">Monthly cost of each option by total replicas</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Replicas
                </th>
                {OPTION_IDS.map((id) => (
                  <th key={id} scope="col" className="num">
                    {OPTION_LABELS[id]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.factor}>
                  <th scope="row" className="num">
                    {quantity(p.totalReplicas, 2)}
                  </th>
                  {OPTION_IDS.map((id) => (
                    <td key={id} className="num">
                      {p.monthlyUSD[id] === null ? 'Unavailable' : money(p.monthlyUSD[id])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
