import { describe, expect, it } from "vitest";
import type express from "express";
import { isSameOrigin } from "./index";

const request = (headers: Record<string, string>) =>
  ({ get: (name: string) => headers[name.toLowerCase()] }) as unknown as express.Request;

describe("the same-origin check on form posts", () => {
  it("accepts the site's own origin, as addressed or as PUBLIC_URL", () => {
    expect(isSameOrigin(request({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), undefined)).toBe(true);
    expect(isSameOrigin(request({ host: "web:3000", origin: "https://remissbanken.example" }), "https://remissbanken.example")).toBe(true);
    // Non-browser clients send neither header.
    expect(isSameOrigin(request({ host: "127.0.0.1:3000" }), undefined)).toBe(true);
  });

  it("refuses another site, an opaque origin and cross-site fetch metadata", () => {
    expect(isSameOrigin(request({ host: "127.0.0.1:3000", origin: "https://evil.example" }), undefined)).toBe(false);
    expect(isSameOrigin(request({ host: "127.0.0.1:3000", origin: "null" }), undefined)).toBe(false);
    expect(isSameOrigin(request({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }), undefined)).toBe(false);
    expect(isSameOrigin(request({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-site" }), undefined)).toBe(false);
  });
});
