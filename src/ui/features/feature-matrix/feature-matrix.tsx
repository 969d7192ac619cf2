import {
  FEATURE_MATRIX_OPTION_IDS,
  FEATURE_ROWS,
  SUPPORT_LEVEL_TEXT,
  type FeatureCell,
} from '../../../domain/features/feature-matrix.ts';
import { FEATURE_SOURCES, type FeatureSourceId } from '../../../domain/features/feature-sources.ts';
import { OPTION_LABELS } from '../../../domain/cost/estimate-types.ts';

const SYMBOL = { yes: '✓', partial: '◐', no: '✗', neutral: '•' } as const;
const SOURCE_IDS = Object.keys(FEATURE_SOURCES) as FeatureSourceId[];
const sourceNumber = (id: FeatureSourceId) => SOURCE_IDS.indexOf(id) + 1;

/** Opens the source list and moves focus to the source (no fragment links: the fragment is the share link). */
function showSource(id: FeatureSourceId) {
  const item = document.getElementById(`feature-source-${id}`);
  const details = item?.closest('details');
  if (details) details.open = true;
  item?.scrollIntoView({ block: 'center' });
  item?.focus();
}

function Cell({ cell }: { cell: FeatureCell }) {
  return (
    <td className={`level-${cell.level}`}>
      <span className="level-symbol" aria-hidden="true">
        {SYMBOL[cell.level]}
      </span>{' '}
      <span className="visually-hidden">{SUPPORT_LEVEL_TEXT[cell.level]}: </span>
      <span className="cell-value">{cell.value}</span>
      {cell.note ? <span className="cell-note">{cell.note}</span> : null}
      <button
        type="button"
        className="cell-source"
        title={FEATURE_SOURCES[cell.source].title}
        onClick={() => showSource(cell.source)}
      >
        Source {sourceNumber(cell.source)}
      </button>
    </td>
  );
}

/** What each option can and cannot do: the article's rows, then what users ask for, each with a source. Lazy-loaded. */
export default function FeatureMatrix() {
  return (
    <>
      <p className="muted">
        <span aria-hidden="true">✓</span> supported, <span aria-hidden="true">◐</span> partly or with extra work,{' '}
        <span aria-hidden="true">✗</span> not supported. The first{' '}
        {FEATURE_ROWS.filter((r) => r.origin === 'article').length} rows are the article's comparison.
      </p>
      <div className="table-scroll" role="region" aria-label="Feature matrix, scrolls sideways" tabIndex={0}>
        <table className="feature-matrix">
          <caption className="visually-hidden">
            Feature matrix: capabilities of ECS and EKS on Fargate and on EC2
          </caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              {FEATURE_MATRIX_OPTION_IDS.map((id) => (
                <th key={id} scope="col">
                  {OPTION_LABELS[id]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FEATURE_ROWS.map((row) => (
              <tr key={row.id} className={row.origin === 'asked' ? 'row-asked' : undefined}>
                <th scope="row">{row.label}</th>
                {FEATURE_MATRIX_OPTION_IDS.map((id) => (
                  <Cell key={id} cell={row.cells[id]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="sources">
        <summary>Sources ({SOURCE_IDS.length})</summary>
        <ol>
          {SOURCE_IDS.map((id) => (
            <li key={id} id={`feature-source-${id}`} tabIndex={-1}>
              {FEATURE_SOURCES[id].title}. <span className="mono break">{FEATURE_SOURCES[id].where}</span>
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
