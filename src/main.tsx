import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startUrlSync } from './state/url-sync.ts';
import { loadShareCodec } from './state/share-codec-loader.ts';
import { Providers } from './ui/app/providers.tsx';
import { App } from './ui/app/app.tsx';
import './ui/app/app.css';

async function start(): Promise<void> {
  // A fragment is read before the first render, so a link opens on its own scenario, never on the
  // default one first; the link reader loads only for it (a failed download is reported by
  // startUrlSync's notice).
  if (window.location.hash.length > 1) await loadShareCodec().catch(() => undefined);
  // Restore the scenario from the link (or show why not) before the first render, then keep the link current.
  startUrlSync(window);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  );
  // After the first paint, the encoder for the links the page writes.
  requestAnimationFrame(() => setTimeout(() => void loadShareCodec().catch(() => undefined), 0));
}

void start();
