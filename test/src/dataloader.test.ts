import { afterAll, beforeAll, expect, it } from "vitest";
import type { EntityManager } from "typeorm";
import { Inquiry, MemberInputStatus, ResponseStatus, Role } from "@remissbanken/schema";
import {
  buildDocument, buildInquiry, buildMemberInput, buildPriorityArea, buildRemiss, buildResponse, buildUserWithToken,
} from "@remissbanken/test/factories";
import { startTestApi, type TestApi } from "./harness.js";

let api: TestApi;
let staff: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
});
afterAll(() => api?.stop());

const QUERY = `query($first: Int) {
  inquiries(first: $first) { nodes { documents {
    remisser { responses { title } memberInputs { text } document { title } }
    priorityAreas { name }
  } } }
}`;

/** Adds inquiries until there are `total`, each with 2 documents, 2 remisser per document, and 2 responses and 2 inputs per remiss. */
async function growTo(m: EntityManager, total: number) {
  const area = await buildPriorityArea(m);
  while ((await m.count(Inquiry)) < total) {
    const inquiry = await buildInquiry(m);
    for (let d = 0; d < 2; d++) {
      const document = await buildDocument(m, { inquiryId: inquiry.id }, [area.id]);
      for (let r = 0; r < 2; r++) {
        const remiss = await buildRemiss(m, { documentId: document.id });
        await buildResponse(m, { remissId: remiss.id, status: ResponseStatus.SUBMITTED });
        await buildResponse(m, { remissId: remiss.id, status: ResponseStatus.DRAFT });
        await buildMemberInput(m, { remissId: remiss.id, status: MemberInputStatus.SUBMITTED });
        await buildMemberInput(m, { remissId: remiss.id, status: MemberInputStatus.SUBMITTED });
      }
    }
  }
}

async function measure(n: number) {
  let result: any;
  // The token's last-used time is written at most every five minutes; make each measure write it.
  await api.ds.query(`UPDATE api_token SET last_used_at = NULL`);
  const statements = await api.countQueries(async () => {
    result = await api.gql(QUERY, { first: 10 }, { token: staff });
    // It is written in the background; let it land inside the count.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const inquiries = result.data.inquiries.nodes;
  expect(inquiries).toHaveLength(n);
  // Everything was loaded, so the count covers every level of the tree.
  for (const inquiry of inquiries) {
    expect(inquiry.documents).toHaveLength(2);
    for (const document of inquiry.documents) {
      expect(document.priorityAreas).toHaveLength(1);
      expect(document.remisser).toHaveLength(2);
      for (const remiss of document.remisser) {
        expect(remiss.responses).toHaveLength(2);
        expect(remiss.memberInputs).toHaveLength(2);
        expect(remiss.document.title).toEqual(expect.any(String));
      }
    }
  }
  return statements;
}

it("loads a nested tree with the same small number of statements for 2 and for 10 inquiries", async () => {
  await growTo(api.ds.manager, 2);
  const forTwo = await measure(2);
  await growTo(api.ds.manager, 10);
  const forTen = await measure(10);

  expect(forTen).toBe(forTwo);
  // Sign-in, the page and its count, then one statement per relation level.
  expect(forTwo).toBeLessThanOrEqual(10);
});
