import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  /** Changes for every new toast, so a repeated message restarts the timer. */
  key: number;
  text: string;
  /** Offer Undo; resolves when undone (the toast then closes), rejects with the reason it could not be. */
  undo?: () => Promise<void>;
}

/** How long a toast stays, unless the pointer or focus is on it (then it waits). */
export const TOAST_MS = 8_000;

/**
 * A small bar at the bottom of the page: what just happened, with Undo when it can be undone. Announced politely
 * to screen readers; stays while hovered or focused so a keyboard user has time to reach Undo.
 */
export function UndoToast({ toast, onClose, timeoutMs = TOAST_MS }: { toast: ToastMessage | null; onClose: () => void; timeoutMs?: number }) {
  const [held, setHeld] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    setError(null);
    setBusy(false);
  }, [toast?.key]);

  useEffect(() => {
    if (!toast || held || busy) return;
    const timer = setTimeout(() => close.current(), timeoutMs);
    return () => clearTimeout(timer);
  }, [toast?.key, held, busy, timeoutMs]);

  const undo = async () => {
    if (!toast?.undo) return;
    setBusy(true);
    try {
      await toast.undo();
      close.current();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    // The live region stays in the page so screen readers hear each new message.
    <div class="ps-toast-region" role="status" aria-live="polite">
      {toast && (
        <div
          class="ps-toast"
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocusIn={() => setHeld(true)}
          onFocusOut={() => setHeld(false)}
        >
          <span class="ps-toast-text">{error ? `Undo failed: ${error}` : toast.text}</span>
          {toast.undo && !error && (
            <button type="button" class="ps-toast-undo" onClick={undo} disabled={busy}>
              {busy ? 'Undoing…' : 'Undo'}
            </button>
          )}
          <button type="button" class="ps-toast-close" aria-label="Dismiss" onClick={() => close.current()}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
