import { defineConfig } from 'vitest/config';

// The end-to-end flows in Firefox ESR (the MV2 build in .output/firefox-mv2), driven over WebDriver
// BiDi: one file at a time, generous timeouts, as in Chromium's suite (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
