/** What a cross-browser e2e file imports: the browser switch, card hooks, waiting. */
export { BROWSER, itOnlyIn, useE2EBrowser, type E2EBrowser, type E2EPage } from './e2e-browser';
export { cardById, type CardRef } from './cards';
export { eventually, normaliseLine, SETTLE_MS } from './wait';
export { decorationSnapshot, waitForDecoration } from '../../../scripts/lib/decoration';
export { countExactText, linkHrefs, textContaining, waitForExactText } from './text';
export { axeViolations, captureDownloads, downloadFrom, fillField, selectOption, setInputFile, type DownloadedFile } from './forms';
export { hideAndStore } from './stored-state';
