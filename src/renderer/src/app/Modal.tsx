import { useEffect, useRef, type ReactNode } from 'react';

/** A modal <dialog>: focus moves in, Esc closes, focus returns where it was. */
export function Modal({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="modal"
      aria-label={title}
      // The close event comes a task after close(): if the dialog has been opened again since, it is stale.
      onClose={(event) => {
        if (!event.currentTarget.open) onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
