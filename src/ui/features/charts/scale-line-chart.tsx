import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepPoint } from '../../../domain/cost/sweep-replicas.ts';
import { OPTION_IDS, OPTION_LABELS } from '../../../domain/cost/estimate-types.ts';
import type { ScaleSeries } from './chart-data.ts';
import { money, quantity } from '../../lib/format.ts';
import { axisMoney } from './axis-format.ts';
import { countOf } from '../../../domain/text/count-words.ts';

/**
 * Monthly cost of each option as every service's replicas scale together: a line per option in
 * the option's colour and dash pattern. The x ticks are samples of the series (all drawn, none
 * skipped); the legend is HTML above the plot, so it wraps on a phone instead of covering it.
 */
export function ScaleLineChart({
  series,
  points,
  currentReplicas,
}: {
  series: ScaleSeries;
  points: readonly SweepPoint[];
  currentReplicas: number;
}) {
  const { data, lines, xTicks, yTicks, yDomain } = series;
  return (
    <figure className="chart">
      <figcaption id="scale-chart-title">Monthly cost against total replicas</figcaption>
      <ul className="chart-legend" aria-label="Options">
        {lines.map((line) => (
          <li key={line.id}>
            <svg className="legend-line" width="28" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="27" y2="5" stroke={line.color} strokeWidth="3" strokeDasharray={line.dash} />
            </svg>
            {line.label}
          </li>
        ))}
      </ul>
      <div className="chart-box" role="img" aria-labelledby="scale-chart-title" aria-describedby="break-even-list">
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={data} margin={{ top: 20, right: 28, bottom: 24, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="replicas"
              type="number"
              domain={['dataMin', 'dataMax']}
              ticks={xTicks}
              interval={0}
              tickFormatter={(v: number) => quantity(v, 2)}
              tick={{ fontSize: 12 }}
              label={{ value: 'Total replicas', position: 'insideBottom', offset: -12, fontSize: 12 }}
            />
            <YAxis
              domain={yDomain}
              ticks={yTicks}
              interval={0}
              tickFormatter={axisMoney}
              width={60}
              tick={{ fontSize: 12 }}
            />
            <Tooltip
              formatter={(value) => money(Number(value))}
              labelFormatter={(label) => countOf(Number(label), 'replica')}
            />
            <ReferenceLine
              x={currentReplicas}
              stroke="currentColor"
              strokeDasharray="4 4"
              label={{ value: 'today', position: 'top', fontSize: 12 }}
            />
            {lines.map((line) => (
              <Line
                key={line.id}
                dataKey={line.id}
                name={line.label}
                type="stepAfter"
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={line.dash}
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
