/**
 * `npm run import:remiss -- <url-or-saved-html> …` reads remiss pages of regeringen.se and
 * adds or updates the remisser (and their reports when missing). Uses the database of a
 * running `npm start`, the one at DATABASE_URL, or starts the embedded one. Exits 1 when a
 * page failed, 2 on a usage mistake.
 */
import "reflect-metadata";
import fs from "node:fs/promises";
import path from "node:path";
import { ImportSource, ImportTrigger } from "@remissbanken/schema";
import { createHttpClient } from "../http-client.js";
import { withImportDatabase } from "../import-database.js";
import { emptySummary, formatSummary } from "../import-summary.js";
import { recordImportRun } from "../import-run.js";
import { isSmakom, runRemissImport } from "./remiss-import.js";
import { parseRemissListing, untrackedRemisser } from "./remiss-listing.js";

const args = process.argv.slice(2).filter((a) => a !== "--");
const listing = args[0] === "--list" ? (args[1] ?? "https://www.regeringen.se/remisser/") : null;
const sources = listing ? [] : args;
if ((!listing && !sources.length) || sources.some((s) => s.startsWith("-")) || (listing && args.length > 2)) {
  console.error(`Usage:
  npm run import:remiss -- https://www.regeringen.se/remisser/2026/04/remiss-av-… [saved-page.html …]
  npm run import:remiss -- --list [listing-url-or-saved-html]   (the current remisser not tracked yet)`);
  process.exit(2);
}

const client = createHttpClient({
  onRetry: (url, attempt, why, waitMs) => console.error(`  ${why} from ${url}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s`),
});
await withImportDatabase(async (ds) => {
  if (listing) {
    const html = /^https?:\/\//i.test(listing) ? (await client.get(listing)).body.toString("utf8") : await fs.readFile(listing, "utf8");
    const untracked = await untrackedRemisser(ds, parseRemissListing(html, listing));
    console.log(untracked.length ? `${untracked.length} remisser not tracked yet:` : "Every listed remiss is tracked already.");
    for (const item of untracked) {
      console.log(`  ${item.publishedAt ?? ""} ${item.title}${item.diarienummer ? `, ${item.diarienummer}` : ""}\n    npm run import:remiss -- ${item.url}`);
    }
  }
  if (!sources.length) return;
  const options = { addresses: sources.map((s) => (/^https?:\/\//i.test(s) ? s : path.basename(s))) };
  const { result: results, summary } = await recordImportRun(ds, { source: ImportSource.REGERINGEN, trigger: ImportTrigger.COMMAND, options }, async () => {
    const summary = emptySummary();
    return { result: await runRemissImport(ds, sources, summary, client), summary };
  });
  for (const { page, result } of results) {
    if (!page) continue;
    console.log(`${page.title}`);
    console.log(`  ${page.designation?.normalized ?? "no designation"} · ${page.diarienummer ?? "no diarienummer"} · ${page.ministry ?? "no ministry"} · sista svarsdag ${page.deadline ?? "not found"}`);
    if (page.referralBodies.length) console.log(`  ${page.referralBodies.length} remissinstanser${result?.members.length ? `, among them ${result.members.join(", ")}` : ""}${page.referralBodies.some(isSmakom) ? ", SmåKom is one" : ""}`);
    else if (page.referralBodiesUrl) {
      console.log(`  Remissinstanser as a PDF (${page.referralBodiesProblem ? `not read: ${page.referralBodiesProblem}` : "not fetched for a saved page"}): ${page.referralBodiesUrl}`);
    }
    if (page.responses.length) console.log(`  ${page.responses.length} remissvar published on the page`);
    if (result?.documentCreated) console.log(`  ${page.designation?.normalized} was not in Remissbanken and was created from the page.`);
  }
  console.log(formatSummary(summary));
  if (summary.failed.length) process.exitCode = 1;
});
