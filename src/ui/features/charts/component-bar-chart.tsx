import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CATEGORY_COLORS, type BreakdownRow } from './chart-data.ts';
import { LINE_CATEGORIES, LINE_CATEGORY_LABELS } from '../../../domain/cost/line-kinds.ts';
import { money } from '../../lib/format.ts';

const axisMoney = (v: number) => (Math.abs(v) >= 10_000 ? `$${Math.round(v / 1000)}k` : `$${Math.round(v)}`);

/** "ECS on Fargate" on two lines ("ECS", "on Fargate"), so four labels fit a phone's width. */
function OptionTick({ x = 0, y = 0, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const [head, ...rest] = (payload?.value ?? '').split(' ');
  return (
    <text x={x} y={y + 12} textAnchor="middle" fontSize={12} fill="#4a5363">
      <tspan x={x}>{head}</tspan>
      <tspan x={x} dy={14}>
        {rest.join(' ')}
      </tspan>
    </text>
  );
}

/** Stacked bars: each option's monthly total split by bill category (compute, storage, control plane, network, logs,
 * discounts, team time), showing the categories that have any cost. */
export function ComponentBarChart({ rows }: { rows: readonly BreakdownRow[] }) {
  const used = LINE_CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
  const summary = rows.map((r) => `${r.option} ${money(r.total)}`).join(', ');
  return (
    <figure className="chart">
      <figcaption id="bar-chart-title">Monthly cost by component</figcaption>
      <div className="chart-box" role="img" aria-labelledby="bar-chart-title" aria-describedby="bar-chart-summary">
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={[...rows]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} stackOffset="sign">
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="option" tick={<OptionTick />} interval={0} height={40} />
            <YAxis tickFormatter={axisMoney} width={56} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => money(Number(value))} />
            <Legend />
            {used.map((c) => (
              <Bar
                key={c}
                dataKey={c}
                name={LINE_CATEGORY_LABELS[c]}
                stackId="total"
                fill={CATEGORY_COLORS[c]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p id="bar-chart-summary" className="visually-hidden">
        Totals: {summary}.
      </p>
      <details className="chart-table">
        <summary>
          Show as a table<span className="visually-hidden">: monthly cost by component</span>
        </summary>
        <div
          className="table-scroll"
          role="region"
          aria-label="Monthly cost by component, table (scrolls sideways)"
          tabIndex={0}
        >
          <table>
            <caption className="visually-hidden">Monthly cost by component and option</caption>
            <thead>
              <tr>
                <th scope="col">Option</th>
                {used.map((c) => (
                  <th key={c} scope="col" className="num">
                    {LINE_CATEGORY_LABELS[c]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.option}</th>
                  {used.map((c) => (
                    <td key={c} className="num">
                      {money(r[c])}
                    </td>
                  ))}
                  <td className="num">{money(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
