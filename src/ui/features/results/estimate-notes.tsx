/** Warnings (always visible) and the modelling assumptions behind the numbers. */
export function EstimateNotes({
  warnings,
  assumptions,
}: {
  warnings: readonly string[];
  assumptions: readonly string[];
}) {
  return (
    <div className="estimate-notes">
      {warnings.length > 0 ? (
        <div className="warnings">
          <h3>Warnings</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="assumptions" open>
        <summary>Assumptions ({assumptions.length})</summary>
        <ul>
          {assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
