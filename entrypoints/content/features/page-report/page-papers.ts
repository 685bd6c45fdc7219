import { sendToBackground } from '../../../../utils/messaging/client';
import type { PagePaper } from '../../../../utils/messaging/protocol';
import type { PageDecorator } from '../../pipeline/page-decorator';

const MAX_PAPERS = 300;
const DELAY_MS = 1500;

/**
 * Tells the background which papers this page lists, so the options page can preview a topic against them.
 * Debounced, and sent only when the list of ids changed: it is a hint for an editor, not page-critical work.
 */
export function reportPagePapers(decorator: PageDecorator, signal: AbortSignal): () => void {
  let lastKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = async () => {
    if (signal.aborted) return;
    const url = location.href;
    const ids = decorator.cardIds(MAX_PAPERS);
    const key = url + '|' + ids.join(',');
    if (!ids.length || key === lastKey) return;
    lastKey = key;
    try {
      const papers: PagePaper[] = await decorator.papers(MAX_PAPERS);
      await sendToBackground({ type: 'page/papers', url, papers });
    } catch (err) {
      lastKey = ''; // try again next time
      console.warn('[PaperSift] could not share this page with the topic preview', err);
    }
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void send(), DELAY_MS);
  };
}
