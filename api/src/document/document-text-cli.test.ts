/** `npm run attach-text` answers mistakes with a clear message before touching any database. */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function attachText(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "api/src/document/document-text.cli.ts", ...args], {
      cwd: root,
      // A database that cannot exist: reaching for it would fail differently.
      env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("npm run attach-text", () => {
  it("says a malformed designation is not one, with examples", async () => {
    const result = await attachText("SOU 2020", "betankande.pdf");
    expect(result.code).toBe(2);
    expect(result.output).toContain('"SOU 2020" is not a designation. Write it like SOU 2020:8');
    expect(result.output).not.toMatch(/at .*\.ts:\d+/);
  });

  it("says a missing file is missing, without a stack trace", async () => {
    const result = await attachText("SOU 2020:8", "/no/such/betankande.pdf");
    expect(result.code).toBe(2);
    expect(result.output).toContain("Cannot read /no/such/betankande.pdf: there is no such file.");
    expect(result.output).not.toContain("ENOENT");
  });
});
