import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityManager } from "typeorm";
import { GoalStatus, InquiryStatus, MemberInputStatus, ResponseKind, ResponseStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import {
  buildDocument, buildInquiry, buildMemberInput, buildPriorityArea, buildRemiss, buildResponse, buildUserWithToken,
} from "@remissbanken/test/factories";

let api: TestApi;
const tokens: Record<"staff" | "board" | "member", string> = { staff: "", board: "", member: "" };

const REPORT = `query($year: Int!) {
  priorityReport(year: $year) {
    year
    areas { area { name year } inquiriesFollowed responsesSent memberInputReceived goals { text status comment } }
  }
}`;

const m = (): EntityManager => api.ds.manager;
const at = (iso: string) => new Date(iso);
const tag = (table: "response_priority_area", ownerColumn: "response_id", ownerId: string, areaIds: string[]) =>
  Promise.all(areaIds.map((areaId) => m().query(`INSERT INTO ${table} (${ownerColumn}, priority_area_id) VALUES ($1, $2)`, [ownerId, areaId])));

/**
 * "Bostadsförsörjning" is a priority area in 2025 and again in 2026 (two rows, as the autumn
 * meetings decide them); everything below is tagged with both, so the two reports differ only
 * by dates. Times near New Year are in UTC: 2025-12-31T23:30Z is already 2026 in Stockholm.
 */
beforeAll(async () => {
  api = await startTestApi();
  for (const role of ["staff", "board", "member"] as const) {
    tokens[role] = (await buildUserWithToken(m(), { role: Role[role.toUpperCase() as "STAFF"] })).token;
  }
  const housing25 = await buildPriorityArea(m(), { name: "Bostadsförsörjning", year: 2025 }, ["Strandskyddet"]);
  const housing26 = await buildPriorityArea(m(), { name: "Bostadsförsörjning", year: 2026 }, [
    { text: "Fler bostäder", status: GoalStatus.ACHIEVED, comment: "Två nya lagförslag" },
  ]);
  const broadband26 = await buildPriorityArea(m(), { name: "Bredbandsutbyggnad", year: 2026 });
  await buildPriorityArea(m(), { name: "Arkiverad fråga", year: 2026, archivedAt: new Date() });
  const both = [housing25.id, housing26.id];

  // Inquiries: ongoing since 2024 (both years), concluded in 2025 (2025 only), begun in 2026 (2026 only), archived (never).
  const since2024 = await buildInquiry(m(), { status: InquiryStatus.ONGOING }, [...both, broadband26.id]);
  await buildDocument(m(), { inquiryId: since2024.id, publishedAt: "2024-03-01" });
  const concluded2025 = await buildInquiry(m(), { status: InquiryStatus.CONCLUDED, reportDueDate: "2025-11-30" }, both);
  await buildDocument(m(), { inquiryId: concluded2025.id, publishedAt: "2025-02-01" });
  const begun2026 = await buildInquiry(m(), { status: InquiryStatus.CONCLUDED }, both);
  await buildDocument(m(), { inquiryId: begun2026.id, publishedAt: "2026-02-01" });
  await buildInquiry(m(), { status: InquiryStatus.ONGOING, archivedAt: new Date() }, both);
  // Not tagged: counts nowhere.
  await buildInquiry(m(), { status: InquiryStatus.ONGOING });

  // A remiss tagged through its document, and one that is not tagged.
  const taggedRemiss = await buildRemiss(m(), { documentId: (await buildDocument(m(), {}, both)).id });
  const untaggedRemiss = await buildRemiss(m());

  // Responses: tagged themselves, through their remiss, or through their inquiry; sent either side of New Year.
  const submitted = (submittedAt: string) => ({ status: ResponseStatus.SUBMITTED, submittedAt: at(submittedAt) });
  const newYearsNight = await buildResponse(m(), { remissId: untaggedRemiss.id, ...submitted("2025-12-31T23:30:00Z") });
  await tag("response_priority_area", "response_id", newYearsNight.id, both);
  const newYearsEve = await buildResponse(m(), { remissId: untaggedRemiss.id, ...submitted("2025-12-31T22:30:00Z") });
  await tag("response_priority_area", "response_id", newYearsEve.id, both);
  await buildResponse(m(), { remissId: taggedRemiss.id, ...submitted("2026-06-10T10:00:00Z") });
  await buildResponse(m(), { kind: ResponseKind.POSITION, remissId: null, inquiryId: begun2026.id, ...submitted("2026-09-01T10:00:00Z") });
  // Not counted: approved but not sent, archived, not tagged.
  await buildResponse(m(), { remissId: taggedRemiss.id, status: ResponseStatus.APPROVED, submittedAt: null });
  await buildResponse(m(), { remissId: taggedRemiss.id, ...submitted("2026-03-01T10:00:00Z"), archivedAt: new Date() });
  await buildResponse(m(), { remissId: untaggedRemiss.id, ...submitted("2026-03-01T10:00:00Z") });

  // Member input: submitted either side of New Year on the tagged remiss, on a tagged inquiry; drafts and withdrawn input do not count.
  const input = (remissId: string | null, status: MemberInputStatus, submittedAt: string | null, inquiryId: string | null = null) =>
    buildMemberInput(m(), { remissId, inquiryId, status, submittedAt: submittedAt ? at(submittedAt) : null });
  await input(taggedRemiss.id, MemberInputStatus.SUBMITTED, "2025-12-31T23:30:00Z");
  await input(taggedRemiss.id, MemberInputStatus.SUBMITTED, "2025-12-31T22:30:00Z");
  await input(taggedRemiss.id, MemberInputStatus.SUBMITTED, "2026-04-01T08:00:00Z");
  await input(null, MemberInputStatus.SUBMITTED, "2026-05-01T08:00:00Z", since2024.id);
  await input(taggedRemiss.id, MemberInputStatus.DRAFT, null);
  await input(taggedRemiss.id, MemberInputStatus.WITHDRAWN, "2026-04-02T08:00:00Z");
  await input(untaggedRemiss.id, MemberInputStatus.SUBMITTED, "2026-04-01T08:00:00Z");
  // 2026-12-31T23:30Z is 2027 in Stockholm.
  await input(taggedRemiss.id, MemberInputStatus.SUBMITTED, "2026-12-31T23:30:00Z");
});
afterAll(() => api?.stop());

describe("priorityReport", () => {
  it("counts per area of 2026, in Swedish time, with the goals and their status", async () => {
    const result = await api.gql(REPORT, { year: 2026 }, { token: tokens.staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.priorityReport).toEqual({
      year: 2026,
      areas: [
        {
          area: { name: "Bostadsförsörjning", year: 2026 },
          // Ongoing since 2024, begun in 2026.
          inquiriesFollowed: 2,
          // New Year's night (2026 in Stockholm), through the remiss in June, the position on the inquiry.
          responsesSent: 3,
          // New Year's night, April, and May on the inquiry.
          memberInputReceived: 3,
          goals: [{ text: "Fler bostäder", status: "ACHIEVED", comment: "Två nya lagförslag" }],
        },
        { area: { name: "Bredbandsutbyggnad", year: 2026 }, inquiriesFollowed: 1, responsesSent: 0, memberInputReceived: 1, goals: [] },
      ],
    });
  });

  it("counts 2025 by its own dates: the inquiry concluded that year, New Year's Eve before midnight", async () => {
    const result = await api.gql(REPORT, { year: 2025 }, { token: tokens.board });
    expect(result.data.priorityReport.areas).toEqual([
      {
        area: { name: "Bostadsförsörjning", year: 2025 },
        inquiriesFollowed: 2,
        responsesSent: 1,
        memberInputReceived: 1,
        goals: [{ text: "Strandskyddet", status: "IN_PROGRESS", comment: null }],
      },
    ]);
  });

  it("is empty for a year without areas", async () => {
    const result = await api.gql(REPORT, { year: 2030 }, { token: tokens.member });
    expect(result.data.priorityReport).toEqual({ year: 2030, areas: [] });
  });

  it("needs sign-in, is read by staff, board and members, and refuses a year out of range", async () => {
    expect(errorCode(await api.gql(REPORT, { year: 2026 }))).toBe("UNAUTHENTICATED");
    for (const token of Object.values(tokens)) {
      expect((await api.gql(REPORT, { year: 2026 }, { token })).data.priorityReport.areas).toHaveLength(2);
    }
    for (const year of [1899, 2101]) expect(errorCode(await api.gql(REPORT, { year }, { token: tokens.staff }))).toBe("BAD_USER_INPUT");
  });

  it("runs a fixed number of statements however many areas there are", async () => {
    const count = () => api.countQueries(() => api.gql(REPORT, { year: 2026 }, { token: tokens.staff }));
    const before = await count();
    for (let i = 0; i < 3; i++) await buildPriorityArea(m(), { name: `Fråga ${i}`, year: 2026 }, ["Ett mål"]);
    expect(await count()).toBe(before);
  });
});
