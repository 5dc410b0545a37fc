/**
 * `npm run attach-text -- <designation> <file>`: attaches a document's full text from a
 * .pdf, .html/.htm or .txt file (form feeds separate pages). Uses the database of a running
 * `npm start`, the one at DATABASE_URL, or starts the embedded one.
 */
import "reflect-metadata";
import fs from "node:fs/promises";
import path from "node:path";
import { createDataSource } from "@remissbanken/schema";
import { connectEngines } from "@remissbanken/indexer/runtime";
import { DomainError } from "../common/errors.js";
import { findDocumentByDesignation } from "./document.service.js";
import { attachDocumentText, fullTextSource } from "./document-text.service.js";

const [designation, file] = process.argv.slice(2);
if (!designation || !file) {
  console.error('Usage: npm run attach-text -- "SOU 2020:8" path/to/report.pdf');
  process.exit(2);
}
const extension = path.extname(file).toLowerCase();
const format = extension === ".pdf" ? "pdf" : extension === ".html" || extension === ".htm" ? "html" : "text";
const bytes = await fs.readFile(file);

const engines = await connectEngines(process.env, { search: false });
const ds = createDataSource(engines.databaseUrl);
try {
  await ds.initialize();
  const document = await findDocumentByDesignation(ds, designation);
  if (!document) throw new Error(`No document has the designation ${designation}.`);
  const source = fullTextSource(format, format === "pdf" ? bytes.toString("base64") : bytes.toString("utf8"));
  await attachDocumentText(ds, document.id, source);
  const [row] = await ds.query(`SELECT page_count, char_count FROM document_text WHERE document_id = $1`, [document.id]);
  console.log(`Attached ${row.page_count} pages (${row.char_count.toLocaleString("en")} characters) to ${document.designation} ${document.title}.`);
} catch (error) {
  console.error(error instanceof DomainError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (ds.isInitialized) await ds.destroy();
  await engines.stop();
}
