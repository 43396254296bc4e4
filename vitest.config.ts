// Test projects: pure unit tests; storage tests against the embedded PostgreSQL and, when
// MISSIONBUY_TEST_DATABASE_URL is set (CI sets it), against that server too; browser tests in Chromium.
import { defineConfig } from 'vitest/config';

const dbTests = ['test/**/*.db.test.ts'];
// The storage tests CI also runs against the machine's PostgreSQL: everything below the web and CLI layers (store,
// ingest, imports, analytics, services, jobs) plus the CLI's crash-and-rerun tests. Web and CLI tests drive the same
// services over HTTP or argv; running them twice would test no more SQL and take minutes of CI's 2 cores.
const aboveStorage = ['test/web/**', 'test/cli/!(*-kill).db.test.ts'];
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
                exclude: aboveStorage,
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
