/**
 * `npm run attach-text -- <designation> <file>`: attaches a document's full text from a
 * .pdf, .html/.htm or .txt file (form feeds separate pages). Uses the database of a running
 * `npm start`, the one at DATABASE_URL, or starts the embedded one.
 */
import "reflect-metadata";
import fs from "node:fs/promises";
import path from "node:path";
import { createDataSource } from "@remissbanken/schema";
import { connectEngines } from "@remissbanken/indexer";
import { DESIGNATION_EXAMPLES, parseDesignation } from "@remissbanken/schema/designation";
import { DomainError } from "../common/errors.js";
import { findDocumentByDesignation } from "./document.service.js";
import { attachDocumentText, fullTextSource } from "./document-text.service.js";

const [designation, file] = process.argv.slice(2);
if (!designation || !file) {
  console.error('Usage: npm run attach-text -- "SOU 2020:8" path/to/report.pdf');
  process.exit(2);
}
if (!parseDesignation(designation)) {
  console.error(`"${designation}" is not a designation. Write it like ${DESIGNATION_EXAMPLES}.`);
  process.exit(2);
}
const extension = path.extname(file).toLowerCase();
const format = extension === ".pdf" ? "pdf" : extension === ".html" || extension === ".htm" ? "html" : "text";
const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
  const why = error.code === "ENOENT" ? "there is no such file" : error.code === "EISDIR" ? "it is a folder" : error.code === "EACCES" ? "permission denied" : error.message;
  console.error(`Cannot read ${file}: ${why}.`);
  process.exit(2);
});

/** Waits until the indexer has taken the document's changes into the search index. */
async function waitUntilSearchable(ds: import("typeorm").DataSource, documentId: string, since: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await ds.query(
      `SELECT count(*)::int AS pending FROM change_event WHERE entity_id = $1 AND id > $2 AND processed_at IS NULL`,
      [documentId, since],
    );
    if (row.pending === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * Reports pages read: on one line that keeps being rewritten at a terminal, otherwise (a log)
 * every 50 pages and the last.
 */
function pageProgress() {
  const terminal = process.stdout.isTTY;
  return (done: number, total: number) => {
    const line = `Read page ${done} of ${total}`;
    if (terminal) process.stdout.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (done % 50 === 0 || done === total) console.log(line);
  };
}

const engines = await connectEngines(process.env, { search: false });
const ds = createDataSource(engines.databaseUrl);
try {
  await ds.initialize();
  const document = await findDocumentByDesignation(ds, designation);
  if (!document) throw new Error(`No document has the designation ${designation}.`);
  const [{ last }] = await ds.query(`SELECT coalesce(max(id), 0) AS last FROM change_event`);
  console.log(`Reading ${path.basename(file)} (${(bytes.length / 1024 / 1024).toFixed(1)} MB) for ${document.designation}…`);
  const started = Date.now();
  const source = fullTextSource(format, format === "pdf" ? bytes.toString("base64") : bytes.toString("utf8"));
  await attachDocumentText(ds, document.id, source, pageProgress());
  const [row] = await ds.query(`SELECT page_count, char_count FROM document_text WHERE document_id = $1`, [document.id]);
  console.log(
    `Attached ${row.page_count} pages (${row.char_count.toLocaleString("en")} characters) to ${document.designation} ${document.title} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (engines.external) {
    console.log("Waiting for the indexer to make it searchable…");
    console.log((await waitUntilSearchable(ds, document.id, Number(last), 120_000))
      ? "The text is searchable now."
      : "The indexer has not taken it in yet; it becomes searchable as soon as the indexer catches up (see searchStatus).");
  } else {
    console.log("It becomes searchable when the indexer runs next (npm start runs it).");
  }
} catch (error) {
  console.error(error instanceof DomainError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (ds.isInitialized) await ds.destroy();
  await engines.stop();
}
