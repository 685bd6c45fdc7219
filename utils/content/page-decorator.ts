import { h, render } from 'preact';
import { CardActions } from '../../components/CardActions';
import { detectCards, type DetectedCard } from '../hf/detect-cards';
import { extractPaper } from '../hf/extract';
import { readHydration, type HydrationPaper } from '../hf/hydration';
import { pageKindOf } from '../hf/page-kind';
import { ARXIV_ID_RE } from '../hf/selectors';
import type { PageStats } from '../messaging/protocol';
import type { PageKind, PaperInfo, PageSource } from '../model/paper';
import type { HideReason } from '../storage/records';
import { createCardHost, UI_ATTR } from './card-host';
import type { LibraryMirror } from './library-state';
import { SlicedQueue } from './schedule';

/** The public hooks on HF's elements (see README: they are a contract for user styles, bug reports and tests). */
export const HOOKS = {
  id: 'data-papersift-id',
  saved: 'data-papersift-saved',
  hidden: 'data-papersift-hidden',
  cards: 'data-papersift-cards',
  // Private to PaperSift's own CSS:
  layout: 'data-papersift-layout',
  revealed: 'data-papersift-revealed',
} as const;

/** What the decorator asks of the background. Writes go there and nowhere else. */
export interface LibraryActions {
  save(paper: PaperInfo, source: PageSource): Promise<unknown>;
  unsave(id: string): Promise<unknown>;
  hide(id: string, title: string, reason: HideReason, source: PageSource): Promise<unknown>;
  unhide(id: string): Promise<unknown>;
}

interface Entry {
  card: DetectedCard;
  host: HTMLElement;
  mount: HTMLElement;
  mounted: boolean;
  /** Last rendered view, to skip renders that would change nothing. */
  viewKey: string;
}

const MESSAGE_MS = 8000;

/**
 * Finds the cards on the page and keeps exactly one PaperSift control on each: new cards get one, removed cards
 * take theirs with them, a control the page dropped is put back. Reads the library from the mirror, sends every
 * change to the background, and shows each click at once (optimistic), rolling back with a message on failure.
 */
export class PageDecorator {
  private entries = new Map<HTMLElement, Entry>();
  private kind: PageKind = 'other';
  private hints: Map<string, HydrationPaper> | null = null;
  private readonly pendingSave = new Map<string, boolean>();
  private readonly pendingHide = new Map<string, HideReason | null>();
  private readonly revealed = new Set<string>();
  private readonly messages = new Map<string, string>();
  private readonly mountQueue: SlicedQueue<Entry>;
  /** Total time spent in passes and mount slices, for the benchmark. */
  workMs = 0;

  constructor(
    private readonly doc: Document,
    private readonly url: () => string,
    private readonly mirror: LibraryMirror,
    private readonly actions: LibraryActions,
    /** Called after the decorator changed the DOM, so the observer can forget those mutations. */
    private readonly afterOwnMutations: () => void = () => {},
  ) {
    this.mountQueue = new SlicedQueue<Entry>(
      (e) => this.mountEntry(e),
      () => this.afterOwnMutations(),
    );
  }

  /** One pass over the page: detect, reconcile, mark. Cheap when nothing changed. */
  pass(): { kind: PageKind; found: number } {
    const t0 = performance.now();
    const url = this.url();
    this.kind = pageKindOf(url);
    this.hints = null; // the hydration JSON may have changed with the page; parse it again when needed
    const cards = this.kind === 'other' ? [] : detectCards(this.doc, url);
    const live = new Set<HTMLElement>();
    for (const card of cards) {
      live.add(card.root);
      let entry = this.entries.get(card.root);
      if (entry && entry.card.id !== card.id) {
        this.unmount(entry); // the page reused this element for another paper
        entry = undefined;
      }
      if (entry) {
        entry.card = card;
        if (entry.mounted && !this.isPlaced(entry)) this.place(entry); // the page re-rendered and dropped or moved it
      } else {
        entry = this.newEntry(card);
      }
      this.markRoot(entry);
      if (entry.mounted) this.renderEntry(entry);
    }
    for (const [root, entry] of this.entries) {
      if (!live.has(root)) this.unmount(entry);
    }
    this.removeStrayHosts();
    this.doc.documentElement.setAttribute(HOOKS.cards, String(cards.length));
    this.afterOwnMutations();
    this.workMs += performance.now() - t0;
    performance.measure('papersift:pass', { start: t0, end: performance.now() });
    return { kind: this.kind, found: cards.length };
  }

