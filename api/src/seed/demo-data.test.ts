import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { seedDemoData } from "./demo-data.js";
import { buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;

beforeAll(async () => {
  api = await startTestApi();
  expect(await seedDemoData(api.ds)).toBe(true);
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF, municipalityId: null })).token;
});
afterAll(() => api?.stop());

describe("demo data", () => {
  it("loads only into an empty database", async () => {
    const before = await api.ds.query("SELECT count(*)::int AS n FROM document");
    expect(await seedDemoData(api.ds)).toBe(false);
    expect(await api.ds.query("SELECT count(*)::int AS n FROM document")).toEqual(before);
  });

  it("has the real material from SmåKom's documents", async () => {
    const result = await api.gql(
      `{
        sou: document(designation: "sou 2020 8") { title inquiry { name committeeDesignation } }
        dir: document(designation: "dir 2019:41") { inquiry { name reportDueDate } }
        d94: document(designation: "Dir. 2019:94") { title }
        d88: document(designation: "Dir. 2020:88") { title }
        spara: document(designation: "SOU 2011:59") { title remisser { diarienummer ministry responses { status submittedAt sections { body } } } }
        municipalities(first: 20) { nodes { name county } }
        priorityAreas(year: 2021) { totalCount nodes { name goals { text } } }
      }`,
      {},
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data;
    expect(data.sou.title).toBe("Starkare kommuner – med kapacitet att klara välfärdsuppdraget");
    expect(data.sou.inquiry.name).toBe("Kommunutredningen");
    expect(data.dir.inquiry).toEqual({ name: "Strandskyddsutredningen", reportDueDate: "2020-11-30" });
    expect(data.d94.title).toBe("Kommunernas ansvar för brottsförebyggande arbete");
    expect(data.d88.title).toBe("En effektiv ekonomistyrning i kommuner och regioner");
    const [remiss] = data.spara.remisser;
    expect(remiss).toMatchObject({ diarienummer: "Fi2011/4105", ministry: "Finansdepartementet" });
    expect(remiss.responses[0].status).toBe("SUBMITTED");
    expect(remiss.responses[0].submittedAt.slice(0, 10)).toBe("2012-01-12");
    expect(remiss.responses[0].sections.map((s: { body: string }) => s.body).join(" ")).toMatch(/kommunstabiliseringsfond/);
    expect(data.municipalities.nodes.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(["Forshaga", "Tidaholm", "Mullsjö", "Tibro", "Karlsborg", "Hjo", "Habo", "Hultsfred", "Krokom"]),
    );
    expect(data.priorityAreas.totalCount).toBe(6);
    const goals = data.priorityAreas.nodes.flatMap((a: { goals: { text: string }[] }) => a.goals.map((g) => g.text));
    expect(goals).toContain("Bevaka statliga utredningar som påverkar kommunernas möjligheter/hinder för byggande");
  });

  it("has full texts written for the demo, with the report's headings, for SOU 2011:59 and the exercise remiss", async () => {
    const result = await api.gql(
      `{
        spara: document(designation: "SOU 2011:59") { fullText { pageCount } headings { number title } sectionText(number: "8") }
        others: documents(filter: { kinds: [OTHER] }, first: 20) { nodes { id title } }
      }`,
      {},
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    const { spara } = result.data;
    expect(spara.fullText.pageCount).toBe(5);
    expect(spara.headings.map((h: { number: string; title: string }) => `${h.number} ${h.title}`)).toEqual([
      "1 Inledning", "2 Kommunernas ekonomi", "7 Resultatutjämningsreserver", "7.1 Gällande regler", "7.2 Utredningens förslag",
      "8 Kommunstabiliseringsfond", "9 Ikraftträdande",
    ]);
    expect(spara.sectionText).toMatch(/^Utredningen föreslår att en statlig kommunstabiliseringsfond inrättas/);
    const { id } = result.data.others.nodes.find((d: { title: string }) => d.title.startsWith("Övningsremiss (demodata)"));
    const exercise = await api.gql(`query($id: ID!) { document(id: $id) { title headings { number } textPages(count: 1) { text } } }`, { id });
    expect(exercise.data.document.title).toMatch(/^Övningsremiss \(demodata\)/);
    expect(exercise.data.document.headings.map((h: { number: string }) => h.number)).toEqual(["1", "2", "2.1", "2.2", "3", "4"]);
    // Nobody should take the demo texts for the reports' own.
    expect(exercise.data.document.textPages[0].text).toContain("skriven för Remissbankens demo");
  });

  it("has one user per role who can sign in with the documented password", async () => {
    for (const [email, password, role] of [
      ["admin@smakom.example", "demo-admin-2021", "ADMIN"],
      ["staff@smakom.example", "demo-staff-2021", "STAFF"],
      ["board@smakom.example", "demo-board-2021", "BOARD"],
      ["member@smakom.example", "demo-member-2021", "MEMBER"],
    ]) {
      const result = await api.gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role municipality { name } } }`, { e: email, p: password });
      expect(result.errors, email).toBeUndefined();
      expect(result.data.signIn.role).toBe(role);
      if (role === "MEMBER") expect(result.data.signIn.municipality.name).toBe("Forshaga");
    }
  });

  it("has deadlines to try in the coming weeks", async () => {
    const result = await api.gql(`{ upcomingDeadlines(days: 60) { kind date remiss { document { title } } } }`, {}, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.upcomingDeadlines.map((d: { kind: string }) => d.kind)).toEqual(["MEMBER_INPUT", "REMISS"]);
  });

  it("has this year's priority areas with goals, so the yearly report has something to show", async () => {
    const year = Number(new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" }).format(new Date()));
    const result = await api.gql(
      `query($year: Int!) { priorityReport(year: $year) { areas { area { name } inquiriesFollowed memberInputReceived goals { status } } } }`,
      { year },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    const areas = result.data.priorityReport.areas;
    expect(areas).toHaveLength(6);
    expect(new Set(areas.flatMap((a: { goals: { status: string }[] }) => a.goals.map((g) => g.status)))).toEqual(
      new Set(["NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "NOT_ACHIEVED"]),
    );
    // The ongoing inquiry on ekonomistyrning and Forshaga's input on the exercise remiss.
    expect(areas.find((a: { area: { name: string } }) => a.area.name === "Finansiering för tillväxt")).toMatchObject({ inquiriesFollowed: 1, memberInputReceived: 1 });
  });
});
