import { useEffect, useRef } from 'preact/hooks';
import type { Topic } from '../../utils/topics/types';

/**
 * "Deleted 'x' · Undo" after a topic is deleted. Shared by the popup and the options page. It takes the focus
 * when it appears: the deleted row (and the button just pressed) is gone, and Undo is the likely next step.
 */
export function UndoBar({ topic, onUndo, onDismiss, busy = false }: {
  topic: Topic;
  onUndo: () => void;
  onDismiss: () => void;
  /** While the undo is being stored: the button stays focusable (a disabled button would drop the focus). */
  busy?: boolean;
}) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), [topic.id]);
  return (
    <div class="undo-bar">
      <span>Deleted “{topic.name}”</span>
      <span aria-hidden="true"> · </span>
      <button type="button" ref={undo} class="link-button" onClick={() => !busy && onUndo()} aria-disabled={busy ? 'true' : undefined}>
        Undo
      </button>
      <button type="button" class="icon-button" onClick={onDismiss} aria-label="Dismiss" title="Dismiss">
        ✕
      </button>
    </div>
  );
}
