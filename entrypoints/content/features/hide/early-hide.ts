/**
 * Hidden papers are never painted: from `document_start`, before HF's HTML is parsed, cards are held back (invisible,
 * in place) until PaperSift has read which papers to hide (HOLD_MAX_MS at most); then, before each frame, the cards
 * parsed since are marked and the hidden ones collapse (early-cards.ts, hide-rules.ts). Muted topics are matched,
 * with the topic core (mute-gate.ts), against the page's hydration JSON, which precedes the cards, or else against
 * each card's title as it is parsed. Once the decorator has marked a card, its hooks (hooks.css) take over.
 */
import { browser } from 'wxt/browser';
import { hintsFromRaw, matchableFromHint } from '../../../../utils/hf/hydration';
import { pageKindOf } from '../../../../utils/hf/page-kind';
import { EARLY_CARD_TAG, HYDRATION_ATTR } from '../../../../utils/hf/selectors';
import { titleKey } from '../../../../utils/hf/text';
import { CHANGE_KEY, type ChangeEvent } from '../../../../utils/messaging/protocol';
import { READY_KEY, unpackReadyState, type PageReady } from '../../../../utils/messaging/ready-state';
import { DEFAULT_PREFS } from '../../../../utils/storage/prefs-schema';
import { createMuteGate } from '../../../../utils/topics/mute-gate';
import type { MatchableText } from '../../../../utils/topics/types';
import { HIDE_STYLE_ATTR } from '../display-settings/display-settings';
import { createCardMarker, type EarlyCard, type EarlyVerdict } from './early-cards';
import { EARLY_CSS, HOLD_ATTR } from './hide-rules';

/** The ready state, and the change event stored with it (the page's mirror applies it when it is the next one). */
export type EarlyState = PageReady & { change?: ChangeEvent };

/** Longest a card may be held back, whatever happens (a slow page, a failed read). */
export const HOLD_MAX_MS = 300;
const STYLE_ID = 'papersift-early-hide';

/** What the early start learned, for the rest of PaperSift once the page is parsed. */
export interface EarlyHide {
  /** The ready state (library, topics, prefs) read at document_start; null when it is missing or could not be read. */
  readonly ready: Promise<EarlyState | null>;
  /** A muted topic's name for a paper of the page's JSON (null: not muted), valid while the card shows that title. */
  muteFromJson(id: string, title: string): string | null | undefined;
  /** Calls `fn` (now or later, once) with why the hidden set could not be applied before the page showed. */
  onProblem(fn: (problem: string) => void): void;
  stop(): void;
}

