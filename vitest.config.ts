import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Vite would give our sources graphql's ESM build while type-graphql and Apollo
    // require its CommonJS build; two copies break graphql's instanceof checks.
    // Node itself (tsx, production) loads the CommonJS build everywhere.
    alias: [
      { find: /^graphql$/, replacement: require.resolve("graphql") },
      { find: /^~\//, replacement: `${import.meta.dirname}/web/app/` },
    ],
  },
  test: {
    include: ["{schema,api,indexer,test}/src/**/*.test.ts", "web/{app,server,e2e,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["test/src/global-setup.ts"],
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
