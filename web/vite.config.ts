import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    remix({
      appDirectory: "app",
      // Tests beside route modules are not routes.
      ignoredRouteFiles: ["**/*.test.*"],
      // web/server/build.ts builds each version of the sources into a directory of its own.
      buildDirectory: process.env.WEB_BUILD_DIR ?? "build/dev",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  resolve: { alias: { "~": path.join(import.meta.dirname, "app") } },
  // Our own packages are TypeScript: bundle them into the server build.
  ssr: { noExternal: [/^@remissbanken\//] },
  // The manifest (build/<hash>/.vite/client-manifest.json) lets `npm run bench:web` count the JavaScript each route ships.
  build: { sourcemap: false, manifest: true },
  server: { port: 3000 },
});
