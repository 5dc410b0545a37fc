/**
 * `npm run import:remiss -- <url-or-saved-html> …` reads remiss pages of regeringen.se and
 * adds or updates the remisser (and their reports when missing). Uses the database of a
 * running `npm start`, the one at DATABASE_URL, or starts the embedded one. Exits 1 when a
 * page failed, 2 on a usage mistake.
 */
import "reflect-metadata";
import { createDataSource } from "@remissbanken/schema";
import { connectEngines } from "@remissbanken/indexer/runtime";
import { createHttpClient } from "../http-client.js";
import { emptySummary, formatSummary } from "../import-summary.js";
import { isSmakom, runRemissImport } from "./remiss-import.js";

const sources = process.argv.slice(2).filter((a) => a !== "--");
if (!sources.length || sources.some((s) => s.startsWith("-"))) {
  console.error("Usage: npm run import:remiss -- https://www.regeringen.se/remisser/2026/04/remiss-av-… [saved-page.html …]");
  process.exit(2);
}

const client = createHttpClient({
  onRetry: (url, attempt, why, waitMs) => console.error(`  ${why} from ${url}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s`),
});
const engines = await connectEngines(process.env, { search: false });
const ds = createDataSource(engines.databaseUrl);
try {
  await ds.initialize();
  const summary = emptySummary();
  for (const { page, result } of await runRemissImport(ds, sources, summary, client)) {
    if (!page) continue;
    console.log(`${page.title}`);
    console.log(`  ${page.designation?.normalized ?? "no designation"} · ${page.diarienummer ?? "no diarienummer"} · ${page.ministry ?? "no ministry"} · sista svarsdag ${page.deadline ?? "not found"}`);
    if (page.referralBodies.length) console.log(`  ${page.referralBodies.length} remissinstanser${result?.members.length ? `, among them ${result.members.join(", ")}` : ""}${page.referralBodies.some(isSmakom) ? ", SmåKom is one" : ""}`);
    else if (page.referralBodiesUrl) console.log(`  Remissinstanser as a PDF (not read): ${page.referralBodiesUrl}`);
    if (page.responses.length) console.log(`  ${page.responses.length} remissvar published on the page`);
    if (result?.documentCreated) console.log(`  ${page.designation?.normalized} was not in Remissbanken and was created from the page.`);
  }
  console.log(formatSummary(summary));
  if (summary.failed.length) process.exitCode = 1;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  if (ds.isInitialized) await ds.destroy();
  await engines.stop();
}
