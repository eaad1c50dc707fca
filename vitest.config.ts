import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Timeouts catch hangs, not slowness: on a loaded 2-core machine a 20 s test (a corpus of
    // 1,005 reports analysed) has run past 30 s, and a hook stopping PostgreSQL clusters past 10 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
