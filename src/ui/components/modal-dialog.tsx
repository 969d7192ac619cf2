import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

export interface ModalDialogProps {
  /** The box's own class ("export-dialog"): its size and the layout of what it holds. */
  className: string;
  title: ReactNode;
  /** A line under the title, read as the dialog's description. */
  description?: ReactNode;
  /** The Close button's accessible name ("Close export dialog"). */
  closeLabel: string;
  closeClassName?: string;
  /** The foot: the dialog's status and its main action. */
  footer: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog, as the WAI-ARIA modal dialog pattern has it: focus moves into it when it opens
 * and back to what opened it when it closes, Tab and Shift+Tab stay inside, Escape and a press on
 * the backdrop close it.
 */
export function ModalDialog(props: ModalDialogProps) {
  const { className, title, description, closeLabel, closeClassName, footer, onClose, children } = props;
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialogRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => opener?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className={`modal ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        // Focusable itself, so a click on plain text inside keeps focus (and Escape, Tab) in the dialog.
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="modal-head">
          <div>
            <h2 id={titleId}>{title}</h2>
            {description ? (
              <p id={descriptionId} className="muted">
                {description}
              </p>
            ) : null}
          </div>
          <button type="button" className={closeClassName} onClick={onClose} aria-label={closeLabel}>
            Close
          </button>
        </header>
        {children}
        <footer className="modal-foot">{footer}</footer>
      </div>
    </div>
  );
}
