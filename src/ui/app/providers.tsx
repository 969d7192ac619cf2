import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../api/query-client.ts';
import { CalculationProvider } from './calculation-context.tsx';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <CalculationProvider>{children}</CalculationProvider>
    </QueryClientProvider>
  );
}
