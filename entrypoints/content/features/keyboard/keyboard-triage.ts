import { precedes } from '../../../../utils/hf/dom';
import type { Entry, PageDecorator } from '../../pipeline/page-decorator';
import { HOOKS } from '../../hooks';
import { KeyboardHelp } from './keyboard-help';

export const TRIAGE_KEYS: ReadonlyArray<[string, string]> = [
  ['j', 'Next paper'],
  ['k', 'Previous paper'],
  ['s', 'Save or unsave'],
  ['h', 'Hide (Undo from its placeholder)'],
  ['o', 'Open the paper'],
  ['x', 'Expand or collapse a hidden paper'],
  ['?', 'Show these keys'],
];

/** Typing in a field, or a shortcut with a modifier, is never ours. */
function isTyping(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true;
  const el = (e.composedPath()[0] ?? e.target) as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

/** j/k/s/h/o/x/? on the papers lists: move between cards (skipping hidden ones) and act on the current one. */
export class KeyboardTriage {
  private currentId: string | null = null;
  private enabled = true;
  private skipSeen = false;
  private readonly help = new KeyboardHelp(TRIAGE_KEYS);

  constructor(private readonly decorator: PageDecorator) {}

  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!this.enabled || e.defaultPrevented || isTyping(e)) return;
    const key = e.key;
    if (key === 'Escape' && this.help.isOpen) return void this.help.close();
    if (!['j', 'k', 's', 'h', 'o', 'x', '?'].includes(key)) return;
    if (key === '?') return void (e.preventDefault(), this.help.toggle());
    const current = this.current();
    const cards = this.decorator.navigableCards(current);
    if (key === 'j' || key === 'k') {
      const moves = this.skipSeen ? this.decorator.navigableCards(current, true) : cards;
      if (!moves.length) return;
      const i = current ? moves.indexOf(current) : -1;
      const next = key === 'j' ? moves[Math.min(i + 1, moves.length - 1)] : moves[Math.max(i - 1, 0)];
      e.preventDefault();
      return this.select(next ?? moves[0]!);
    }
    if (key === 'x') {
      e.preventDefault();
      if (current && this.decorator.hiddenReason(current)) return this.decorator.toggleRevealed(current);
      // Otherwise: the next collapsed placeholder after the current card (or the first one).
      const collapsed = this.decorator.collapsedCards();
      const after = current ? collapsed.find((c) => precedes(current.card.root, c.card.root)) : undefined;
      const target = after ?? collapsed[0];
      if (target) {
        this.decorator.toggleRevealed(target);
        this.select(target);
      }
      return;
    }
    if (!current) return;
    e.preventDefault();
    if (key === 's') void this.decorator.toggleSave(current);
    if (key === 'h') {
      void this.decorator.setHidden(current, 'manual');
      const i = cards.indexOf(current);
      const next = cards[i + 1] ?? cards[i - 1];
      if (next && next !== current) this.select(next);
    }
    if (key === 'o') (current.card.titleEl.closest('a') ?? current.card.titleEl.querySelector('a'))?.click();
  };

  /** j/k pass over cards seen on an earlier visit (the `keyboardSkipSeen` setting). */
  setSkipSeen(on: boolean): void {
    this.skipSeen = on;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    if (!on) {
      this.help.close();
      this.mark(null);
    }
  }

  destroy(): void {
    this.setEnabled(false);
  }

  private current(): Entry | undefined {
    return this.currentId ? this.decorator.entryById(this.currentId) : undefined;
  }

  private select(entry: Entry): void {
    this.mark(entry);
    entry.card.root.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  private mark(entry: Entry | null): void {
    this.current()?.card.root.removeAttribute(HOOKS.current);
    this.currentId = entry?.card.id ?? null;
    entry?.card.root.setAttribute(HOOKS.current, '');
  }
}
