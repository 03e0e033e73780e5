import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    // Two cores here and in CI: forks keep sharp/textlint native state per process.
    pool: "forks",
  },
});
