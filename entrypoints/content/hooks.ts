/**
 * The `data-papersift-*` attributes PaperSift writes on HF's elements. The public ones are a contract for user
 * styles, bug reports and tests (README, "Hooks"): keep their names and meanings stable.
 */
export const HOOKS = {
  id: 'data-papersift-id',
  saved: 'data-papersift-saved',
  hidden: 'data-papersift-hidden',
  topics: 'data-papersift-topics',
  /** Not seen before this visit (features/seen). */
  fresh: 'data-papersift-new',
  cards: 'data-papersift-cards',
  /** On <html> while PaperSift still has work queued or a match request out (benchmarks wait for it to go). */
  busy: 'data-papersift-busy',
  // Private to PaperSift's own CSS (hooks.css):
  layout: 'data-papersift-layout',
  revealed: 'data-papersift-revealed',
  /**
   * Hidden, on a list page, and not revealed, in one attribute: what collapses a card to its placeholder. A rule
   * combining several hooks restyles a card's whole subtree whenever any of them is written (docs/architecture.md).
   */
  collapsed: 'data-papersift-collapsed',
  current: 'data-papersift-current',
} as const;

/** Hooks that belong to one card root (removed with the card's entry). */
export const CARD_HOOKS: readonly string[] = Object.values(HOOKS).filter((a) => a !== HOOKS.cards && a !== HOOKS.busy);
