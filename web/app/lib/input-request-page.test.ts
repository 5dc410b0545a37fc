/**
 * The input request's pages against the real API: staff's questions saved and refused with
 * what was typed kept, a member's answers through the remiss page's action (a conflict on
 * a question someone answered, and the answers kept when refused).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { seedDemoData } from "@remissbanken/api/seed/demo-data";
import { buildRemiss } from "@remissbanken/test/factories";
import { InputRequest, MemberInput } from "@remissbanken/schema";
import { demoUser } from "../../e2e/harness";
// Outside routes/: Remix would take a test file there for a route.
import { action as questionsAction } from "~/routes/remisser_.$id.fragor";
import { action as remissAction } from "~/routes/remisser.$id";
import { answerField } from "./member-input";
import { questionField, questionIdField } from "./input-request";

let api: TestApi;
const cookies: Record<string, string> = {};
let remissId: string;

beforeAll(async () => {
  api = await startTestApi({ SIGN_IN_DELAY_MS: "0" });
  await seedDemoData(api.ds);
  process.env.API_URL = api.url;
  for (const role of ["staff", "member"] as const) {
    const { email, password } = demoUser(role);
    const signedIn = await api.gql(`mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`, { email, password });
    cookies[role] = signedIn.setCookies.map((line) => line.split(";")[0]).join("; ");
  }
  remissId = (await buildRemiss(api.ds.manager, { deadline: "2099-06-30", memberInputDeadline: "2099-05-31" })).id;
});
afterAll(() => api?.stop());

function post(role: "staff" | "member", path: string, fields: Record<string, string>): Request {
  return new Request(`http://web.test${path}`, {
    method: "POST",
    headers: { cookie: cookies[role], "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}
type Problems = { data: { problems: { formError?: string; fieldErrors: Record<string, string>; values: Record<string, string> } }; init: { status?: number } | null };

const saveQuestions = (fields: Record<string, string>) =>
  questionsAction({ request: post("staff", `/remisser/${remissId}/fragor`, fields), params: { id: remissId }, context: {} });
const answer = (fields: Record<string, string>) =>
  remissAction({ request: post("member", `/remisser/${remissId}`, fields), params: { id: remissId }, context: {} });
const stored = () => api.ds.getRepository(InputRequest).findOneBy({ remissId });

describe("staff's questions and a member's answers through the pages' actions", () => {
  it("keeps what staff typed when refused, then sends the questions", async () => {
    const refused = (await saveQuestions({ intro: "Hej", [questionField(0)]: "", [questionField(1)]: "   " })) as unknown as Problems;
    expect(refused.init?.status).toBe(400);
    expect(refused.data.problems.fieldErrors[questionField(0)]).toBe("Skriv minst en fråga.");
    expect(refused.data.problems.values.intro).toBe("Hej");
    expect(await stored()).toBeNull();

    const sent = (await saveQuestions({ intro: "Hej", [questionField(0)]: "Första frågan?", [questionField(1)]: "Andra frågan?", publish: "1" })) as unknown as Response;
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toBe(`/remisser/${remissId}`);
    const request = (await stored())!;
    expect(request.publishedAt).not.toBeNull();
    expect(request.questions.map((q) => q.text)).toEqual(["Första frågan?", "Andra frågan?"]);
  });

  it("saves a member's answers, keeps them when refused, and refuses removing an answered question", async () => {
    const [q1, q2] = (await stored())!.questions;
    const empty = (await answer({ intent: "createInput", mode: "answers", [answerField(q1.id)]: " ", [answerField(q2.id)]: "", send: "0" })) as unknown as Problems;
    expect(empty.data.problems.formError).toBe("Svara på minst en av frågorna.");
    const long = (await answer({ intent: "createInput", mode: "answers", [answerField(q1.id)]: "x".repeat(4_001), [answerField(q2.id)]: "Kort svar", send: "0" })) as unknown as Problems;
    expect(long.data.problems.fieldErrors[answerField(q1.id)]).toContain("högst");
    expect(long.data.problems.values[answerField(q2.id)]).toBe("Kort svar");

    const saved = (await answer({ intent: "createInput", mode: "answers", [answerField(q1.id)]: "Vårt svar", [answerField(q2.id)]: "", send: "0" })) as unknown as Response;
    expect(saved.status).toBe(302);
    const [input] = await api.ds.getRepository(MemberInput).findBy({ remissId });
    expect(input.answers).toEqual([{ questionId: q1.id, text: "Vårt svar" }]);

    const request = (await stored())!;
    const removing = (await saveQuestions({
      expectedVersion: String(request.version), [questionField(0)]: "", [questionIdField(0)]: q1.id, [questionField(1)]: q2.text, [questionIdField(1)]: q2.id,
    })) as unknown as Problems;
    expect(removing.init?.status).toBe(409);
    expect(removing.data.problems.formError).toContain("kan inte tas bort");
    expect(removing.data.problems.values[questionField(1)]).toBe(q2.text);
  });
});
