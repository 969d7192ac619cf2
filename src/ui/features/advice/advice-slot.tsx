/** The cards' advice, loaded on demand: the app shell hands this to the option cards. */
import { lazy, Suspense } from 'react';
import type { OptionAdviceProps } from './option-advice.tsx';

const OptionAdvice = lazy(() => import('./option-advice.tsx'));

export function AdviceSlot(props: OptionAdviceProps) {
  return (
    <Suspense fallback={null}>
      <OptionAdvice {...props} />
    </Suspense>
  );
}
