import type { Feature } from '../registry';
import { reportPagePapers } from './page-papers';

/** Tells the background which papers this page lists, for the options page's topic preview. */
export const pageReport: Feature = {
  name: 'page report',
  start(page, signal) {
    page.changed.add(reportPagePapers(page.decorator, signal), signal);
  },
};
