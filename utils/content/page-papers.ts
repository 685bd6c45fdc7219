import { sendToBackground } from '../messaging/client';
import type { PagePaper } from '../messaging/protocol';
import type { PageDecorator } from './page-decorator';

const MAX_PAPERS = 300;
const DELAY_MS = 1500;

/**
 * Tells the background which papers this page lists, so the options page can preview a topic against them.
 * Debounced, and sent only when the list of ids changed: it is a hint for an editor, not page-critical work.
 */
export function reportPagePapers(decorator: PageDecorator): () => void {
  let lastKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    const papers = decorator.papers(MAX_PAPERS);
    const key = location.href + '|' + papers.map((p) => p.id).join(',');
    if (!papers.length || key === lastKey) return;
    lastKey = key;
    const compact: PagePaper[] = papers.map((p) => ({
      id: p.id,
      title: p.title,
      ...(p.abstract ? { abstract: p.abstract } : {}),
      ...(p.keywords ? { keywords: p.keywords } : {}),
      ...(p.authors.length ? { authors: p.authors } : {}),
      ...(p.organization ? { organization: p.organization } : {}),
    }));
    sendToBackground({ type: 'page/papers', url: location.href, papers: compact }).catch((err: unknown) => {
      lastKey = ''; // try again next time
      console.warn('[PaperSift] could not share this page with the topic preview', err);
    });
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(send, DELAY_MS);
  };
}
