/** Writes schema/schema.graphql from the resolvers; a test fails when the file is stale. */
import "reflect-metadata";
import fs from "node:fs/promises";
import { printSchemaFile, SCHEMA_FILE } from "../schema-file.js";

await fs.writeFile(SCHEMA_FILE, await printSchemaFile());
console.log(`Wrote ${SCHEMA_FILE}`);
