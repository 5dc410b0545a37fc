import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";

/**
 * A secret kept in a file readable only by its owner: created once (hex, so it never reads
 * as a command-line flag or needs escaping in a URL) and reused on every later start.
 */
export async function readOrCreateSecret(file: string, bytes = 32): Promise<string> {
  const existing = (await fs.readFile(file, "utf8").catch(() => "")).trim();
  if (existing) return existing;
  // "wx": when two starts race, the first write wins and both read it back.
  await fs.writeFile(file, `${randomBytes(bytes).toString("hex")}\n`, { mode: 0o600, flag: "wx" }).catch(() => undefined);
  return (await fs.readFile(file, "utf8")).trim();
}
