/** Renders UI under test with the real store and a QueryClient already holding us-east-1 prices, the engine (with validation), the option cards and the wording of field problems. */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { regionPricingQueryOptions } from '../../api/pricing-queries.ts';
import { CalculationProvider } from '../app/calculation-context.tsx';
import { estimateEngineQueryOptions } from '../app/estimate-engine.ts';
import { estimateScenario } from '../../domain/cost/estimate.ts';
import * as validation from '../../state/scenario-validation.ts';
import { optionGridQueryOptions } from '../features/results/option-grid-module.ts';
import { OptionGrid } from '../features/results/option-grid.tsx';
import { fieldWordsQueryOptions } from '../app/field-words.ts';
import { describeFieldProblems } from '../lib/field-problems.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import usEast1 from '../../../public/pricing/us-east-1.json' with { type: 'json' };

export const US_EAST_1 = usEast1 as unknown as RegionSnapshot;

export function renderWithPrices(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(regionPricingQueryOptions('us-east-1').queryKey, US_EAST_1);
  client.setQueryData(estimateEngineQueryOptions.queryKey, { estimateScenario, validation });
  client.setQueryData(optionGridQueryOptions.queryKey, { OptionGrid });
  client.setQueryData(fieldWordsQueryOptions.queryKey, { describe: describeFieldProblems });
  return render(
    <QueryClientProvider client={client}>
      <CalculationProvider>{ui}</CalculationProvider>
    </QueryClientProvider>,
  );
}
