import { defineConfig } from 'vitest/config';

// End-to-end tests in real Chromium with the built extension (`npm run test:e2e` builds first).
// One file at a time: each file drives its own Chromium and the machines have 2 cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // A failure in real Chromium is worth a second look, not a silent retry.
    retry: 0,
  },
});
