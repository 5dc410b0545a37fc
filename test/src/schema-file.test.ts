import "reflect-metadata";
import fs from "node:fs/promises";
import { expect, it } from "vitest";
import { printSchemaFile, SCHEMA_FILE } from "@remissbanken/api/schema-file";

it("schema/schema.graphql matches the API's resolvers", async () => {
  const committed = await fs.readFile(SCHEMA_FILE, "utf8");
  const current = await printSchemaFile();
  expect(committed, "schema/schema.graphql is stale: run `npm run schema:emit` and commit the result").toBe(current);
});
