import type { HideReason } from '../../../../utils/storage/records';
import { el } from '../../ui/el';

/** "Hidden" or "Hidden by topic 'diffusion'": what a hidden card's trace says. */
export function hiddenLabel(reason: HideReason): string {
  return reason.startsWith('topic:') ? `Hidden by topic '${reason.slice('topic:'.length)}'` : 'Hidden';
}

export const separator = () => el('span', { class: 'sep', 'aria-hidden': 'true' }, '·');

/** A button of the card's control: `action` names the handler it calls (see CardActionsView). */
export type MakeButton = (cls: string, action: 'onShow' | 'onUndoHide', title: null, ...children: Array<Node | string>) => HTMLElement;

/**
 * The one line a hidden card collapses to, the visible and reversible trace: "Hidden: <title> · Show · Undo" (a
 * topic's hide has no Undo: it is undone by editing the topic). The title goes in `.placeholder-title`, patched per
 * card; hooks.css collapses the card's own content around it (`data-papersift-collapsed`).
 */
export function placeholderLayout(reason: HideReason, button: MakeButton, status: HTMLElement): HTMLElement {
  const root = el(
    'div',
    { class: 'placeholder' },
    el('span', { class: 'placeholder-text' }, `${hiddenLabel(reason)}: `, el('span', { class: 'placeholder-title' })),
    separator(),
    button('link', 'onShow', null, 'Show'),
  );
  if (!reason.startsWith('topic:')) root.append(separator(), button('link', 'onUndoHide', null, 'Undo'));
  root.append(status);
  return root;
}
