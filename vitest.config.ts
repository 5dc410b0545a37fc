import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{schema,api,indexer,test}/src/**/*.test.ts"],
    globalSetup: ["test/src/global-setup.ts"],
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
