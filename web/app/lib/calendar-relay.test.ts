/** The web app's /kalender/<token>.ics, which passes the feed on from the API. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = `rbk_${"a".repeat(43)}`;

describe("GET /kalender/<token>.ics on the web app", () => {
  const asked: { url: string; ifNoneMatch: string | undefined }[] = [];
  let api: http.Server;
  let loader: typeof import("~/routes/kalender.$file").loader;

  beforeAll(async () => {
    api = http.createServer((req, res) => {
      asked.push({ url: req.url ?? "", ifNoneMatch: req.headers["if-none-match"] });
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      if (req.url === `/kalender/${TOKEN}.ics`) {
        return void res
          .writeHead(200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-cache", etag: '"v1"', "x-internal": "secret" })
          .end("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
      }
      if (req.url === `/kalender/rbk_${"b".repeat(43)}.ics`) return void res.writeHead(500).end("boom");
      res.writeHead(404).end("Not found");
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    process.env.API_URL = `http://127.0.0.1:${(api.address() as AddressInfo).port}/graphql`;
    ({ loader } = await import("~/routes/kalender.$file"));
  });
  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  const get = (file: string, headers: Record<string, string> = {}) =>
    loader({ request: new Request(`http://web.example/kalender/${file}`, { headers }), params: { file }, context: {} }) as Promise<Response>;

  it("passes the feed on with its own headers only", async () => {
    const res = await get(`${TOKEN}.ics`);
    expect([res.status, await res.text()]).toEqual([200, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"]);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("etag")).toBe('"v1"');
    expect(res.headers.get("x-internal")).toBeNull();
    expect((await get(`${TOKEN}.ics`, { "if-none-match": '"v1"' })).status).toBe(304);
  });

  it("answers a malformed address itself and an API failure with 503", async () => {
    const before = asked.length;
    for (const file of ["x.ics", `${TOKEN}`, `${TOKEN}.ics.ics`, "..%2Fgraphql"]) {
      const res = await get(file);
      expect([file, res.status, await res.text()]).toEqual([file, 404, "Not found"]);
    }
    expect(asked.length).toBe(before);
    expect((await get(`rbk_${"c".repeat(43)}.ics`)).status).toBe(404);
    expect((await get(`rbk_${"b".repeat(43)}.ics`)).status).toBe(503);
  });
});
