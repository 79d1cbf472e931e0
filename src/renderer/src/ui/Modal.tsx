import { useEffect, useRef, type ReactNode } from 'react';

/** A modal <dialog>: focus moves in, Esc closes, focus returns where it was. */
export function Modal({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // What the owner asks for, as of the latest commit. The close event comes a task after the
  // dialog closed; by then the owner may have asked for it again (a menu command right after an
  // export), or may not have rendered that request yet. Only a close the owner did not ask for
  // (Esc, handled natively) is reported; closes the owner asked for are already known to it.
  const wanted = useRef(open);
  useEffect(() => {
    wanted.current = open;
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
      onClose={(event) => {
        if (wanted.current && !event.currentTarget.open) onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
