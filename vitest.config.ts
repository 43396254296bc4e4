// Test projects: pure unit tests; storage tests against the embedded PostgreSQL and, when
// MISSIONBUY_TEST_DATABASE_URL is set (CI sets it), against that server too; browser tests in Chromium.
import { defineConfig } from 'vitest/config';

const dbTests = ['test/**/*.db.test.ts'];
const externalUrl = process.env.MISSIONBUY_TEST_DATABASE_URL;

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the CPUs: one worker on CI's 2 cores, every file in turn. The tests
    // mostly wait on PostgreSQL (its own processes), so two workers keep both cores busy.
    maxWorkers: 2,
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    hookTimeout: 120_000,
    projects: [
      {
        extends: true as const,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...dbTests, 'test/browser/**'] },
      },
      {
        extends: true as const,
        test: {
          name: 'db-embedded',
          include: dbTests,
          globalSetup: ['test/support/db-global.ts'],
        },
      },
      ...(externalUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'db-external',
                include: dbTests,
                globalSetup: ['test/support/db-global.ts'],
              },
            },
          ]
        : []),
      {
        extends: true as const,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/db-global.ts'],
        },
      },
    ],
  },
});
