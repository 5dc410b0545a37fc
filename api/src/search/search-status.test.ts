import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { errorCode, startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
});
afterAll(() => api?.stop());

const STATUS = `{ searchStatus { engineAvailable pendingChanges retryingChanges oldestPendingAt lastError } }`;

describe("searchStatus", () => {
  it("shows staff the changes waiting for the index and the ones being retried", async () => {
    // No indexer runs beside this API: every change waits in the outbox.
    await api.ds.query(`UPDATE change_event SET processed_at = now() WHERE processed_at IS NULL`);
    await buildDocument(api.ds.manager);
    await buildDocument(api.ds.manager);
    await api.ds.query(
      `UPDATE change_event SET attempts = 2, last_error = 'Meilisearch unavailable' WHERE id = (SELECT max(id) FROM change_event)`,
    );
    const result = await api.gql(STATUS, {}, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.searchStatus).toMatchObject({
      engineAvailable: true,
      pendingChanges: 2,
      retryingChanges: 1,
      lastError: "Meilisearch unavailable",
    });
    expect(Date.parse(result.data.searchStatus.oldestPendingAt)).toBeLessThanOrEqual(Date.now());
  });

  it("is for staff and admin only", async () => {
    expect(errorCode(await api.gql(STATUS))).toBe("UNAUTHENTICATED");
    for (const role of [Role.MEMBER, Role.BOARD]) {
      const token = (await buildUserWithToken(api.ds.manager, { role })).token;
      expect(errorCode(await api.gql(STATUS, {}, { token })), role).toBe("FORBIDDEN");
    }
  });
});
