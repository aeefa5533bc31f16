import { defineConfig } from "vitest/config";

// Browser tests: real Chromium, run by `npm run test:e2e` (and by `npm test` through it).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
