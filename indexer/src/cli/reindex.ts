/**
 * `npm run reindex`: rebuilds the search index from PostgreSQL into a fresh index and swaps
 * it in; search keeps answering meanwhile. Uses the engines of a running `npm start`, those
 * at DATABASE_URL and MEILI_URL, or starts the embedded ones.
 */
import { connectEngines } from "../runtime.js";
import { reindexAll, type ReindexProgress } from "../reindex.js";

const engines = await connectEngines();
const tty = process.stderr.isTTY;
let lastLine = "";
const bar = ({ type, done, total, records }: ReindexProgress) => {
  const width = 30;
  const share = total ? done / total : 1;
  const filled = Math.round(share * width);
  const line = `${type.padEnd(12)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total} objects, ${records} records`;
  if (tty) process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
  else if (done === total || line.slice(0, 50) !== lastLine.slice(0, 50)) process.stderr.write(line + "\n");
  lastLine = line;
};

try {
  const result = await reindexAll({
    databaseUrl: engines.databaseUrl,
    meiliUrl: engines.meiliUrl,
    apiKey: engines.meiliMasterKey,
    index: engines.index,
    onProgress: bar,
  });
  console.log(`\nReindexed in ${(result.durationMs / 1000).toFixed(1)} s:`);
  for (const [type, { objects, records }] of Object.entries(result.counts)) {
    console.log(`  ${type.padEnd(12)} ${String(objects).padStart(7)} objects ${String(records).padStart(9)} records`);
  }
} catch (error) {
  console.error(`\nReindexing failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await engines.stop();
}
