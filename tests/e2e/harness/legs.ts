/**
 * Which e2e files run in which browser. `SHARED` files are written against the harness's browser switch and run in
 * Chromium and in Firefox; `CHROMIUM_ONLY` files need something the Firefox driver cannot do, and say why (the
 * Firefox leg prints this list, so what it does not check is never silent). tests/unit/e2e-legs.test.ts checks that
 * every e2e file is in exactly one list.
 */
export const SHARED = [
  'tests/e2e/cards.e2e.ts',
  'tests/e2e/save-hide.e2e.ts',
  'tests/e2e/dynamic.e2e.ts',
  'tests/e2e/no-flash.e2e.ts',
  'tests/e2e/popup.e2e.ts',
  'tests/e2e/accessibility.e2e.ts',
  'tests/e2e/topics-page.e2e.ts',
  'tests/e2e/topics-triage.e2e.ts',
  'tests/e2e/topics-ui.e2e.ts',
  'tests/e2e/library.e2e.ts',
] as const;

/** Chromium-only files and why. Firefox's MV2 background is a persistent page: it never sleeps, so no test needs to stop it. */
export const CHROMIUM_ONLY: Record<string, string> = {
  'tests/e2e/faults.e2e.ts':
    'reads IndexedDB inside the service worker, stops the worker mid-burst and reloads the extension from its folder, all over CDP; BiDi offers no such control of an add-on background',
  'tests/e2e/arrival-faults.e2e.ts':
    'streams the page in chunks from a local server behind a routed host (Playwright route.continue) and stops the service worker at document_start over CDP',
  'tests/e2e/resilience.e2e.ts':
    'stops the service worker and breaks its IndexedDB writes over CDP; the same card code shows the rollback message in Firefox',
  'tests/e2e/digest.e2e.ts':
    'fires the digest alarm, reads the badge and the seen store inside the service worker over CDP, and answers the API per test with Playwright routes',
  'tests/e2e/harness.e2e.ts':
    "checks the Chromium driver itself (extension id from the worker URL, storage wiped in the worker); the Firefox driver's routing and reset are exercised by every shared file",
  'tests/e2e/bundle-size.e2e.ts': 'checks the Chromium build output on disk; no browser involved',
  'tests/e2e/firefox-lint.e2e.ts': 'lints the Firefox build and zip with web-ext itself; no browser involved',
};
