import { parseSnippet } from "~/lib/snippet";

/** A search snippet with its matches marked, rendered as text (see lib/snippet.ts). */
export function Snippet({ html }: { html: string }) {
  return (
    <>
      {parseSnippet(html).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
