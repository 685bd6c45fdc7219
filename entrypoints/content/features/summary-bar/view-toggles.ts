import { setAttr } from '../../pipeline/attributes';

/** Page-wide view toggles from the summary bar. None of them changes stored data. */
export interface ViewToggles {
  showHidden: boolean;
  topicsFirst: boolean;
  onlyMatches: boolean;
  /** Only the cards not seen before this visit (features/seen). */
  onlyNew: boolean;
}

/** The list container's hooks for "My topics first" and "Only matches" (hooks.css reorders and filters by them). */
export function markViewContainer(container: HTMLElement, view: ViewToggles): void {
  setAttr(container, 'data-papersift-order', view.topicsFirst ? 'topics-first' : null);
  setAttr(container, 'data-papersift-only-matches', view.onlyMatches ? '' : null);
  setAttr(container, 'data-papersift-only-new', view.onlyNew ? '' : null);
}

export function clearViewContainer(container: HTMLElement): void {
  container.removeAttribute('data-papersift-order');
  container.removeAttribute('data-papersift-only-matches');
  container.removeAttribute('data-papersift-only-new');
}
