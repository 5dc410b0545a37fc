// Starts GraphiQL against the GraphQL endpoint this page was served from (same origin).
// A separate file, not an inline script, so the page's Content-Security-Policy can forbid inline scripts.
/* global React, ReactDOM, GraphiQL */
const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: false }),
);
