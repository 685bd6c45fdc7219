/**
 * Save/Hide controls of one paper card, and (from features/hide/placeholder.ts) the one-line placeholder of a hidden card.
 *
 * Plain DOM, not Preact: a page can have 1,000 cards, and this is the only UI drawn once per card. Built from
 * cloned templates and patched in place (the Save button and the live status region stay the same elements, so
 * focus and screen-reader announcements survive updates); only a change of layout rebuilds it. Text only: page
 * text goes into `textContent`, never into markup.
 */
import type { HideReason } from '../../../utils/storage/records';
import { hiddenLabel, placeholderLayout } from '../features/hide/placeholder';
import { el } from './el';

export interface TopicChip {
  name: string;
  colour: string;
  /** Which terms matched where, e.g. "title: diffusion · abstract: diffusion models". */
  detail: string;
}

export interface CardActionsProps {
  title: string;
  /** Highlighted topics this paper matches, strongest first. Compared by identity: pass a new array to redraw. */
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

const NO_TOPICS: TopicChip[] = [];

/** Chips shown before the rest are folded into one "+N" chip. */
export const MAX_CHIPS = 3;

type Handler = 'onToggleSave' | 'onHide' | 'onShow' | 'onCollapse' | 'onUndoHide';

const srOnly = (text: string) => el('span', { class: 'sr-only' }, text);

/** Built layouts, cloned for every further card with the same layout: one native call instead of a dozen. */
const templates = new Map<string, Node>();

export class CardActionsView {
  private props: CardActionsProps | null = null;
  private layoutKey = '';
  private status: HTMLElement | null = null;
  private saveBtn: HTMLElement | null = null;
  private saveIcon: Text | null = null;
  private saveLabel: Text | null = null;
  private placeholderTitle: HTMLElement | null = null;
  private chips: HTMLElement[] = [];
  /** The chips drawn (compared by identity: the page hands the same array until a card's topics change). */
  private chipsOf: TopicChip[] = NO_TOPICS;
  /** Each chip's tooltip text: the tooltip element is made when the chip is first hovered or focused. */
  private readonly tips = new WeakMap<Element, string>();

  constructor(private readonly mount: HTMLElement) {
    // One listener per card: buttons say what they do in data-action, so cloned layouts need no wiring.
    mount.addEventListener('click', (e) => {
      const action = (e.target as Element | null)?.closest?.('button[data-action]')?.getAttribute('data-action');
      if (action) this.props?.[action as Handler]();
    });
    // Most chips are never hovered: their tooltips cost no elements until one is.
    const showTip = (e: Event) => this.ensureTip((e.target as Element | null)?.closest?.('.chip') ?? null);
    mount.addEventListener('mouseover', showTip);
    mount.addEventListener('focusin', showTip);
  }

  private ensureTip(chip: Element | null): void {
    const text = chip && this.tips.get(chip);
    if (text === undefined || text === null) return;
    this.tips.delete(chip!);
    chip!.append(el('span', { class: 'tip', role: 'tooltip', 'aria-hidden': 'true' }, text));
  }

  update(p: CardActionsProps): void {
    this.props = p;
    const placeholder = p.hidden !== null && p.collapsible && !p.revealed;
    const byTopic = p.hidden?.startsWith('topic:') ?? false;
    const layoutKey = placeholder ? `p|${p.hidden}` : `t|${p.hidden}|${p.collapsible}|${byTopic}`;
    if (layoutKey !== this.layoutKey) {
      this.layoutKey = layoutKey;
      this.build(p, placeholder, byTopic);
    }
    if (this.status!.textContent !== (p.message ?? '')) this.status!.textContent = p.message ?? '';
    if (placeholder) {
      const title = p.title || 'Untitled paper';
      if (this.placeholderTitle!.textContent !== title) this.placeholderTitle!.textContent = title;
      return;
    }
    this.patchSave(p.saved);
    this.patchChips(p.topics);
  }

  destroy(): void {
    this.mount.replaceChildren();
    this.props = null;
  }

  private button(cls: string, handler: Handler, title: string | null, ...children: Array<Node | string>): HTMLElement {
    const b = el('button', { type: 'button', class: cls, 'data-action': handler }, ...children);
    if (title) b.setAttribute('title', title);
    return b;
  }

