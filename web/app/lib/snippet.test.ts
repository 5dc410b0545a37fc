import { describe, expect, it } from "vitest";
import { parseSnippet, unescapeHtml } from "./snippet";

describe("parseSnippet", () => {
  it("splits at the markers and unescapes each part", () => {
    expect(parseSnippet("… om <mark>strandskydd</mark> &amp; <mark>dispenser</mark> i &lt;b&gt;")).toEqual([
      { text: "… om ", marked: false },
      { text: "strandskydd", marked: true },
      { text: " & ", marked: false },
      { text: "dispenser", marked: true },
      { text: " i <b>", marked: false },
    ]);
  });

  it("leaves markup in the text as text, never as elements", () => {
    const parts = parseSnippet("&lt;script&gt;alert(1)&lt;/script&gt; <mark>&lt;img onerror=x&gt;</mark>");
    expect(parts).toEqual([
      { text: "<script>alert(1)</script> ", marked: false },
      { text: "<img onerror=x>", marked: true },
    ]);
  });

  it("unescapes numeric entities and keeps unknown ones", () => {
    expect(unescapeHtml("&#39;a&#x27; &quot;b&quot; &nbspc &bogus; &#0;")).toBe("'a' \"b\" &nbspc &bogus; &#0;");
  });

  it("answers a snippet without matches as one unmarked part", () => {
    expect(parseSnippet("Inga träffar här.")).toEqual([{ text: "Inga träffar här.", marked: false }]);
  });
});
