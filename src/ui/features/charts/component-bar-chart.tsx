import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarSeries } from './chart-data.ts';
import { money } from '../../lib/format.ts';
import { axisMoney } from './axis-format.ts';

/** Height of one option's bar row; the chart grows with the number of options instead of crowding labels. */
const ROW_PX = 46;

/**
 * Stacked bars, one per option in the option's own colour (the colour the cards and the line chart
 * use), split into the bill categories it has (compute, storage, control plane, network, logs,
 * discounts, team time) in lighter shades of that colour. Bars lie horizontally, so every option's
 * name is written out in full at any width; the legend is HTML beside the plot, never over it.
 */
export function ComponentBarChart({ series }: { series: BarSeries }) {
  const { rows, categories, fills, ticks, domain } = series;
  const summary = rows.map((r) => `${r.option} ${money(r.total)}`).join(', ');
  return (
    <figure className="chart">
      <figcaption id="bar-chart-title">Monthly cost by component</figcaption>
      <ul className="chart-legend" aria-label="Components (shades of each option's colour)">
        {categories.map((c) => (
          <li key={c.category}>
            <span className="legend-swatch" aria-hidden="true" style={{ background: c.legendColor }} />
            {c.label}
          </li>
        ))}
      </ul>
      <div className="chart-box" role="img" aria-labelledby="bar-chart-title" aria-describedby="bar-chart-summary">
        <ResponsiveContainer width="100%" height={rows.length * ROW_PX + 40}>
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 28, bottom: 4, left: 4 }}
            stackOffset="sign"
            barCategoryGap="22%"
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              domain={domain}
              ticks={ticks}
              interval={0}
              tickFormatter={axisMoney}
              tick={{ fontSize: 12 }}
            />
            <YAxis type="category" dataKey="option" width={112} interval={0} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => money(Number(value))} />
            {categories.map((c) => (
              <Bar
                key={c.category}
                dataKey={c.category}
                name={c.label}
                stackId="total"
                stroke="currentColor"
                strokeWidth={0.5}
                isAnimationActive={false}
              >
                {rows.map((row, i) => (
                  <Cell key={row.id} fill={fills[i]![c.category]} />
                ))}
              </Bar>
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
                {categories.map((c) => (
                  <th key={c.category} scope="col" className="num">
                    {c.label}
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
                  {categories.map((c) => (
                    <td key={c.category} className="num">
                      {money(r[c.category])}
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
