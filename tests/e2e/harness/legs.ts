/**
 * Which e2e files run in which browser. `SHARED` files are written against the harness's browser switch and run in
 * Chromium and in Firefox; `CHROMIUM_ONLY` files need something the Firefox driver cannot do, and say why (the
 * Firefox leg prints this list, so what it does not check is never silent). harness.e2e.ts checks that every e2e
 * file is in exactly one list.
 */
export const SHARED = [
  'tests/e2e/cards.e2e.ts',
  'tests/e2e/save-hide.e2e.ts',
  'tests/e2e/dynamic.e2e.ts',
  'tests/e2e/popup.e2e.ts',
  'tests/e2e/accessibility.e2e.ts',
  'tests/e2e/topics-page.e2e.ts',
  'tests/e2e/topics-triage.e2e.ts',
  'tests/e2e/library.e2e.ts',
] as const;

export const CHROMIUM_ONLY: Record<string, string> = {};
