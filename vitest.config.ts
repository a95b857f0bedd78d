import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      'bin/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
    ],
    globalSetup: ['test/support/global-setup.ts'],
    // Every case an import keeps for its year is checked against the year read back (year-cases.ts).
    env: { ZEREN_CHECK_YEAR_CASES: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
