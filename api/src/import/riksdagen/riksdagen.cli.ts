/**
 * `npm run import:riksdagen -- --types dir,sou --from 2024-01-01 [--to 2024-12-31]` fetches
 * Riksdagen's open data; `--file a.json [b.json …]` imports saved `dokumentlista` responses.
 * Uses the database of a running `npm start`, the one at DATABASE_URL, or starts the embedded
 * one. Exits 1 when an item failed, 2 on a usage mistake.
 */
import "reflect-metadata";
import path from "node:path";
import { parseArgs } from "node:util";
import { ImportSource, ImportTrigger } from "@remissbanken/schema";
import { createHttpClient } from "../http-client.js";
import { withImportDatabase } from "../import-database.js";
import { formatSummary } from "../import-summary.js";
import { recordImportRun } from "../import-run.js";
import { localDate } from "../source-text.js";
import { IMPORTED_TYPES, isImportedType, type ImportedType } from "./dokumentlista.js";
import { DEFAULT_RIKSDAGEN_BASE_URL, runRiksdagenImport, type RiksdagenQuery } from "./riksdagen-import.js";

const USAGE = `Usage:
  npm run import:riksdagen -- --types dir,sou,ds,prop,bet --from 2024-01-01 [--to 2024-12-31]
  npm run import:riksdagen -- --file a.json [b.json …]
  npm run import:riksdagen -- --status H40314.xml [H703181.json …]   (documents with their chain)
Options:
  --base-url URL   the open data service (default ${DEFAULT_RIKSDAGEN_BASE_URL}, or RIKSDAGEN_BASE_URL)
  --no-text        do not fetch and attach full texts
  --chain          also fetch each document's dokumentstatus: referenced documents and the inquiry
  --delay-ms N     least time between two requests (default 1000)`;

function usage(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      file: { type: "string", multiple: true },
      status: { type: "string", multiple: true },
      types: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "base-url": { type: "string" },
      "no-text": { type: "boolean" },
      chain: { type: "boolean" },
      "delay-ms": { type: "string" },
      help: { type: "boolean" },
    },
  });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const files = [...(values.file ?? []), ...positionals];
let query: RiksdagenQuery | undefined;
if (values.types || values.from || values.to) {
  const types = (values.types ?? "").split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (!types.length) usage("--types is missing.");
  const unknown = types.filter((t) => !isImportedType(t));
  if (unknown.length) usage(`Unknown doktyp ${unknown.map((t) => `"${t}"`).join(", ")}; known are ${Object.keys(IMPORTED_TYPES).join(", ")}.`);
  const from = localDate(values.from);
  if (!values.from || !from) usage(`--from needs a date like 2024-01-01${values.from ? `, not "${values.from}"` : ""}.`);
  const to = values.to ? localDate(values.to) : null;
  if (values.to && !to) usage(`--to needs a date like 2024-12-31, not "${values.to}".`);
  if (to && to < from) usage(`--to (${to}) is before --from (${from}).`);
  query = { types: types as ImportedType[], from, to };
}
const statusFiles = values.status ?? [];
if (!files.length && !statusFiles.length && !query) usage("Give --file with saved responses, or --types and --from to fetch.");
const delayMs = Number(values["delay-ms"] ?? 1000);
if (!Number.isInteger(delayMs) || delayMs < 0) usage(`--delay-ms needs a number of milliseconds, not "${values["delay-ms"]}".`);
const baseUrl = values["base-url"] ?? process.env.RIKSDAGEN_BASE_URL ?? DEFAULT_RIKSDAGEN_BASE_URL;
try {
  new URL(baseUrl);
} catch {
  usage(`The base URL "${baseUrl}" is not a web address.`);
}

const client = createHttpClient({
  minIntervalMs: delayMs,
  onRetry: (url, attempt, why, waitMs) => console.error(`  ${why} from ${url}; retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s`),
});
await withImportDatabase(async (ds, external) => {
  const asked = {
    ...(query ?? {}),
    ...(files.length ? { files: files.map((f) => path.basename(f)) } : {}),
    ...(statusFiles.length ? { statusFiles: statusFiles.map((f) => path.basename(f)) } : {}),
    ...(values.chain ? { chain: true } : {}),
    ...(values["no-text"] ? { withText: false } : {}),
  };
  const { summary } = await recordImportRun(ds, { source: ImportSource.RIKSDAGEN, trigger: ImportTrigger.COMMAND, options: asked }, async () => {
    const summary = await runRiksdagenImport(ds, {
      files,
      statusFiles,
      query,
      baseUrl,
      client,
      withText: !values["no-text"],
      chain: !!values.chain,
      progress: (line) => console.error(line),
    });
    return { result: null, summary };
  });
  console.log(formatSummary(summary));
  if (summary.failed.length) process.exitCode = 1;
  if (!external) console.log("Imported documents become searchable when the indexer runs next (npm start runs it).");
});
