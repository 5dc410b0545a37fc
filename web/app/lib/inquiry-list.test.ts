import { describe, expect, it } from "vitest";
import { latestDocument, parseInquiryListParams } from "./inquiry-list";

describe("the inquiry list", () => {
  it("picks the document published last, counting undated documents as oldest", () => {
    const docs = [
      { id: "dir", publishedAt: "2019-05-02" },
      { id: "undated", publishedAt: null },
      { id: "sou", publishedAt: "2020-02-10" },
      { id: "tilläggsdir", publishedAt: "2019-11-14" },
    ];
    expect(latestDocument(docs)?.id).toBe("sou");
    expect(latestDocument([])).toBeNull();
    expect(latestDocument([{ id: "only", publishedAt: null }])?.id).toBe("only");
  });

  it("reads the status and cursor from the URL, ignoring unknown statuses", () => {
    expect(parseInquiryListParams(new URLSearchParams("status=ONGOING&efter=abc"))).toEqual({ status: "ONGOING", after: "abc" });
    expect(parseInquiryListParams(new URLSearchParams("status=pågår"))).toEqual({ status: null, after: null });
  });
});
