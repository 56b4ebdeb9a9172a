import { defineConfig } from 'vitest/config';

// CI sets VITEST_JSON_REPORT so .ci/run can print the "N passed, N failed" line vitest does not print.
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The end-to-end tests spawn real processes; two workers fit this project's 2-core machines.
    maxWorkers: 2,
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
