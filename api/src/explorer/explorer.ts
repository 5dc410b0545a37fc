import { createRequire } from "node:module";
import path from "node:path";
import express from "express";

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * Every file the explorer page loads, served by the API itself from node_modules: many
 * municipal networks block third-party CDNs (Apollo's landing page loads from one), and
 * the explorer must work on a machine without internet access too. GraphiQL 3 is the
 * last major version that ships a prebuilt browser bundle (React comes from its UMD build).
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  "react.js": { file: path.join(packageDir("react"), "umd/react.production.min.js"), type: "text/javascript" },
  "react-dom.js": { file: path.join(packageDir("react-dom"), "umd/react-dom.production.min.js"), type: "text/javascript" },
  "graphiql.js": { file: path.join(packageDir("graphiql"), "graphiql.min.js"), type: "text/javascript" },
  "graphiql.css": { file: path.join(packageDir("graphiql"), "graphiql.min.css"), type: "text/css" },
  "start.js": { file: path.join(import.meta.dirname, "start.js"), type: "text/javascript" },
};

/** Nothing but this origin: the policy itself proves the page needs no other server. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL's editor (CodeMirror) injects style elements; its fonts are data: URLs.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const page = (base: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Remissbanken GraphQL explorer</title>
<link rel="stylesheet" href="${base}/explorer/graphiql.css">
<link rel="stylesheet" href="${base}/explorer/start.css">
</head>
<body>
<div id="graphiql">Loading the GraphQL explorer…</div>
<script src="${base}/explorer/react.js"></script>
<script src="${base}/explorer/react-dom.js"></script>
<script src="${base}/explorer/graphiql.js"></script>
<script src="${base}/explorer/start.js"></script>
</body>
</html>
`;

const PAGE_CSS = "html, body, #graphiql { height: 100%; margin: 0; }\n";

/**
 * The GraphQL explorer (GraphiQL) at GET `base` for browsers (Accept: text/html), with its
 * files under `base`/explorer/. Mount it before the GraphQL endpoint; other requests to
 * `base` pass through to it.
 */
export function explorerRouter(base: string): express.Router {
  const router = express.Router();
  router.get(base, (req, res, next) => {
    if (req.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html") return next();
    res.set({ "content-security-policy": CONTENT_SECURITY_POLICY, "cache-control": "no-cache", "x-content-type-options": "nosniff" });
    res.type("html").send(page(base));
  });
  router.get(`${base}/explorer/:file`, (req, res, next) => {
    if (req.params.file === "start.css") {
      res.type("text/css").set("cache-control", "public, max-age=3600").send(PAGE_CSS);
      return;
    }
    const asset = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!asset) return next();
    res.set({ "content-type": asset.type, "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff" });
    res.sendFile(asset.file);
  });
  return router;
}
