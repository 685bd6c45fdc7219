import type { HideReason } from '../utils/storage/records';

export interface TopicChip {
  name: string;
  colour: string;
  /** Which terms matched where, e.g. "title: diffusion · abstract: diffusion models". */
  detail: string;
}

export interface CardActionsProps {
  title: string;
  /** Highlighted topics this paper matches, strongest first. */
  topics: TopicChip[];
  saved: boolean;
  /** Why the card is hidden, or null when it is not. */
  hidden: HideReason | null;
  /** The reader pressed "Show" on a hidden card: it stays hidden in storage but is visible in this view. */
  revealed: boolean;
  /** On the single paper page nothing collapses: the page is the paper. */
  collapsible: boolean;
  /** A message for the reader (a failed write, rolled back). */
  message: string | null;
  onToggleSave(): void;
  onHide(): void;
  onShow(): void;
  onCollapse(): void;
  onUndoHide(): void;
}

/** Chips shown before the rest are folded into one "+N" chip. */
export const MAX_CHIPS = 3;

function hiddenLabel(reason: HideReason): string {
  return reason.startsWith('topic:') ? `Hidden by topic '${reason.slice('topic:'.length)}'` : 'Hidden';
}

/** Save/Hide controls of one paper card, and the one-line placeholder of a hidden card. Text only: no HTML from the page. */
export function CardActions(p: CardActionsProps) {
  const status = (
    <span class="status" role="status" aria-live="polite">
      {p.message}
    </span>
  );

  const byTopic = p.hidden?.startsWith('topic:') ?? false;
  if (p.hidden && p.collapsible && !p.revealed) {
    return (
      <div class="placeholder">
        <span class="placeholder-text">
          {hiddenLabel(p.hidden)}: <span class="placeholder-title">{p.title || 'Untitled paper'}</span>
        </span>
        <span class="sep" aria-hidden="true">·</span>
        <button type="button" class="link" onClick={p.onShow}>Show</button>
        {/* A topic hide is undone by editing the topic; a manual hide by Undo. */}
        {!byTopic && (
          <>
            <span class="sep" aria-hidden="true">·</span>
            <button type="button" class="link" onClick={p.onUndoHide}>Undo</button>
          </>
        )}
        {status}
      </div>
    );
  }

  // The strongest few topics get a chip each; the rest are named in one "+N" chip, so a card that matches many
  // topics stays one line (and a 1,000-card page doesn't grow tens of thousands of nodes).
  const shown = p.topics.slice(0, MAX_CHIPS);
  const rest = p.topics.slice(MAX_CHIPS);
  const chips = shown.map((t) => (
    <span class="chip" tabIndex={0} key={t.name} style={{ '--chip': t.colour }} aria-label={`Topic ${t.name}: ${t.detail}`}>
      <span class="dot" aria-hidden="true" />
      {t.name}
      <span class="tip" role="tooltip" aria-hidden="true">{t.detail}</span>
    </span>
  ));
  if (rest.length) {
    const names = rest.map((t) => t.name).join(', ');
    chips.push(
      <span class="chip more" tabIndex={0} key="+more" aria-label={`${rest.length} more topics: ${names}`}>
        +{rest.length}
        <span class="tip" role="tooltip" aria-hidden="true">{names}</span>
      </span>,
    );
  }

  return (
    <div class="toolbar">
      {chips}
      <button
        type="button"
        class={p.saved ? 'btn saved' : 'btn'}
        aria-pressed={p.saved ? 'true' : 'false'}
        title={p.saved ? 'Saved in your PaperSift library — click to remove' : 'Save to your PaperSift library'}
        onClick={p.onToggleSave}
      >
        <span class="icon" aria-hidden="true">{p.saved ? '★' : '☆'}</span>
        {p.saved ? 'Saved' : 'Save'}
      </button>
      {p.hidden && byTopic ? (
        p.collapsible && (
          <button type="button" class="btn" onClick={p.onCollapse} title={`${hiddenLabel(p.hidden)} — collapse it again`}>
            <span class="sr-only">{hiddenLabel(p.hidden)} · </span>Collapse
          </button>
        )
      ) : p.hidden ? (
        <>
          {p.collapsible && (
            <button type="button" class="btn" onClick={p.onCollapse} title="Collapse this hidden paper again">
              Collapse
            </button>
          )}
          <button type="button" class="btn" onClick={p.onUndoHide} title="Stop hiding this paper">
            <span class="sr-only">{hiddenLabel(p.hidden)} · </span>Unhide
          </button>
        </>
      ) : (
        <button type="button" class="btn" onClick={p.onHide} title="Hide this paper from your lists (reversible)">
          Hide
        </button>
      )}
      {status}
    </div>
  );
}
