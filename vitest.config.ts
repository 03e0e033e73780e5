import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Timeouts are a guard against hangs, never a speed check (speed lives in npm run bench): generous,
    // for tests and for the hooks that build sites and repositories, so a busy machine stays green.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores here and in CI: forks keep sharp/textlint native state per process.
    pool: "forks",
  },
});
