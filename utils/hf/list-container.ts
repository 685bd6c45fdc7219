import type { DetectedCard } from './detect-cards';

/**
 * The element that holds the list of cards (HF's grid), when every card root is its direct child: the summary bar
 * goes before it and "my topics first" reorders its children with CSS `order`. Null when the cards don't share one
 * parent (the paper page, or a layout we don't recognise) — then those features stay off rather than guess.
 */
export function listContainerOf(cards: readonly DetectedCard[]): HTMLElement | null {
  const first = cards[0]?.root.parentElement;
  if (!first || cards.some((c) => c.layout === 'paper' || c.root.parentElement !== first)) return null;
  return first;
}
