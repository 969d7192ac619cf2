import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startUrlSync } from './state/url-sync.ts';
import { Providers } from './ui/app/providers.tsx';
import { App } from './ui/app/app.tsx';
import './ui/app/app.css';

// Restore the scenario from the link (or show why not) before the first render, then keep the link current.
startUrlSync(window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
