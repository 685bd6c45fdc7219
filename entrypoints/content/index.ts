import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPaperSift } from './pipeline/start';
import { PAPERS_MATCH_PATTERNS } from '../../utils/hf/selectors';
import './hooks.css';

export default defineContentScript({
  matches: PAPERS_MATCH_PATTERNS,
  runAt: 'document_idle',
  main: (ctx) => startPaperSift(ctx),
});
