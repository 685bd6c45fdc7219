import { defineConfig } from 'vitest/config';

// The Firefox leg of the e2e tests (`npm run test:e2e:firefox` builds .output/firefox-mv2 first): headless
// firefox-esr driven by puppeteer-core over WebDriver BiDi. One file at a time, as the Chromium leg.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
