/**
 * Hidden papers are never painted: from `document_start`, before HF's HTML is parsed, cards are held back (invisible,
 * in place) until PaperSift knows which of them to hide, and then the hidden ones are collapsed by a stylesheet before
 * the parser has even created them. Which papers the page lists comes from its hydration JSON, which the HTML carries
 * before the cards; muted topics are matched against it here, with the topic core (mute-gate.ts). Once the decorator
 * has marked a card, its hooks (hooks.css) take over and these rules no longer select it.
 */
import { browser } from 'wxt/browser';
import { hintsFromRaw, matchableFromHint } from '../../../../utils/hf/hydration';
import { pageKindOf } from '../../../../utils/hf/page-kind';
import { HYDRATION_ATTR } from '../../../../utils/hf/selectors';
import { titleKey } from '../../../../utils/hf/text';
import { CHANGE_KEY, type ChangeEvent } from '../../../../utils/messaging/protocol';
import { READY_KEY, unpackReadyState, type PageReady } from '../../../../utils/messaging/ready-state';
import { DEFAULT_PREFS } from '../../../../utils/storage/prefs-schema';
import { createMuteGate } from '../../../../utils/topics/mute-gate';
import type { MatchableText } from '../../../../utils/topics/types';
import { HIDE_STYLE_ATTR } from '../display-settings/display-settings';
import { earlyHideCss, HOLD_ATTR, HOLD_CSS } from './hide-rules';

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
  style.textContent = HOLD_CSS;
  html.append(style); // <head> does not exist yet; a style anywhere in the document applies
  html.setAttribute(HOLD_ATTR, '');
  let observer: MutationObserver | null = null;
  const release = (why?: string) => {
    clearTimeout(timer);
    observer?.disconnect();
    observer = null;
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
    // The JSON island holding the page's papers: read it when the parser has made it (it precedes the cards).
    const tryIsland = (raw: string | null): boolean => {
      if (!raw || raw.length < 3) return false;
      const hints = hintsFromRaw([raw]);
      if (hints.size === 0) return false;
      const hide: string[] = [];
      for (const [id, hint] of hints) {
        const paper: MatchableText | undefined = gate ? matchableFromHint(id, hint.title, hints) : undefined;
        const mute = paper && gate ? gate(paper) : null;
        verdicts.set(id, { title: hint.title, mute });
        if (hidden.has(id) || mute !== null) hide.push(id);
      }
      style.textContent = HOLD_CSS + earlyHideCss(hide, r.hideStyle);
      release();
      return true;
    };
    for (const el of doc.querySelectorAll(`[${HYDRATION_ATTR}]`)) if (tryIsland(el.getAttribute(HYDRATION_ATTR))) return;
    observer = new MutationObserver((records) => {
      for (const rec of records) {
        for (const node of rec.addedNodes) {
          if (node.nodeType === 1 && tryIsland((node as Element).getAttribute(HYDRATION_ATTR))) return;
        }
      }
    });
    observer.observe(doc, { childList: true, subtree: true });
    // No island with papers (markup changed, or malformed JSON): the decorator's first pass, at the end of parsing,
    // marks the hidden cards before they are painted; until then they stay held, for HOLD_MAX_MS at most.
    doc.addEventListener('DOMContentLoaded', () => release(), { once: true });
  });

  cleanup = () => {
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