  /** Re-render the cards of these ids (after a change from the background or another tab). */
  refresh(ids?: Iterable<string>): void {
    const wanted = ids ? new Set(ids) : null;
    for (const entry of this.entries.values()) {
      if (wanted && !wanted.has(entry.card.id)) continue;
      this.markRoot(entry);
      if (entry.mounted) this.renderEntry(entry);
    }
  }

  stats(): PageStats {
    let saved = 0;
    let hidden = 0;
    for (const e of this.entries.values()) {
      if (this.isSaved(e.card.id)) saved++;
      if (this.hiddenReason(e.card.id)) hidden++;
    }
    return { kind: this.kind, url: this.url(), found: this.entries.size, saved, hidden, topicCounts: {} };
  }

  /** Remove everything PaperSift added (the extension was reloaded or disabled). */
  destroy(): void {
    this.mountQueue.clear();
    for (const entry of [...this.entries.values()]) this.unmount(entry);
    this.doc.documentElement.removeAttribute(HOOKS.cards);
  }

  // ---- state as the reader sees it: stored state, overridden by clicks still in flight ----

  private isSaved(id: string): boolean {
    return this.pendingSave.get(id) ?? this.mirror.saved.has(id);
  }

  private hiddenReason(id: string): HideReason | null {
    const pending = this.pendingHide.get(id);
    if (pending !== undefined) return pending;
    return this.mirror.hidden.get(id) ?? null;
  }

  // ---- DOM ----

  private newEntry(card: DetectedCard): Entry {
    const { host, mount } = createCardHost(card.id);
    const entry: Entry = { card, host, mount, mounted: false, viewKey: '' };
    this.entries.set(card.root, entry);
    this.mountQueue.push(entry);
    return entry;
  }

  private mountEntry(entry: Entry): void {
    if (this.entries.get(entry.card.root) !== entry || !entry.card.root.isConnected) return;
    this.place(entry);
    entry.mounted = true;
    this.renderEntry(entry);
  }

  private isPlaced(entry: Entry): boolean {
    const { host, card } = entry;
    if (!host.isConnected) return false;
    return card.layout === 'paper' ? host.previousElementSibling === card.titleEl : host.parentElement === card.root;
  }

  /** List cards: a direct child of the card root, floating over its corner. Paper page: right under the title. */
  private place(entry: Entry): void {
    const { host, card } = entry;
    if (card.layout === 'paper') card.titleEl.after(host);
    else card.root.append(host);
  }

  private markRoot(entry: Entry): void {
    const { root, id, layout } = entry.card;
    setAttr(root, HOOKS.id, id);
    setAttr(root, HOOKS.layout, layout);
    setAttr(root, HOOKS.saved, this.isSaved(id) ? '' : null);
    setAttr(root, HOOKS.hidden, this.hiddenReason(id));
    setAttr(root, HOOKS.revealed, this.revealed.has(id) ? '' : null);
  }

  private unmount(entry: Entry): void {
    render(null, entry.mount);
    entry.host.remove();
    this.entries.delete(entry.card.root);
    const root = entry.card.root;
    for (const attr of Object.values(HOOKS)) if (attr !== HOOKS.cards) root.removeAttribute(attr);
  }

