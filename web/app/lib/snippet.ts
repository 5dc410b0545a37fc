/**
 * Search snippets arrive HTML-escaped with matches in <mark>…</mark>. They are never put
 * into the page as HTML: this splits them at the markers into plain-text parts, and the
 * page renders the marked parts in <mark> elements of its own.
 */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Undoes the API's escaping (&amp; &lt; &gt; &quot; &#39; and numeric forms); unknown entities stay as written. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

export function parseSnippet(html: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  // Odd pieces of the split lie between <mark> and </mark>.
  html.split(/<mark>|<\/mark>/).forEach((piece, index) => {
    if (piece) parts.push({ text: unescapeHtml(piece), marked: index % 2 === 1 });
  });
  return parts;
}
