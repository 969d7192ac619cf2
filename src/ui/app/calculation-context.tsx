/**
 * Computes the page's results once per render at the top and hands them down: the validation of
 * the draft, the (last valid) estimate and the region's price information.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../state/app-store.ts';
import { createCalculator, type Calculation } from '../../state/calculator.ts';
import { useRegionPricing, type PricingInfo } from '../../api/pricing-queries.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import { estimateEngineQueryOptions } from './estimate-engine.ts';
import type { ShownProblem } from '../lib/field-problems.ts';
import { fieldWordsQueryOptions, plainFieldProblems } from './field-words.ts';

export interface CalculationContextValue extends Calculation {
  /** The problems in the editor's words, one per highlighted field (`problems` holds the same texts by path). */
  shownProblems: readonly ShownProblem[];
  snapshot: RegionSnapshot | undefined;
  pricing: PricingInfo | null;
  pricesLoading: boolean;
  pricesError: Error | null;
  retryPrices: () => void;
}

const CalculationContext = createContext<CalculationContextValue | null>(null);

export function CalculationProvider({ children }: { children: ReactNode }) {
  const draft = useAppStore((s) => s.scenario);
  const prices = useRegionPricing(draft.region);
  const engine = useQuery(estimateEngineQueryOptions);
  // One calculator per engine: none while the engine loads, then one for the page's lifetime.
  const calculate = useMemo(() => createCalculator(engine.data), [engine.data]);
  const calculation = calculate(draft, prices.snapshot);
  const lastRenamed = useAppStore((s) => s.lastRenamedService);
  const words = useQuery(fieldWordsQueryOptions);
  const describe = words.data?.describe;
  const worded = useMemo(
    () =>
      describe ? describe(draft, calculation.problemList, lastRenamed) : plainFieldProblems(calculation.problemList),
    [describe, draft, calculation.problemList, lastRenamed],
  );
  const pricesError = prices.error ?? engine.error;
  const value = useMemo<CalculationContextValue>(
    () => ({
      ...calculation,
      problems: worded.byPath,
      shownProblems: worded.list,
      snapshot: prices.snapshot,
      pricing: prices.pricing,
      pricesLoading: prices.isLoading || engine.isPending,
      pricesError,
      retryPrices: () => {
        prices.refetch();
        if (engine.error) void engine.refetch();
      },
    }),
    // The calculation's parts are memoized objects; a new draft gives new ones.
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- listed by part on purpose
    [
      worded,
      calculation.problems,
      calculation.estimate,
      calculation.staleBecause,
      prices.snapshot,
      prices.isLoading,
      engine.isPending,
      pricesError,
    ],
  );
  return <CalculationContext.Provider value={value}>{children}</CalculationContext.Provider>;
}

export function useCalculation(): CalculationContextValue {
  const value = useContext(CalculationContext);
  if (!value) throw new Error('useCalculation must be used inside <CalculationProvider>');
  return value;
}
