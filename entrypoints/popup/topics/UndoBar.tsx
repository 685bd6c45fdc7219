import { useEffect, useRef, useState } from 'preact/hooks';
import type { Topic } from '../../../utils/topics/types';

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

/** Deletions that can still be undone: this many at most, the oldest dropping off. */
const MAX_UNDOS = 5;

/**
 * The topics deleted in this view, newest first, each with its own Undo until it is used or dismissed: deleting two
 * topics in a row must not make the first one impossible to bring back.
 */
export function useDeletedTopics(): {
  deleted: Topic[];
  add(topic: Topic | null): void;
  drop(id: string): void;
} {
  const [deleted, setDeleted] = useState<Topic[]>([]);
  return {
    deleted,
    add: (topic) => {
      if (topic) setDeleted((list) => [topic, ...list.filter((t) => t.id !== topic.id)].slice(0, MAX_UNDOS));
    },
    drop: (id) => setDeleted((list) => list.filter((t) => t.id !== id)),
  };
}

/** One UndoBar per deletion still undoable, newest first. */
export function UndoList({ deleted, busyId, onUndo, onDismiss }: {
  deleted: Topic[];
  /** The topic whose undo is being stored, if any. */
  busyId: string | null;
  onUndo: (topic: Topic) => void;
  onDismiss: (topic: Topic) => void;
}) {
  return (
    <>
      {deleted.map((t) => (
        <UndoBar key={t.id} topic={t} busy={busyId === t.id} onUndo={() => onUndo(t)} onDismiss={() => onDismiss(t)} />
      ))}
    </>
  );
}
