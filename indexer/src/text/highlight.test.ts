import { describe, expect, it } from "vitest";
import { highlight, queryTerms } from "./highlight.js";

describe("highlight", () => {
  it("marks the words whose terms the query has, compounds and inflections included, and escapes the rest", () => {
    const { html, matched } = highlight("Strandskyddsutredningen <föreslår> att strandskyddet & fjällen ses över.", queryTerms("strandskydd"));
    expect(matched).toBe(true);
    expect(html).toBe("<mark>Strandskyddsutredningen</mark> &lt;föreslår&gt; att <mark>strandskyddet</mark> &amp; fjällen ses över.");
  });

  it("splits words where letters and digits end, as the analysis does, astral letters and lone surrogates included", () => {
    const text = "SOU 2020:8 om 𝐀bc-vatten, 😀vatten\ud800vatten.";
    const { html } = highlight(text, queryTerms("vatten"));
    expect(html).toBe("SOU 2020:8 om 𝐀bc-<mark>vatten</mark>, 😀<mark>vatten</mark>\ud800<mark>vatten</mark>.");
    expect(highlight("2020", queryTerms("2020")).html).toBe("<mark>2020</mark>");
  });

  it("shows the window with most matches, with context before the first and ellipses where it is cut", () => {
    const words = Array.from({ length: 100 }, (_, i) => `ord${i}`);
    words[60] = "bredband";
    words[62] = "bredbandet";
    const { html } = highlight(words.join(" "), queryTerms("bredband"), { words: 10 });
    expect(html).toBe("… ord56 ord57 ord58 ord59 <mark>bredband</mark> ord61 <mark>bredbandet</mark> ord63 ord64 ord65 …");
    expect(highlight("inget här", queryTerms("bredband"))).toEqual({ html: "inget här", matched: false });
  });
});
