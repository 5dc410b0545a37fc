import "reflect-metadata";
import fs from "node:fs/promises";
import { expect, it } from "vitest";
import { printSchemaFile, SCHEMA_FILE } from "@remissbanken/api/schema-file";

it("schema/schema.graphql matches the API's resolvers", async () => {
  const committed = await fs.readFile(SCHEMA_FILE, "utf8");
  const current = await printSchemaFile();
  expect(committed, "schema/schema.graphql is stale: run `npm run schema:emit` and commit the result").toBe(current);
});

it("the web app's GraphQL types match schema/schema.graphql", async () => {
  const { renderGraphqlTypes, TYPES_FILE } = await import("@remissbanken/web/scripts/graphql-types");
  const committed = await fs.readFile(TYPES_FILE, "utf8");
  expect(committed, "web/app/graphql/graphql-env.d.ts is stale: run `npm run schema:emit` and commit the result").toBe(await renderGraphqlTypes());
});
