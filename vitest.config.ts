import { defineConfig } from "vitest/config";

// LibreOffice (tests/support/libreoffice.ts) and Chromium suites start real programs: a cold
// LibreOffice start with a fresh profile takes seconds, so timeouts are generous. The machine has
// 2 cores: at most 2 forked workers.
export default defineConfig({
  test: {
    include: [
      "tests/**/*.test.ts",
      "addin/**/*.test.ts",
      "functions/**/*.test.ts",
      "taskpane/**/*.test.{ts,tsx}",
      "templates/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
