import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import { createMailer } from "./mailer.js";

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(chunk.toString())), done()) });
  return { log: pino({ level: "info" }, stream), lines };
}

describe("the development mailer", () => {
  it("writes captured mail to the log, not the console, and idle() waits for mail being sent", async () => {
    const { log, lines } = capturingLogger();
    const console = vi.spyOn(globalThis.console, "log");
    const mailer = await createMailer({ from: "Remissbanken <noreply@smakom.example>", echoToConsole: true }, log);
    try {
      void mailer.send({ to: "anna@forshaga.example", subject: "Återställ ditt lösenord", text: "Öppna http://localhost:3000/x?token=rbl_abc" });
      await mailer.idle();
      expect(mailer.captured).toHaveLength(1);
      const entry = lines.find((line) => String(line.msg).startsWith("development mail"));
      expect(entry).toMatchObject({ level: 30, to: ["anna@forshaga.example"], subject: "Återställ ditt lösenord" });
      expect(entry!.msg).toContain("http://localhost:3000/x?token=rbl_abc");
      expect(console).not.toHaveBeenCalled();
    } finally {
      console.mockRestore();
      await mailer.close();
    }
  });

  it("keeps the body out of the log when not echoing (tests, production)", async () => {
    const { log, lines } = capturingLogger();
    const mailer = await createMailer({ from: "Remissbanken <noreply@smakom.example>", echoToConsole: false }, log);
    try {
      await mailer.send({ to: "anna@forshaga.example", subject: "Inbjudan", text: "hemlig länk rbl_secret" });
      await mailer.idle();
      expect(mailer.captured).toHaveLength(1);
      expect(lines.map((line) => line.msg)).toEqual(["mail sent"]);
      expect(JSON.stringify(lines)).not.toContain("rbl_secret");
    } finally {
      await mailer.close();
    }
  });
});
