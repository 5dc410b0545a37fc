/**
 * Writes web/app/graphql/graphql-env.d.ts, the types gql.tada reads our operations
 * against, from schema/schema.graphql. `npm run schema:emit` runs it; a test fails when
 * the file is stale.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { buildSchema, introspectionFromSchema } from "graphql";
import { minifyIntrospection, outputIntrospectionFile } from "@gql.tada/internal";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_FILE = path.join(ROOT, "schema/schema.graphql");
export const TYPES_FILE = path.join(ROOT, "web/app/graphql/graphql-env.d.ts");

/** The generated file's text for the schema as it is now. */
export async function renderGraphqlTypes(): Promise<string> {
  const schema = buildSchema(await fs.readFile(SCHEMA_FILE, "utf8"));
  const introspection = minifyIntrospection(introspectionFromSchema(schema, { descriptions: false }));
  return outputIntrospectionFile(introspection, { fileType: ".d.ts", shouldPreprocess: true });
}

export async function writeGraphqlTypes(): Promise<void> {
  await fs.writeFile(TYPES_FILE, await renderGraphqlTypes());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeGraphqlTypes();
  console.log(`Wrote ${path.relative(ROOT, TYPES_FILE)}`);
}
