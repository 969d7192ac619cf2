import { useEffect } from 'react';
import { redo, undo, useAppStore } from '../../../state/app-store.ts';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Undo and Redo for the scenario (edits, preset loads, imports, removals), as buttons and as
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y anywhere on the page. Inside a text box the shortcut
 * undoes the scenario too, so the box and the results never disagree.
 */
export function UndoControls() {
  const undoStep = useAppStore((s) => s.past.at(-1)?.reason);
  const redoStep = useAppStore((s) => s.future[0]?.reason);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      if (!(isMac() ? event.metaKey : event.ctrlKey)) return;
      // Not inside a dialog: the export preview has its own text to select.
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !isMac())) {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const shortcut = isMac() ? '⌘Z' : 'Ctrl+Z';
  return (
    <div className="undo-controls" role="group" aria-label="History">
      <button
        type="button"
        className="button-small"
        onClick={undo}
        disabled={!undoStep}
        title={undoStep ? `Undo: ${undoStep} (${shortcut})` : 'Nothing to undo'}
        aria-describedby="undo-step"
      >
        Undo
      </button>
      <button
        type="button"
        className="button-small"
        onClick={redo}
        disabled={!redoStep}
        title={redoStep ? `Redo: ${redoStep}` : 'Nothing to redo'}
      >
        Redo
      </button>
      <span id="undo-step" className="undo-step muted" aria-live="polite">
        {undoStep ? `Last change: ${undoStep}` : ''}
      </span>
    </div>
  );
}
