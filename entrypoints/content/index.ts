import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPaperSift } from './pipeline/start';
import { PAPERS_MATCH_PATTERNS } from '../../utils/hf/selectors';
import './hooks.css';

export default defineContentScript({
  matches: PAPERS_MATCH_PATTERNS,
  // document_start: hidden papers must be collapsed before the page is first painted (features/hide/early-hide.ts).
  runAt: 'document_start',
  main: (ctx) => startPaperSift(ctx),
});
