import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Chromium: one file at a time, generous timeouts.
// Firefox's suite (tests/e2e/firefox) has its own config: vitest.e2e-firefox.config.ts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: ['tests/e2e/firefox/**', '**/node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
