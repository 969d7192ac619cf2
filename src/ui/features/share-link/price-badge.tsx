import { priceRangeText } from '../../../domain/cost/price-dates.ts';
import { useCalculation } from '../../app/calculation-context.tsx';

/** Where the prices come from and their date, always on screen. */
export function PriceBadge() {
  const { pricing, estimate, snapshot } = useCalculation();
  // The dates of the prices the estimate used (oldest to newest line), not the snapshot's compile date.
  const info = estimate
    ? {
        label: `${estimate.pricing.source === 'live' ? 'Live' : 'Bundled'} AWS ${priceRangeText(estimate.pricing)}`,
        reason: estimate.pricing.reason,
      }
    : pricing;
  const sources = snapshot ? Object.keys(snapshot.sources).length : 0;
  return (
    <p className="price-badge" role="note" aria-label="Price source">
      {info ? (
        <>
          <span className="price-label">{info.label}</span>
          <span className="muted">
            {' '}
            ·{' '}
            {snapshot?.source === 'live'
              ? 'AWS Price List API via the pricing proxy'
              : `snapshot files bundled with this page, compiled from ${sources} public price sources`}{' '}
            (each line item names its source)
          </span>
          {info.reason ? <span className="muted"> · Live prices unavailable: {info.reason}</span> : null}
        </>
      ) : (
        'Loading prices…'
      )}
    </p>
  );
}