  /** A host that is not the one we track for its card (e.g. copied by the page along with a card) must go. */
  private removeStrayHosts(): void {
    const ours = new Set<Element>();
    for (const e of this.entries.values()) ours.add(e.host);
    for (const el of this.doc.querySelectorAll(`[${UI_ATTR}]`)) {
      // Card hosts carry the paper id; page-level UI (notices, the summary bar) carries a name and is not ours to judge.
      if (!ours.has(el) && ARXIV_ID_RE.test(el.getAttribute(UI_ATTR) ?? '')) el.remove();
    }
  }

  private title(entry: Entry): string {
    return (entry.card.titleEl.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  private renderEntry(entry: Entry): void {
    const id = entry.card.id;
    const saved = this.isSaved(id);
    const hidden = this.hiddenReason(id);
    const revealed = this.revealed.has(id);
    const message = this.messages.get(id) ?? null;
    const title = this.title(entry);
    const key = `${saved}|${hidden}|${revealed}|${message}|${title}|${entry.card.layout}`;
    if (key === entry.viewKey) return;
    entry.viewKey = key;
    render(
      h(CardActions, {
        title,
        saved,
        hidden,
        revealed,
        collapsible: entry.card.layout !== 'paper',
        message,
        onToggleSave: () => void this.toggleSave(entry),
        onHide: () => void this.setHidden(entry, 'manual'),
        onShow: () => this.setRevealed(id, true),
        onCollapse: () => this.setRevealed(id, false),
        onUndoHide: () => void this.setHidden(entry, null),
      }),
      entry.mount,
    );
  }

  // ---- actions ----

  private source(): PageSource {
    return { url: this.url(), kind: this.kind };
  }

  private paperOf(entry: Entry): PaperInfo {
    this.hints ??= readHydration(this.doc);
    return extractPaper(entry.card, this.hints);
  }

  private async toggleSave(entry: Entry): Promise<void> {
    const id = entry.card.id;
    const want = !this.isSaved(id);
    this.pendingSave.set(id, want);
    this.messages.delete(id);
    this.refresh([id]);
    try {
      if (want) await this.actions.save(this.paperOf(entry), this.source());
      else await this.actions.unsave(id);
      this.mirror.apply(want ? { type: 'saved', id } : { type: 'unsaved', id });
    } catch (err) {
      this.flash(id, `${want ? 'Could not save' : 'Could not remove'} this paper: ${reason(err)}. Nothing changed — try again.`);
    } finally {
      if (this.pendingSave.get(id) === want) this.pendingSave.delete(id);
      this.refresh([id]);
    }
  }

  private async setHidden(entry: Entry, reasonWanted: HideReason | null): Promise<void> {
    const id = entry.card.id;
    this.pendingHide.set(id, reasonWanted);
    this.revealed.delete(id);
    this.messages.delete(id);
    this.refresh([id]);
    try {
      if (reasonWanted) await this.actions.hide(id, this.title(entry), reasonWanted, this.source());
      else await this.actions.unhide(id);
      this.mirror.apply(reasonWanted ? { type: 'hidden', id, reason: reasonWanted } : { type: 'unhidden', id });
    } catch (err) {
      this.flash(id, `${reasonWanted ? 'Could not hide' : 'Could not unhide'} this paper: ${reason(err)}. Nothing changed — try again.`);
    } finally {
      if (this.pendingHide.get(id) === reasonWanted) this.pendingHide.delete(id);
      this.refresh([id]);
    }
  }

  private setRevealed(id: string, on: boolean): void {
    if (on) this.revealed.add(id);
    else this.revealed.delete(id);
    this.refresh([id]);
  }

  private flash(id: string, message: string): void {
    this.messages.set(id, message);
    setTimeout(() => {
      if (this.messages.get(id) === message) {
        this.messages.delete(id);
        this.refresh([id]);
      }
    }, MESSAGE_MS);
  }
}

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/[.\s]+$/, '') || 'unknown error';
}
