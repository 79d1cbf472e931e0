import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

interface ToastAction {
  label: string;
  run: () => void;
}

interface Toast {
  id: number;
  message: string;
  actions: ToastAction[];
}

interface ToastApi {
  /** Shows a message with up to a few actions (Undo; Open and Show in Folder). */
  show(message: string, actions?: ToastAction | ToastAction[]): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const TOAST_MS = 8000;

/** Short messages in a live region: announced, never taking focus; an action (Undo) stays reachable by Tab. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show(message, actions = []) {
        const id = next.current++;
        setToasts((all) => [...all.slice(-2), { id, message, actions: Array.isArray(actions) ? actions : [actions] }]);
        setTimeout(() => dismiss(id), TOAST_MS);
      },
    }),
    [dismiss],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <span>{toast.message}</span>
            {toast.actions.map((action) => (
              <button
                key={action.label}
                type="button"
                onClick={() => {
                  action.run();
                  dismiss(toast.id);
                }}
              >
                {action.label}
              </button>
            ))}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() outside ToastProvider');
  return api;
}