  private build(p: CardActionsProps, placeholder: boolean, byTopic: boolean): void {
    this.chips = [];
    this.chipsOf = NO_TOPICS;
    let root = templates.get(this.layoutKey)?.cloneNode(true) as HTMLElement | undefined;
    if (!root) {
      root = this.layout(p, placeholder, byTopic);
      // Kept before any state is patched in, so every clone starts from the same blank state.
      templates.set(this.layoutKey, root.cloneNode(true));
    }
    this.mount.replaceChildren(root);
    this.status = root.lastElementChild as HTMLElement;
    this.placeholderTitle = placeholder ? root.querySelector<HTMLElement>('.placeholder-title') : null;
    this.saveBtn = placeholder ? null : root.querySelector<HTMLElement>('[data-action="onToggleSave"]');
    this.saveIcon = (this.saveBtn?.firstChild?.firstChild as Text | undefined) ?? null;
    this.saveLabel = (this.saveBtn?.lastChild as Text | undefined) ?? null;
  }

  /** The elements of one layout, without the card's state (title, saved, chips, message): see update(). */
  private layout(p: CardActionsProps, placeholder: boolean, byTopic: boolean): HTMLElement {
    const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    if (placeholder) return placeholderLayout(p.hidden!, (...args) => this.button(...args), status);
    // Save's icon and label are text nodes patched by patchSave (a space until then, so clones keep them).
    const save = this.button('btn', 'onToggleSave', null, el('span', { class: 'icon', 'aria-hidden': 'true' }, ' '), ' ');
    const root = el('div', { class: 'toolbar' }, save);
    if (p.hidden && byTopic) {
      const label = hiddenLabel(p.hidden);
      if (p.collapsible) root.append(this.button('btn', 'onCollapse', `${label} — collapse it again`, srOnly(`${label} · `), 'Collapse'));
    } else if (p.hidden) {
      if (p.collapsible) root.append(this.button('btn', 'onCollapse', 'Collapse this hidden paper again', 'Collapse'));
      root.append(this.button('btn', 'onUndoHide', 'Stop hiding this paper', srOnly(`${hiddenLabel(p.hidden)} · `), 'Unhide'));
    } else {
      root.append(this.button('btn', 'onHide', 'Hide this paper from your lists (reversible)', 'Hide'));
    }
    root.append(status);
    return root;
  }

  private patchSave(saved: boolean): void {
    const b = this.saveBtn!;
    const pressed = saved ? 'true' : 'false';
    if (b.getAttribute('aria-pressed') === pressed) return;
    b.className = saved ? 'btn saved' : 'btn';
    b.setAttribute('aria-pressed', pressed);
    b.setAttribute('title', saved ? 'Saved in your PaperSift library — click to remove' : 'Save to your PaperSift library');
    this.saveIcon!.data = saved ? '★' : '☆';
    this.saveLabel!.data = saved ? 'Saved' : 'Save';
  }

  /**
   * The strongest few topics get a chip each; the rest are named in one "+N" chip, so a card that matches many
   * topics stays one line (and a 1,000-card page doesn't grow tens of thousands of nodes).
   */
  private patchChips(topics: TopicChip[]): void {
    if (topics === this.chipsOf) return;
    this.chipsOf = topics;
    for (const c of this.chips) c.remove();
    this.chips = topics.slice(0, MAX_CHIPS).map((t) => {
      const chip = el('span', { class: 'chip', tabindex: '0', 'aria-label': `Topic ${t.name}: ${t.detail}` }, el('span', { class: 'dot', 'aria-hidden': 'true' }), t.name);
      chip.style.setProperty('--chip', t.colour);
      this.tips.set(chip, t.detail);
      return chip;
    });
    const rest = topics.slice(MAX_CHIPS);
    if (rest.length) {
      const names = rest.map((t) => t.name).join(', ');
      const more = el('span', { class: 'chip more', tabindex: '0', 'aria-label': `${rest.length} more topics: ${names}` }, `+${rest.length}`);
      this.tips.set(more, names);
      this.chips.push(more);
    }
    this.saveBtn!.before(...this.chips);
  }
}