/** Starts at `document_start`. Lists, not the paper page: there a hidden paper is shown in full, with its trace. */
export function startEarlyHide(doc: Document, url: string, readStored = readReadyState): EarlyHide {
  const kind = pageKindOf(url);
  let readFailed = false;
  const ready = readStored().catch((err: unknown) => {
    console.warn('[PaperSift] could not read the page state', err);
    readFailed = true;
    return null;
  });
  const verdicts = new Map<string, { title: string; mute: string | null }>();
  let problem: string | null = null;
  let tell: ((problem: string) => void) | null = null;
  const early: EarlyHide = {
    ready,
    onProblem(fn) {
      if (problem) fn(problem);
      else tell = fn;
    },
    muteFromJson(id, title) {
      const v = verdicts.get(id);
      return v && titleKey(v.title) === titleKey(title) ? v.mute : undefined;
    },
    stop: () => cleanup(),
  };
  let cleanup = () => {};
  if (kind === 'other' || kind === 'paper') return early;

  const html = doc.documentElement;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = EARLY_CSS;
  html.append(style); // <head> does not exist yet; a style anywhere in the document applies
  html.setAttribute(HOLD_ATTR, '');
  let frame = 0;
  let stopped = false;
  const release = (why?: string) => {
    clearTimeout(timer);
    html.removeAttribute(HOLD_ATTR);
    if (why && !problem) {
      problem = why;
      tell?.(why);
    }
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    release();
  }, HOLD_MAX_MS);

  void ready.then((r) => {
    if (stopped) return;
    // Missing (nothing prepared yet, e.g. storage cleared by hand): the decorator hides what the background says.
    if (!r) return release(readFailed ? 'PaperSift could not read your hidden papers' : undefined);
    if (timedOut) {
      // Cards were shown after HOLD_MAX_MS; say so only if some of them could have been hidden ones.
      if (r.state.hidden.length > 0 || r.topics.some((t) => t.mode === 'mute')) release('PaperSift read your hidden papers too late');
      return;
    }
    const hidden = new Set(r.state.hidden.map((h) => h.id));
    const gate = createMuteGate(r.topics, r.precedence);
    // The placeholder or nothing at all: say which before the first card (display-settings.ts writes the same).
    if (r.hideStyle !== DEFAULT_PREFS.hideStyle) html.setAttribute(HIDE_STYLE_ATTR, r.hideStyle);
    if (hidden.size === 0 && !gate) return release();

    const decide = (card: EarlyCard): EarlyVerdict => {
      if (!card.id) return 'wait';
      if (hidden.has(card.id)) return 'hide';
      if (!gate) return 'show';
      const v = verdicts.get(card.id);
      // The JSON's verdict while the card shows the JSON's title (the DOM is the truth when they differ).
      if (v && (card.title === null || titleKey(card.title) === titleKey(v.title))) return v.mute ? 'hide' : 'show';
      if (card.title !== null) return gate({ title: card.title }) ? 'hide' : 'show';
      return 'wait';
    };
    const mark = createCardMarker(doc, decide, HOLD_MAX_MS);
    // The JSON island holding the page's papers precedes the cards: muted topics are matched against it once.
    const readIsland = (raw: string | null): boolean => {
      if (!gate || !raw || raw.length < 3) return false;
      const hints = hintsFromRaw([raw]);
      if (hints.size === 0) return false;
      for (const [id, hint] of hints) {
        const paper: MatchableText | undefined = matchableFromHint(id, hint.title, hints);
        verdicts.set(id, { title: hint.title, mute: paper ? gate(paper) : null });
      }
      return true;
    };
    // Looked for until the first card is parsed (it precedes them): without it, muted cards are decided by title.
    let islandLooked = false;
    const island = () => {
      if (!gate || islandLooked) return;
      islandLooked = doc.getElementsByTagName(EARLY_CARD_TAG).length > 0 || doc.readyState !== 'loading';
      for (const el of doc.querySelectorAll(`[${HYDRATION_ATTR}]`)) {
        if (readIsland(el.getAttribute(HYDRATION_ATTR))) return void (islandLooked = true);
      }
    };
    island();
    mark(doc.readyState !== 'loading');
    release();
    if (doc.readyState !== 'loading') return;
    // While the page is parsed: before each frame, the cards parsed since the last one; at the end, the rest.
    const onFrame = () => {
      island();
      mark(false);
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    doc.addEventListener('DOMContentLoaded', () => {
      cancelAnimationFrame(frame);
      if (stopped) return;
      island();
      mark(true);
    }, { once: true });
  });

  cleanup = () => {
    stopped = true;
    cancelAnimationFrame(frame);
    release();
    style.remove();
  };
  return early;
}

/** One read of storage.local: the ready state and the last change event; null when missing or damaged. Throws when the read fails. */
export async function readReadyState(): Promise<EarlyState | null> {
  const got = await browser.storage.local.get([READY_KEY, CHANGE_KEY]);
  const ready = unpackReadyState(got[READY_KEY]);
  if (!ready) return null;
  const change = got[CHANGE_KEY] as ChangeEvent | undefined;
  // The ready state is rewritten right after each change is published: a change one ahead of it is applied by the
  // page's mirror (library-state.ts); one further ahead means the ready state is behind, and the background is asked.
  if (change && change.rev > ready.state.rev + 1) return null;
  return change && change.rev === ready.state.rev + 1 ? { ...ready, change } : ready;
}
