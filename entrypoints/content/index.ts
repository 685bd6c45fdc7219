import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPaperSift } from '../../utils/content/start';
import '../../components/page-hooks.css';

export default defineContentScript({
  // /papers, /papers?date=… and /papers/* — but not /paperswithcode.
  matches: ['https://huggingface.co/papers', 'https://huggingface.co/papers?*', 'https://huggingface.co/papers/*'],
  runAt: 'document_idle',
  main: (ctx) => startPaperSift(ctx),
});
