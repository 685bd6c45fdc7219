import { defineConfig } from 'vitest/config';
import { SHARED } from './tests/e2e/harness/legs.ts';

// The Firefox leg of the e2e tests (`npm run test:e2e:firefox` builds .output/firefox-mv2 first): the shared e2e
// files, unchanged, in headless firefox-esr driven by puppeteer-core over WebDriver BiDi. One file at a time, as the
// Chromium leg; its global setup lists the Chromium-only files and why.
export default defineConfig({
  test: {
    environment: 'node',
    include: [...SHARED],
    env: { PAPERSIFT_BROWSER: 'firefox' },
    globalSetup: ['tests/e2e/harness/firefox-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
