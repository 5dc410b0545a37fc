import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { throttledCheck } from "./throttle.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

const settings = { maxFailures: 5, lockMs: 15 * 60_000, delayMs: 0 };
const fail = (email: string, ip: string, minutesAgo: number) =>
  api.ds.query(`INSERT INTO sign_in_attempt (email, ip, succeeded, at) VALUES ($1, $2, false, now() - make_interval(mins => $3))`, [email, ip, minutesAgo]);

async function refusal(email: string, ip: string): Promise<string> {
  try {
    await throttledCheck(api.ds, email, ip, settings, async () => "ok");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the attempt to be refused");
}

describe("the lockout message", () => {
  it("says when the failure that reached the limit ages out, not a full lock from the last failure", async () => {
    for (const minutesAgo of [14, 13, 12, 11, 10]) await fail("spread@example.se", "10.0.0.1", minutesAgo);
    expect(await refusal("spread@example.se", "10.0.0.1")).toMatch(/Try again in 1 minute\b/);

    for (let i = 0; i < 5; i++) await fail("burst@example.se", "10.0.0.2", 0);
    expect(await refusal("burst@example.se", "10.0.0.2")).toMatch(/Try again in 15 minutes/);
  });

  it("uses the address's own lock when a fresh email comes from an address locked for spraying", async () => {
    for (let i = 0; i < 20; i++) await fail(`victim${i}@example.se`, "10.0.0.3", 12);
    expect(await refusal("fresh@example.se", "10.0.0.3")).toMatch(/Try again in 3 minutes/);
  });
});
