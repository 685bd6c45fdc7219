import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../../../utils/messaging/client';
import { CHANGE_KEY, type ChangeEvent, type Reply, type TabRequest } from '../../../utils/messaging/protocol';
import { displaySettings } from '../features/display-settings';
import { keyboard } from '../features/keyboard';
import { startEarlyHide } from '../features/hide/early-hide';
import { noCardsNotice } from '../features/notices';
import { showHideProblemNotice } from '../features/notices/hide-problem-notice';
import { showReloadNotice } from '../features/notices/reload-notice';
import { pageReport } from '../features/page-report';
import { Listeners, startFeatures, type Feature, type PageContext } from '../features/registry';
import { seen } from '../features/seen';
import { summaryBar } from '../features/summary-bar';
import { TopicEngine } from '../features/topics/topic-engine';
import { followTopicsAndPrefs } from '../features/topics/topic-feed';
import { TopicHighlights } from '../features/topics/topic-highlights';
import { LibraryMirror } from './library-state';
import { observePage } from './observe-page';
import { PageDecorator } from './page-decorator';
import type { LibraryActions } from './paper-requests';
import { throttle } from './schedule';

/** The features started on every papers page, besides the decorator's own cards, hooks and topics. */
const FEATURES: readonly Feature[] = [summaryBar, keyboard, noCardsNotice, pageReport, displaySettings, seen];

const sleep = (ms: number) => new Promise<null>((r) => setTimeout(() => r(null), ms));

/** Resolves once the HTML is parsed (at once when it already is). */
function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((r) => document.addEventListener('DOMContentLoaded', () => r(), { once: true }));
}

/** How often an open page checks that PaperSift is still there (a property read). */
const ORPHAN_CHECK_MS = 2000;
/** How long the first pass waits for the library, so saved cards don't flash "Save" first. */
const LIBRARY_WAIT_MS = 400;

const actions: LibraryActions = {
  save: (paper, source) => sendToBackground({ type: 'library/save', paper, source }),
  unsave: (id) => sendToBackground({ type: 'library/unsave', id }),
  hide: (id, title, reason, source) => sendToBackground({ type: 'hidden/hide', id, title, reason, source }),
  unhide: (id) => sendToBackground({ type: 'hidden/unhide', id }),
};

/**
 * Wires PaperSift into one HF papers page: detect → decorate → schedule, then the features. Everything it adds is
 * removed when the context is invalidated.
 */
export async function startPaperSift(ctx: ContentScriptContext): Promise<void> {
  // At document_start: hidden cards are held back and collapsed before the parser makes them (early-hide.ts).
  const early = startEarlyHide(document, location.href);
  ctx.onInvalidated(() => early.stop());
  await documentParsed();
  if (ctx.isInvalid) return;
  const started = performance.now();
  const html = document.documentElement;
  const mirror = new LibraryMirror();
  const highlights = new TopicHighlights();
  const stop = new AbortController();
  let observer: ReturnType<typeof observePage> | undefined;
  // Topics are matched in a worker; its script comes from the extension through the background.
  const engine = new TopicEngine(() => sendToBackground({ type: 'topics/worker-source' }));
  engine.onMode = (mode) => html.setAttribute('data-papersift-matching', mode === 'worker' ? 'worker' : 'page');
  const decorator = new PageDecorator(document, () => location.href, mirror, actions, highlights, () => observer?.forget(), engine);
  engine.onWork = (start, phase) => decorator.recordWork('papersift:slice', start, phase);
  const timed = (phase: string, fn: () => void) => decorator.timed(phase, fn);
  const page: PageContext = {
    doc: document,
    decorator,
    timed,
    changed: new Listeners(),
    passed: new Listeners(),
    settings: new Listeners(),
  };
  decorator.onChange = throttle(() => timed('summary', () => {
    page.changed.emit();
    observer?.forget();
  }), 120);
  decorator.onPass = (result) => page.passed.emit(result);
  startFeatures(FEATURES, page, stop.signal);
  decorator.recordWork('papersift:slice', started, 'start');

  const reload = async () => {
    try {
      const state = await sendToBackground({ type: 'state/get' });
      timed('state', () => {
        if (mirror.load(state)) decorator.refresh();
      });
    } catch (err) {
      console.warn('[PaperSift] could not read the library; cards show as unsaved until it answers', err);
    }
  };

  // What was kept ready in storage is there at once; the background's answer follows and is the truth.
  const ready = await Promise.race([early.ready, sleep(LIBRARY_WAIT_MS)]);
  if (ready) {
    timed('state', () => {
      mirror.load(ready.state);
      if (ready.change) mirror.applyEvent(ready.change);
      decorator.mutes.seed(ready.topics, ready.precedence, early.muteFromJson);
    });
  }
  // Follow changes before asking for the state: a change published while `state/get` is on its way (a click on a
  // card shown from the ready state) must not be missed, and load() refuses the answer if it is older.
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const event = changes[CHANGE_KEY]?.newValue as ChangeEvent | undefined;
    if (area !== 'local' || !event) return;
    if (mirror.applyEvent(event)) timed('change', () => decorator.refresh([event.change.id]));
    else void reload(); // we missed events (e.g. the tab was frozen): take the whole state again
  };
  browser.storage.onChanged.addListener(onStorage);
  const loaded = reload();
  // Without it, wait briefly for the background, so saved cards don't flash "Save" first (a sleeping worker may take
  // longer: then the cards appear at once and take their state when it answers).
  if (!ready) await Promise.race([loaded, sleep(LIBRARY_WAIT_MS)]);

  const pass = () => void decorator.pass();
  pass();
  let problemNotice: HTMLElement | undefined;
  early.onProblem((problem) => (problemNotice = showHideProblemNotice(problem)));
  observer = observePage(document.body ?? html, pass);
  ctx.addEventListener(window, 'wxt:locationchange', pass);

  const stopTopics = followTopicsAndPrefs((topics, prefs) => timed('topics', () => {
    highlights.setTopics(topics);
    decorator.setTopics(topics, prefs.precedence);
    page.settings.emit({ topics, prefs });
  }));
  await loaded;


  const onMessage = (msg: unknown, _sender: unknown, sendResponse: (r: Reply<unknown>) => void) => {
    if ((msg as TabRequest | undefined)?.type !== 'page/stats') return false;
    sendResponse({ ok: true, value: decorator.stats() });
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage as never);

  // After an update or reload of PaperSift this script is orphaned (no runtime id); WXT notices only when asked, so
  // ask now and then: the controls go at once instead of failing on the next click. (A plain interval: WXT's own
  // timers stop with the context, which is what we are waiting for.)
  const orphanCheck = setInterval(() => void ctx.isInvalid, ORPHAN_CHECK_MS);

  ctx.onInvalidated(() => {
    clearInterval(orphanCheck);
    // The page first: once PaperSift is gone, its APIs may throw, and nothing of ours may stay behind.
    observer?.disconnect();
    stop.abort();
    decorator.destroy();
    highlights.destroy();
    problemNotice?.remove();
    html.removeAttribute('data-papersift-matching');
    const orphaned = browser.runtime?.id == null;
    try {
      stopTopics();
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage as never);
    } catch {
      // An orphaned script's listeners go with its context anyway.
    }
    // Gone for good, not replaced by a newer copy of this script: say how to get PaperSift back.
    if (orphaned) showReloadNotice();
  });
}
