import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "./unreachable.js";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnreachable", () => {
  it("knows a database that is away", () => {
    expect(isDatabaseUnreachable(withCode("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnreachable(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnreachable(withCode("57P03", "the database system is starting up"))).toBe(true);
    expect(isDatabaseUnreachable(withCode("08006"))).toBe(true);
    expect(isDatabaseUnreachable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnreachable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    // As TypeORM and GraphQL wrap it, and as node reports every address of "localhost".
    expect(isDatabaseUnreachable({ message: "query failed", driverError: withCode("57P01") })).toBe(true);
    expect(isDatabaseUnreachable({ message: "wrapped", originalError: { message: "q", driverError: withCode("ECONNRESET") } })).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new AggregateError([withCode("ECONNREFUSED")]), { code: undefined }))).toBe(true);
  });

  it("does not take a refused statement or another service for it", () => {
    expect(isDatabaseUnreachable(withCode("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseUnreachable(withCode("40001"))).toBe(false);
    expect(isDatabaseUnreachable(new Error("Internal"))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
    // fetch's failure to reach Meilisearch carries the socket error as its cause.
    expect(isDatabaseUnreachable(new TypeError("fetch failed", { cause: withCode("ECONNREFUSED") }))).toBe(false);
  });
});
