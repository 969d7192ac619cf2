import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startUrlSync } from './state/url-sync.ts';
import { loadShareCodec } from './state/share-codec-loader.ts';
import { loadValidation } from './state/validation-loader.ts';
import { hasStoredDraft } from './state/draft-storage.ts';
import { Providers } from './ui/app/providers.tsx';
import { App } from './ui/app/app.tsx';
import './ui/app/app.css';

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage blocked by the browser's settings
  }
})();

async function start(): Promise<void> {
  // A link or a saved draft is read before the first render, so the page opens on it, never on the
  // default scenario first. The link reader and validation load only for them (a failed download
  // is reported by startUrlSync's notice, and a draft is then read as unchecked).
  await Promise.all([
    window.location.hash.length > 1 ? loadShareCodec().catch(() => undefined) : undefined,
    hasStoredDraft(storage) ? loadValidation().catch(() => undefined) : undefined,
  ]);
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
