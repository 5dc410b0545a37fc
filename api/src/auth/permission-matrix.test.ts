/**
 * The permission matrix: every role, anonymous callers and a member of another
 * municipality against every query and mutation of the built schema. Expected
 * outcomes come from the policy table (`can`), so the API and the policy cannot
 * drift apart; an operation missing from CASES fails the first test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNamedType, isObjectType, type GraphQLSchema } from "graphql";
import {
  MemberInputStatus, OneTimeTokenPurpose, ResponseStatus, Role, SavedSearch, SynonymGroup, User, type MemberInput, type Municipality, type Response,
} from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { REGERINGEN_PAGES, startRegeringenServer, type RegeringenServer } from "@remissbanken/test/regeringen-server";
import { getSchema } from "../schema.js";
import {
  buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildPriorityArea, buildRemiss, buildResponse, buildUser, buildUserWithToken,
} from "@remissbanken/test/factories";
import { ANONYMOUS_SUBJECTS, can, POLICY_RULES, type Actor, type Subject } from "./policy.js";
import { toActor, issueApiToken } from "./tokens.js";
import { hashPassword } from "./passwords.js";
import { issueLink } from "./one-time-links.js";
import { logScope } from "../logger.js";

const CALLERS = ["anonymous", "admin", "staff", "board", "member", "otherMember"] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = "ALLOWED" | "HIDDEN" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND";
type Vars = Record<string, unknown>;

interface Fixtures {
  own: Municipality;
  other: Municipality;
  users: Record<Exclude<Caller, "anonymous">, { user: User; token: string; actor: Actor }>;
  documentId: string;
  inquiryId: string;
  remissId: string;
  priorityAreaId: string;
  draftResponse: Response;
  approvedResponse: Response;
  ownDraft: MemberInput;
  ownSubmitted: MemberInput;
  otherSubmitted: MemberInput;
  otherDraft: MemberInput;
}

/** A word only this fixture's text contains, so a search finds exactly it. */
const WORDS = {
  draftResponse: "molnbärsutkast",
  approvedResponse: "krusbärssvar",
  ownDraft: "blåbärsutkast",
  ownSubmitted: "lingonsynpunkt",
  otherDraft: "hjortronutkast",
  otherSubmitted: "tranbärssynpunkt",
} as const;
type Searchable = keyof typeof WORDS;

/** Hidden means hidden everywhere: no hit, no count, no facet, no snippet. */
function searchShowsNothing(d: any): boolean {
  const facets = Object.values(d.search.facets as Record<string, { count: number }[]>).flat();
  return d.search.totalHits === 0 && d.search.hits.length === 0 && facets.every((facet) => facet.count === 0);
}

/** One rule an operation applies, in the order it applies them; `denied` is how a refusal shows. */
interface Gate {
  subject: Subject;
  action: string;
  target?: (f: Fixtures, actor: Actor) => unknown;
  denied?: "FORBIDDEN" | "NOT_FOUND" | "HIDDEN";
}

interface Case {
  operation: string;
  variant?: string;
  gates: Gate[];
  query: string;
  vars?: (f: Fixtures, actor: Actor | null) => Promise<Vars> | Vars;
  /** How a hidden row shows; default: the field is null. */
  hidden?: (data: any, vars: Vars) => boolean;
  /** Extra check of an allowed answer. */
  allowed?: (data: any, vars: Vars) => boolean;
}

/**
 * The rules the API itself consulted while serving a request (inside a request's log
 * scope), recorded by wrapping each rule of the table. The expected outcomes the test
 * computes with `can` run outside any request and do not count.
 */
const consultedByApi = new Set<string>();
for (const [subject, actions] of Object.entries(POLICY_RULES) as [string, Record<string, (...args: unknown[]) => boolean>][]) {
  for (const [action, rule] of Object.entries(actions)) {
    actions[action] = (...args: unknown[]) => {
      if (logScope.getStore()) consultedByApi.add(`${subject}.${action}`);
      return rule(...args);
    };
  }
}

const gate = (subject: Subject, action: string, target?: Gate["target"], denied?: Gate["denied"]): Gate => ({ subject, action, target, denied });
const SIGNED_IN = gate("account", "manageOwn");
const CATALOG_READ = gate("catalog", "read");
const CATALOG_WRITE = gate("catalog", "write");
const PUBLIC = gate("publicRecord", "read");
const ANYONE = gate("authentication", "use");
const PASSWORD = "ett långt lösenord";

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const ids = (list: { id: string }[]) => list.map((x) => x.id);
let api: TestApi;
let regeringen: RegeringenServer;
const synonymGroup = () => m().save(SynonymGroup, { code: `grupp-${unique()}`, phrases: [`ordz${unique()}`, `frasz${unique()}`] });
const m = () => api.ds.manager;

const CASES: Case[] = [
  // Public records: documents and inquiries, even without signing in.
  { operation: "document", gates: [PUBLIC], query: `query($id: ID) { document(id: $id) { id } }`, vars: (f) => ({ id: f.documentId }) },
  { operation: "documents", gates: [PUBLIC], query: `{ documents { totalCount } }` },
  { operation: "inquiry", gates: [PUBLIC], query: `query($id: ID!) { inquiry(id: $id) { id } }`, vars: (f) => ({ id: f.inquiryId }) },
  { operation: "inquiries", gates: [PUBLIC], query: `{ inquiries { totalCount } }` },
  { operation: "me", gates: [ANYONE], query: `{ me { id } }`, hidden: () => false, allowed: (d) => d.me === null || typeof d.me.id === "string" },

  // Catalog: every signed-in user reads.
  { operation: "remiss", gates: [CATALOG_READ], query: `query($id: ID) { remiss(id: $id) { id } }`, vars: (f) => ({ id: f.remissId }) },
  { operation: "remisser", gates: [CATALOG_READ], query: `{ remisser { totalCount } }` },
  { operation: "municipality", gates: [CATALOG_READ], query: `query($id: ID!) { municipality(id: $id) { id } }`, vars: (f) => ({ id: f.own.id }) },
  { operation: "municipalities", gates: [CATALOG_READ], query: `{ municipalities { totalCount } }` },
  { operation: "priorityArea", gates: [CATALOG_READ], query: `query($id: ID!) { priorityArea(id: $id) { id } }`, vars: (f) => ({ id: f.priorityAreaId }) },
  { operation: "priorityAreas", gates: [CATALOG_READ], query: `{ priorityAreas { totalCount } }` },
  { operation: "upcomingDeadlines", gates: [CATALOG_READ], query: `{ upcomingDeadlines(days: 366) { date } }` },

  // Responses: published to every signed-in user, drafts to staff and board only (as missing to others).
  {
    operation: "response", variant: "published",
    gates: [CATALOG_READ, gate("response", "read", (f) => f.approvedResponse, "HIDDEN")],
    query: `query($id: ID!) { response(id: $id) { id } }`, vars: (f) => ({ id: f.approvedResponse.id }),
  },
  {
    operation: "response", variant: "draft",
    gates: [CATALOG_READ, gate("response", "read", (f) => f.draftResponse, "HIDDEN")],
    query: `query($id: ID!) { response(id: $id) { id } }`, vars: (f) => ({ id: f.draftResponse.id }),
  },
  {
    operation: "responses", variant: "draft in list, counted",
    gates: [CATALOG_READ, gate("response", "read", (f) => f.draftResponse, "HIDDEN")],
    query: `query($r: ID) { responses(first: 100, filter: { remissId: $r }) { totalCount nodes { id } } }`,
    vars: (f) => ({ r: f.draftResponse.remissId, id: f.draftResponse.id }),
    allowed: (d, v) => ids(d.responses.nodes).includes(v.id as string) && d.responses.totalCount === 1,
    hidden: (d, v) => !ids(d.responses.nodes).includes(v.id as string) && d.responses.totalCount === 0,
  },
  {
    operation: "responses", variant: "published in list",
    gates: [CATALOG_READ, gate("response", "read", (f) => f.approvedResponse, "HIDDEN")],
    query: `query($r: ID) { responses(first: 100, filter: { remissId: $r }) { nodes { id } } }`,
    vars: (f) => ({ r: f.approvedResponse.remissId, id: f.approvedResponse.id }),
    allowed: (d, v) => ids(d.responses.nodes).includes(v.id as string),
    hidden: (d, v) => !ids(d.responses.nodes).includes(v.id as string),
  },

  // Member input: own municipality sees all of its input; staff and board see others' submitted input; drafts stay home.
  ...(["ownDraft", "ownSubmitted", "otherDraft", "otherSubmitted"] as const).flatMap((which): Case[] => [
    {
      operation: "memberInput", variant: which,
      gates: [SIGNED_IN, gate("memberInput", "read", (f) => f[which], "HIDDEN")],
      query: `query($id: ID!) { memberInput(id: $id) { id } }`, vars: (f) => ({ id: f[which].id }),
    },
    {
      operation: "memberInputs", variant: `${which} in list, counted`,
      gates: [SIGNED_IN, gate("memberInput", "read", (f) => f[which], "HIDDEN")],
      query: `query($r: ID, $mid: ID) { memberInputs(first: 100, filter: { remissId: $r, municipalityId: $mid }) { totalCount nodes { id } } }`,
      vars: (f) => ({ r: f[which].remissId, mid: f[which].municipalityId, id: f[which].id }),
      allowed: (d, v) => ids(d.memberInputs.nodes).includes(v.id as string),
      hidden: (d, v) => !ids(d.memberInputs.nodes).includes(v.id as string) && d.memberInputs.totalCount === d.memberInputs.nodes.length,
    },
  ]),
  {
    operation: "createMemberInput",
    gates: [SIGNED_IN, gate("memberInput", "create", (_f, a) => ({ municipalityId: a.municipalityId ?? "" }))],
    query: `mutation($r: ID!) { createMemberInput(input: { remissId: $r, text: "Vi ser konsekvenser." }) { id } }`,
    vars: (f) => ({ r: f.remissId }),
  },
  ...(
    [
      ["updateMemberInput", `mutation($id: ID!) { updateMemberInput(input: { id: $id, text: "Ändrad text." }) { id } }`, MemberInputStatus.SUBMITTED],
      ["submitMemberInput", `mutation($id: ID!) { submitMemberInput(id: $id) { id } }`, MemberInputStatus.DRAFT],
      ["withdrawMemberInput", `mutation($id: ID!) { withdrawMemberInput(id: $id) { id } }`, MemberInputStatus.SUBMITTED],
    ] as const
  ).map(([operation, query, status]): Case => {
    const target = (f: Fixtures) => ({ municipalityId: f.own.id, status }) as MemberInput;
    return {
      operation, query,
      gates: [SIGNED_IN, gate("memberInput", "read", target, "NOT_FOUND"), gate("memberInput", "edit", target, "FORBIDDEN")],
      vars: async (f) => ({ id: (await buildMemberInput(m(), { remissId: f.remissId, municipalityId: f.own.id, status, submittedAt: null })).id }),
    };
  }),

  // Catalog writes: staff.
  {
    operation: "createDocument", gates: [CATALOG_WRITE],
    query: `mutation($d: String!) { createDocument(input: { kind: DS, designation: $d, title: "En promemoria" }) { id } }`,
    // Factories number designations below 9000, so these never collide.
    vars: () => ({ d: `Ds 2001:${9100 + n++}` }),
  },
  {
    operation: "updateDocument", gates: [CATALOG_WRITE],
    query: `mutation($id: ID!) { updateDocument(input: { id: $id, title: "Ny titel" }) { id } }`,
    vars: async () => ({ id: (await buildDocument(m())).id }),
  },
  {
    operation: "archiveDocument", gates: [CATALOG_WRITE],
    query: `mutation($id: ID!) { archiveDocument(id: $id) { id } }`,
    vars: async () => ({ id: (await buildDocument(m())).id }),
  },
  { operation: "createInquiry", gates: [CATALOG_WRITE], query: `mutation($n: String!) { createInquiry(input: { name: $n }) { id } }`, vars: () => ({ n: `Utredning ${unique()}` }) },
  {
    operation: "updateInquiry", gates: [CATALOG_WRITE],
    query: `mutation($id: ID!) { updateInquiry(input: { id: $id, name: "Nytt namn" }) { id } }`,
    vars: async () => ({ id: (await buildInquiry(m())).id }),
  },
  { operation: "archiveInquiry", gates: [CATALOG_WRITE], query: `mutation($id: ID!) { archiveInquiry(id: $id) { id } }`, vars: async () => ({ id: (await buildInquiry(m())).id }) },
  {
    operation: "createRemiss", gates: [CATALOG_WRITE],
    query: `mutation($d: ID!) { createRemiss(input: { documentId: $d, ministry: "Finansdepartementet", deadline: "2099-06-30" }) { id } }`,
    vars: async () => ({ d: (await buildDocument(m())).id }),
  },
  {
    operation: "updateRemiss", gates: [CATALOG_WRITE],
    query: `mutation($id: ID!) { updateRemiss(input: { id: $id, notes: "Intern anteckning" }) { id } }`,
    vars: async () => ({ id: (await buildRemiss(m())).id }),
  },
  { operation: "archiveRemiss", gates: [CATALOG_WRITE], query: `mutation($id: ID!) { archiveRemiss(id: $id) { id } }`, vars: async () => ({ id: (await buildRemiss(m())).id }) },
  {
    operation: "saveMemberInputSummary", gates: [gate("memberInputSummary", "write")],
    query: `mutation($id: ID!) { saveMemberInputSummary(remissId: $id, text: "Tre kommuner har svarat.", publish: true) { id } }`,
    vars: async () => ({ id: (await buildRemiss(m())).id }),
  },
  {
    operation: "saveInputRequest", gates: [SIGNED_IN, gate("inputRequest", "write")],
    query: `mutation($id: ID!) { saveInputRequest(input: { remissId: $id, questions: [{ text: "Påverkas er kommun?" }], publish: true }) { id } }`,
    vars: async () => ({ id: (await buildRemiss(m(), { deadline: "2099-06-30" })).id }),
  },
  {
    operation: "createMunicipality", gates: [CATALOG_WRITE],
    query: `mutation($n: String!) { createMunicipality(input: { name: $n, county: "Västra Götalands län" }) { id } }`,
    vars: () => ({ n: `Kommun ${unique()}` }),
  },
  {
    operation: "updateMunicipality", gates: [CATALOG_WRITE],
    query: `mutation($id: ID!) { updateMunicipality(input: { id: $id, county: "Jönköpings län" }) { id } }`,
    vars: async () => ({ id: (await buildMunicipality(m())).id }),
  },
  { operation: "archiveMunicipality", gates: [CATALOG_WRITE], query: `mutation($id: ID!) { archiveMunicipality(id: $id) { id } }`, vars: async () => ({ id: (await buildMunicipality(m())).id }) },
  {
    operation: "createPriorityArea", gates: [CATALOG_WRITE],
    query: `mutation($n: String!) { createPriorityArea(input: { name: $n, year: 2024 }) { id } }`,
    vars: () => ({ n: `Område ${unique()}` }),
  },
  {
    operation: "updatePriorityArea", gates: [CATALOG_WRITE],
    query: `mutation($id: ID!) { updatePriorityArea(input: { id: $id, description: "Ny beskrivning" }) { id } }`,
    vars: async () => ({ id: (await buildPriorityArea(m())).id }),
  },
  { operation: "archivePriorityArea", gates: [CATALOG_WRITE], query: `mutation($id: ID!) { archivePriorityArea(id: $id) { id } }`, vars: async () => ({ id: (await buildPriorityArea(m())).id }) },
  // The yearly goals and report: staff write goals; every signed-in user reads them and the report.
  {
    operation: "priorityReport", gates: [gate("priorityReport", "read"), gate("priorityGoal", "read")],
    query: `query($year: Int!) { priorityReport(year: $year) { areas { inquiriesFollowed goals { id } } } }`,
    vars: async () => ({ year: (await buildPriorityArea(m(), {}, ["Ett mål"])).year }),
  },
  {
    operation: "addGoal", gates: [gate("priorityGoal", "write")],
    query: `mutation($id: ID!) { addGoal(input: { priorityAreaId: $id, text: "Ett nytt mål" }) { id } }`,
    vars: async () => ({ id: (await buildPriorityArea(m())).id }),
  },
  ...(["updateGoal", "removeGoal"] as const).map((operation): Case => ({
    operation, gates: [gate("priorityGoal", "write")],
    query: operation === "updateGoal"
      ? `mutation($id: ID!) { updateGoal(input: { id: $id, status: ACHIEVED }) { id } }`
      : `mutation($id: ID!) { removeGoal(id: $id) { id } }`,
    vars: async () => {
      const area = await buildPriorityArea(m(), {}, ["Ett mål"]);
      const [{ id }] = await m().query(`SELECT id FROM goal WHERE priority_area_id = $1`, [area.id]);
      return { id };
    },
  })),

  // Responses: staff write, the board approves.
  {
    operation: "createResponse", gates: [gate("response", "create")],
    query: `mutation($r: ID!) { createResponse(input: { remissId: $r, title: "Remissvar" }) { id } }`,
    vars: async () => ({ r: (await buildRemiss(m())).id }),
  },
  {
    operation: "saveResponseVersion", gates: [gate("response", "edit")],
    query: `mutation($id: ID!) { saveResponseVersion(input: { responseId: $id, baseVersion: 1, sections: [{ heading: "Sammanfattning", body: "Ny text." }] }) { id } }`,
    vars: async () => ({ id: (await buildResponse(m())).id }),
  },
  {
    operation: "setResponsePriorityAreas", gates: [gate("response", "tag")],
    query: `mutation($id: ID!, $v: Int!, $a: ID!) { setResponsePriorityAreas(input: { id: $id, expectedVersion: $v, priorityAreaIds: [$a] }) { id } }`,
    vars: async (f) => {
      const response = await buildResponse(m(), { status: ResponseStatus.SUBMITTED });
      return { id: response.id, v: response.version, a: f.priorityAreaId };
    },
  },
  ...(
    [
      ["requestResponseApproval", "requestApproval", ResponseStatus.DRAFT, `mutation($id: ID!) { requestResponseApproval(id: $id) { id } }`],
      ["returnResponseToDraft", "returnToDraft", ResponseStatus.FOR_APPROVAL, `mutation($id: ID!) { returnResponseToDraft(id: $id) { id } }`],
      ["approveResponse", "approve", ResponseStatus.FOR_APPROVAL, `mutation($id: ID!) { approveResponse(id: $id, version: 1) { id } }`],
      ["markResponseSubmitted", "markSubmitted", ResponseStatus.APPROVED, `mutation($id: ID!) { markResponseSubmitted(id: $id) { id } }`],
      ["archiveResponse", "archive", ResponseStatus.DRAFT, `mutation($id: ID!) { archiveResponse(id: $id) { id } }`],
    ] as const
  ).map(([operation, action, status, query]): Case => ({
    operation, query, gates: [gate("response", action)],
    vars: async () => ({ id: (await buildResponse(m(), { status })).id }),
  })),

  // Users: admin manages all, staff invite members and board; everyone reads their municipality's people.
  { operation: "users", gates: [gate("user", "list")], query: `{ users { totalCount } }` },
  {
    operation: "user", gates: [SIGNED_IN, gate("user", "read", (f) => f.users.member.user, "HIDDEN")],
    query: `query($id: ID!) { user(id: $id) { id } }`, vars: (f) => ({ id: f.users.member.user.id }),
  },
  ...(["createUser", "inviteUser"] as const).flatMap((operation) =>
    ([Role.MEMBER, Role.STAFF] as const).map((role): Case => ({
      operation, variant: role,
      gates: [gate("user", "manage", () => ({ role }))],
      query: `mutation($input: CreateUserInput!) { ${operation}(input: $input) { id } }`,
      vars: (f) => ({
        input: { name: "Ny Person", email: `ny-${unique()}@smakom.example`, role: role.toUpperCase(), municipalityId: role === Role.MEMBER ? f.own.id : null },
      }),
    })),
  ),
  {
    operation: "sendInvitation",
    gates: [SIGNED_IN, gate("user", "read", (f) => ({ id: "new", municipalityId: f.own.id, role: Role.MEMBER }), "NOT_FOUND"), gate("user", "manage", () => ({ role: Role.MEMBER }))],
    query: `mutation($id: ID!) { sendInvitation(userId: $id) }`,
    vars: async (f) => ({ id: (await buildUser(m(), { role: Role.MEMBER, municipalityId: f.own.id })).id }),
  },
  {
    operation: "updateUser",
    gates: [SIGNED_IN, gate("user", "update", () => ({ user: { id: "new", role: Role.MEMBER }, changesAccess: true, newRole: null }))],
    query: `mutation($id: ID!) { updateUser(input: { id: $id, name: "Nytt Namn", active: true }) { id } }`,
    vars: async (f) => ({ id: (await buildUser(m(), { role: Role.MEMBER, municipalityId: f.own.id })).id }),
  },
  {
    operation: "archiveUser", gates: [SIGNED_IN, gate("user", "archive", () => ({ id: "new", role: Role.BOARD }))],
    query: `mutation($id: ID!) { archiveUser(id: $id) { id } }`,
    vars: async () => ({ id: (await buildUser(m(), { role: Role.BOARD })).id }),
  },

  // One's own account.
  { operation: "myApiTokens", gates: [SIGNED_IN], query: `{ myApiTokens { id } }` },
  { operation: "createApiToken", gates: [SIGNED_IN], query: `mutation { createApiToken(name: "skript") { secret } }` },
  {
    operation: "revokeApiToken", gates: [SIGNED_IN],
    query: `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`,
    vars: async (f, actor) => ({ id: (await issueApiToken(m(), actor?.id ?? f.users.staff.user.id, "att återkalla", new Date(Date.now() + 86_400_000))).token.id }),
  },
  { operation: "signOutEverywhere", gates: [SIGNED_IN], query: `mutation { signOutEverywhere }` },
  { operation: "regenerateCalendarFeed", gates: [SIGNED_IN], query: `mutation { regenerateCalendarFeed { url } }` },
  { operation: "revokeCalendarFeed", gates: [SIGNED_IN], query: `mutation { revokeCalendarFeed }` },
  {
    operation: "updateNotificationSettings", gates: [SIGNED_IN],
    query: `mutation { updateNotificationSettings(settings: [{ kind: "follow", enabled: true }]) { kind enabled } }`,
  },
  {
    operation: "changePassword", gates: [SIGNED_IN],
    query: `mutation($p: String!) { changePassword(currentPassword: $p, newPassword: $p) }`, vars: () => ({ p: PASSWORD }),
  },

  // Saved searches and follows: one's own, for anyone signed in; another person's is as missing (watch.own).
  { operation: "mySavedSearches", gates: [SIGNED_IN], query: `{ mySavedSearches { id } }` },
  {
    operation: "saveSearch", gates: [SIGNED_IN],
    query: `mutation { saveSearch(input: { name: "Strandskydd", query: "strandskydd", frequency: WEEKLY }) { id } }`,
  },
  ...(["updateSavedSearch", "deleteSavedSearch"] as const).map((operation): Case => ({
    operation, gates: [SIGNED_IN, gate("watch", "own", (_f, actor) => ({ userId: actor.id }))],
    query: operation === "updateSavedSearch"
      ? `mutation($id: ID!) { updateSavedSearch(input: { id: $id, frequency: DAILY }) { id } }`
      : `mutation($id: ID!) { deleteSavedSearch(id: $id) }`,
    vars: async (f, actor) => ({
      id: (await m().getRepository(SavedSearch).save({ userId: actor?.id ?? f.users.staff.user.id, name: "Min sökning", query: "kommun", filters: {}, seen: {} })).id,
    }),
  })),
  { operation: "myFollows", gates: [SIGNED_IN], query: `{ myFollows { id inquiry { id } } }` },
  ...(["followInquiry", "unfollowInquiry"] as const).map((operation): Case => ({
    operation, gates: [SIGNED_IN, PUBLIC],
    query: `mutation($id: ID!) { ${operation}(inquiryId: $id) ${operation === "followInquiry" ? "{ id }" : ""} }`,
    vars: (f) => ({ id: f.inquiryId }),
  })),

  // Signing in: open to anyone.
  {
    operation: "signIn", gates: [ANYONE],
    query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`,
    vars: async () => {
      const user = await buildUser(m(), { role: Role.BOARD });
      await api.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
      return { e: user.email, p: PASSWORD };
    },
  },
  { operation: "signOut", gates: [ANYONE], query: `mutation { signOut }` },
  { operation: "requestPasswordReset", gates: [ANYONE], query: `mutation { requestPasswordReset(email: "vem@example.se") }` },
  { operation: "requestSignInLink", gates: [ANYONE], query: `mutation { requestSignInLink(email: "vem@example.se") }` },
  ...(
    [
      ["resetPassword", OneTimeTokenPurpose.PASSWORD_RESET, `mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { id } }`],
      ["acceptInvitation", OneTimeTokenPurpose.INVITATION, `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { id } }`],
      ["signInWithLink", OneTimeTokenPurpose.SIGN_IN_LINK, `mutation($t: String!) { signInWithLink(token: $t) { id } }`],
    ] as const
  ).map(([operation, purpose, query]): Case => ({
    operation, query, gates: [ANYONE],
    vars: async () => ({ t: await issueLink(m(), (await buildUser(m(), { role: Role.MEMBER })).id, purpose), p: PASSWORD }),
  })),

  // Search: anyone may search; the read rules decide what is found, counted, faceted and quoted.
  ...(Object.keys(WORDS) as Searchable[]).flatMap((which): Case[] => {
    const subject = which.endsWith("Response") ? "response" : "memberInput";
    const type = subject === "response" ? "RESPONSE" : "MEMBER_INPUT";
    return [
      {
        operation: "search", variant: which,
        gates: [PUBLIC, gate(subject, "read", (f) => f[which], "HIDDEN")],
        query: `query($q: String!) { search(query: $q) { totalHits hits { snippet } facets { types { count } kinds { count } years { count } departments { count } priorityAreas { count } statuses { count } } } }`,
        vars: () => ({ q: WORDS[which] }),
        allowed: (d) => d.search.totalHits === 1 && d.search.hits.length === 1 && d.search.hits[0].snippet.includes("<mark>"),
        hidden: searchShowsNothing,
      },
      {
        operation: "searchPassages", variant: which,
        gates: [PUBLIC, gate(subject, "read", (f) => f[which], "HIDDEN")],
        query: `query($id: ID!, $q: String!, $t: SearchHitType!) { searchPassages(id: $id, query: $q, type: $t) { totalHits hits { snippet } } }`,
        vars: (f) => ({ id: f[which].id, q: WORDS[which], t: type }),
        allowed: (d) => d.searchPassages.totalHits >= 1 && d.searchPassages.hits.length >= 1,
        hidden: (d) => d.searchPassages.totalHits === 0 && d.searchPassages.hits.length === 0,
      },
    ];
  }),
  {
    operation: "attachDocumentText", gates: [CATALOG_WRITE],
    query: `mutation($id: ID!) { attachDocumentText(documentId: $id, format: TEXT, content: "Första sidan.\fAndra sidan.") { id } }`,
    vars: async () => ({ id: (await buildDocument(m())).id }),
  },

  // The audit log: staff and admin.
  { operation: "auditLog", gates: [gate("auditLog", "read")], query: `{ auditLog(first: 5) { totalCount } }` },
  { operation: "searchStatus", gates: [gate("searchStatus", "read")], query: `{ searchStatus { pendingChanges } }` },

  // The search thesaurus: staff and admin.
  { operation: "thesaurus", gates: [gate("thesaurus", "read")], query: `{ thesaurus { id } }` },
  {
    operation: "addSynonymGroup", gates: [gate("thesaurus", "write")],
    query: `mutation($p: [String!]!) { addSynonymGroup(input: { phrases: $p }) { id } }`,
    vars: () => ({ p: [`ordx${unique()}`, `frasx${unique()}`] }),
  },
  {
    operation: "updateSynonymGroup", gates: [gate("thesaurus", "write")],
    query: `mutation($id: ID!, $p: [String!]!) { updateSynonymGroup(input: { id: $id, phrases: $p }) { id } }`,
    vars: async () => ({ id: (await synonymGroup()).id, p: [`ordy${unique()}`, `frasy${unique()}`] }),
  },
  {
    operation: "removeSynonymGroup", gates: [gate("thesaurus", "write")],
    query: `mutation($id: ID!) { removeSynonymGroup(id: $id) }`,
    vars: async () => ({ id: (await synonymGroup()).id }),
  },
  {
    operation: "importRemissFromUrl", gates: [gate("sourceImport", "run")],
    query: `mutation($url: String!) { importRemissFromUrl(url: $url) { remiss { id } } }`,
    vars: () => ({ url: `${regeringen.base}${REGERINGEN_PAGES.closed}` }),
  },
  { operation: "importRuns", gates: [gate("sourceImport", "readRuns")], query: `{ importRuns(first: 5, source: REGERINGEN) { id status startedBy { id } } }` },
];

/** What the policy says the caller gets. */
function expected(c: Case, f: Fixtures, caller: Caller): Outcome {
  const actor = caller === "anonymous" ? null : f.users[caller].actor;
  for (const g of c.gates) {
    const target = actor && g.target ? g.target(f, actor) : undefined;
    const allowed = (can as (a: Actor | null, s: Subject, action: string, t?: unknown) => boolean)(actor, g.subject, g.action, target);
    if (allowed) continue;
    // Anonymous callers are asked to sign in, unless the operation is open to them and merely hides the row.
    if (!actor) return ANONYMOUS_SUBJECTS.has(g.subject) || g.denied === "HIDDEN" ? (g.denied ?? "FORBIDDEN") : "UNAUTHENTICATED";
    return g.denied ?? "FORBIDDEN";
  }
  return "ALLOWED";
}

function rootFields(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
}

let f: Fixtures;

beforeAll(async () => {
  // A stand-in for regeringen.se, so that staff's import succeeds without the network.
  regeringen = await startRegeringenServer();
  api = await startTestApi({ REGERINGEN_BASE_URL: regeringen.base });
  const own = await buildMunicipality(m(), { name: `Tibro ${unique()}` });
  const other = await buildMunicipality(m(), { name: `Hjo ${unique()}` });
  const make = async (role: Role, municipalityId: string | null = null) => {
    const { user, token } = await buildUserWithToken(m(), { role, municipalityId });
    await api.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
    return { user, token, actor: toActor(user) };
  };
  const remiss = await buildRemiss(m());
  const input = (municipalityId: string, status: MemberInputStatus, word: string) =>
    buildMemberInput(m(), {
      remissId: remiss.id, municipalityId, status, submittedAt: status === MemberInputStatus.DRAFT ? null : new Date(), text: `Vi skriver om ${word} här.`,
    });
  const response = (status: ResponseStatus, word: string) =>
    buildResponse(m(), { status, approvedAt: status === ResponseStatus.DRAFT ? null : new Date(), sections: [{ heading: "Sammanfattning", body: `SmåKom om ${word}.` }] });
  f = {
    own,
    other,
    users: {
      admin: await make(Role.ADMIN),
      staff: await make(Role.STAFF),
      board: await make(Role.BOARD),
      member: await make(Role.MEMBER, own.id),
      otherMember: await make(Role.MEMBER, other.id),
    },
    documentId: (await buildDocument(m())).id,
    inquiryId: (await buildInquiry(m())).id,
    remissId: remiss.id,
    priorityAreaId: (await buildPriorityArea(m())).id,
    draftResponse: await response(ResponseStatus.DRAFT, WORDS.draftResponse),
    approvedResponse: await response(ResponseStatus.APPROVED, WORDS.approvedResponse),
    ownDraft: await input(own.id, MemberInputStatus.DRAFT, WORDS.ownDraft),
    ownSubmitted: await input(own.id, MemberInputStatus.SUBMITTED, WORDS.ownSubmitted),
    otherDraft: await input(other.id, MemberInputStatus.DRAFT, WORDS.otherDraft),
    otherSubmitted: await input(other.id, MemberInputStatus.SUBMITTED, WORDS.otherSubmitted),
  };
});
afterAll(async () => {
  await api?.stop();
  await regeringen?.stop();
});

describe("the permission matrix", () => {
  it("has a case for every query and mutation in the schema, and no case for one that does not exist", async () => {
    const operations = rootFields(await getSchema());
    const covered = new Set(CASES.map((c) => c.operation));
    expect(operations.filter((op) => !covered.has(op)), "operations without a rule in the permission matrix").toEqual([]);
    expect([...covered].filter((op) => !operations.includes(op)), "cases for unknown operations").toEqual([]);
  });

  it("uses only rules that exist in the policy table", () => {
    for (const c of CASES) {
      for (const g of c.gates) expect(POLICY_RULES[g.subject], `${c.operation}: ${g.subject}`).toHaveProperty(g.action);
    }
  });

  for (const c of CASES) {
    const name = c.variant ? `${c.operation} (${c.variant})` : c.operation;
    it(name, async () => {
      const outcomes: Record<string, { expected: Outcome; actual: string }> = {};
      for (const caller of CALLERS) {
        const actor = caller === "anonymous" ? null : f.users[caller].actor;
        const vars = (await c.vars?.(f, actor)) ?? {};
        const token = caller === "anonymous" ? undefined : f.users[caller].token;
        const result = await api.gql(c.query, vars, { token });
        const want = expected(c, f, caller);
        let actual: string;
        if (result.errors?.length) actual = result.errors[0].extensions?.code ?? "NO_CODE";
        else if (c.hidden ? c.hidden(result.data, vars) : result.data?.[c.operation] === null) actual = "HIDDEN";
        else if (c.allowed && !c.allowed(result.data, vars)) actual = "UNEXPECTED_DATA";
        else actual = "ALLOWED";
        if (actual !== want && result.errors) actual += `: ${result.errors[0].message}`;
        outcomes[caller] = { expected: want, actual };
      }
      const mismatches = Object.entries(outcomes).filter(([, o]) => o.actual !== o.expected);
      expect(Object.fromEntries(mismatches), name).toEqual({});
    });
  }
});

describe("fields hide what the caller may not see", () => {
  const callersOf = (predicate: (actor: Actor | null) => boolean) => CALLERS.filter((c) => predicate(c === "anonymous" ? null : f.users[c].actor));
  const ask = (caller: Caller, query: string, vars: Vars) => api.gql(query, vars, { token: caller === "anonymous" ? undefined : f.users[caller].token });

  it("remiss notes: staff and board only", async () => {
    await api.ds.query(`UPDATE remiss SET notes = 'Internt: ring Tibro' WHERE id = $1`, [f.remissId]);
    for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
      const result = await ask(caller, `query($id: ID) { remiss(id: $id) { notes abilities { canReadNotes } } }`, { id: f.remissId });
      const allowed = can(f.users[caller].actor, "catalog", "readNotes");
      expect(result.data.remiss.notes, caller).toBe(allowed ? "Internt: ring Tibro" : null);
      expect(result.data.remiss.abilities.canReadNotes, caller).toBe(allowed);
    }
  });

  it("the member-input summary: staff and board always, members once published", async () => {
    for (const published of [false, true]) {
      await api.ds.query(`UPDATE remiss SET member_input_summary = 'Sammanställning', member_input_summary_published_at = $2 WHERE id = $1`, [
        f.remissId,
        published ? new Date() : null,
      ]);
      for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
        const result = await ask(caller, `query($id: ID) { remiss(id: $id) { memberInputSummary { text } } }`, { id: f.remissId });
        const allowed = can(f.users[caller].actor, "memberInputSummary", "read", { memberInputSummaryPublishedAt: published ? new Date() : null });
        expect(result.data.remiss.memberInputSummary?.text ?? null, `${caller} published=${published}`).toBe(allowed ? "Sammanställning" : null);
      }
    }
  });

  it("an input request: staff and board see the draft, members once published; the list of municipalities is SmåKom's", async () => {
    const remiss = await buildRemiss(m(), { deadline: "2099-06-30" });
    const [request] = await api.ds.query(
      `INSERT INTO input_request (remiss_id, version, questions) VALUES ($1, 1, '[{"id":"6f1c3a52-1f6e-4b1e-9a55-0c2d7a1b9e01","text":"Fråga"}]') RETURNING id`,
      [remiss.id],
    );
    const query = `query($id: ID) { remiss(id: $id) { inputRequest { id municipalities { municipality { id } } } } }`;
    for (const published of [false, true]) {
      await api.ds.query(`UPDATE input_request SET published_at = $2 WHERE id = $1`, [request.id, published ? new Date() : null]);
      for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
        const actor = f.users[caller].actor;
        const result = await ask(caller, query, { id: remiss.id });
        const seen = result.data.remiss.inputRequest;
        expect(seen?.id ?? null, `${caller} published=${published}`).toBe(can(actor, "inputRequest", "read", { publishedAt: published ? new Date() : null }) ? request.id : null);
        if (!seen) continue;
        const listed = ids(seen.municipalities.map((row: { municipality: { id: string } }) => row.municipality));
        if (can(actor, "inputRequest", "readAllMunicipalities")) expect(listed, caller).toEqual(expect.arrayContaining([f.own.id, f.other.id]));
        else expect(listed, caller).toEqual(actor.municipalityId ? [actor.municipalityId] : []);
      }
    }
  });

  it("response versions: staff and board only", async () => {
    for (const caller of callersOf((a) => a !== null)) {
      const result = await ask(caller, `query($id: ID!) { response(id: $id) { versions { number } } }`, { id: f.approvedResponse.id });
      expect(result.data.response.versions.length > 0, caller).toBe(can(f.users[caller as Exclude<Caller, "anonymous">].actor, "response", "readVersions"));
    }
  });

  it("a remiss's member input and responses, and an inquiry's, follow the read rules", async () => {
    for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
      const actor = f.users[caller].actor;
      const result = await ask(caller, `query($id: ID) { remiss(id: $id) { memberInputs { id } } }`, { id: f.remissId });
      const seen = new Set(ids(result.data.remiss.memberInputs));
      for (const which of ["ownDraft", "ownSubmitted", "otherDraft", "otherSubmitted"] as const) {
        expect(seen.has(f[which].id), `${caller} ${which}`).toBe(can(actor, "memberInput", "read", f[which]));
      }
    }
    const inquiry = await buildInquiry(m());
    const draft = await buildResponse(m(), { inquiryId: inquiry.id, remissId: null });
    for (const caller of CALLERS) {
      const result = await ask(caller, `query($id: ID!) { inquiry(id: $id) { responses { id } } }`, { id: inquiry.id });
      const actor = caller === "anonymous" ? null : f.users[caller].actor;
      expect(ids(result.data.inquiry.responses).includes(draft.id), caller).toBe(!!actor && can(actor, "response", "read", draft));
    }
  });

  it("a user's email and whether they can be invited again follow the rules", async () => {
    const targets = [await buildUser(m(), { role: Role.MEMBER, municipalityId: f.own.id }), await buildUser(m(), { role: Role.STAFF, municipalityId: null })];
    let shown = 0;
    for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
      const actor = f.users[caller].actor;
      for (const target of targets) {
        const result = await ask(caller, `query($id: ID!) { user(id: $id) { email abilities { canInvite } } }`, { id: target.id });
        expect(result.data.user === null, `${caller} reads ${target.role}`).toBe(!can(actor, "user", "read", target));
        if (!result.data.user) continue;
        shown++;
        expect(result.data.user.email, `${caller} ${target.role}`).toBe(can(actor, "user", "readEmail", target) ? target.email : "");
        expect(result.data.user.abilities.canInvite, `${caller} ${target.role}`).toBe(can(actor, "user", "invite", target));
      }
    }
    expect(shown).toBeGreaterThan(5);
  });

  it("abilities follow the policy: only the board may approve, only staff edit", async () => {
    const forApproval = await buildResponse(m(), { status: ResponseStatus.FOR_APPROVAL });
    for (const caller of ["admin", "staff", "board"] as const) {
      const result = await ask(caller, `query($id: ID!) { response(id: $id) { abilities { canApprove canEdit } } }`, { id: forApproval.id });
      expect(result.data.response.abilities, caller).toEqual({ canApprove: caller === "board", canEdit: caller !== "board" });
    }
    for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
      const result = await ask(caller, `query($id: ID) { document(id: $id) { abilities { canEdit } } }`, { id: f.documentId });
      expect(result.data.document.abilities.canEdit, caller).toBe(can(f.users[caller].actor, "catalog", "write"));
    }
    const member = await ask("member", `query($id: ID) { remiss(id: $id) { abilities { canWriteMemberInput canCreateResponse } } }`, { id: f.remissId });
    expect(member.data.remiss.abilities).toEqual({ canWriteMemberInput: true, canCreateResponse: false });
  });

  it("anonymous callers see documents but nothing that needs signing in through them", async () => {
    await api.ds.query(`INSERT INTO document_priority_area (document_id, priority_area_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [f.documentId, f.priorityAreaId]);
    const result = await api.gql(`query($id: ID) { document(id: $id) { id remisser { id } priorityAreas { name } abilities { canEdit } } }`, { id: f.documentId });
    expect(result.errors).toBeUndefined();
    expect(result.data.document.remisser).toEqual([]);
    expect(result.data.document.priorityAreas).toEqual([]);
    const signedIn = await api.gql(`query($id: ID) { document(id: $id) { priorityAreas { name } } }`, { id: f.documentId }, { token: f.users.member.token });
    expect(signedIn.data.document.priorityAreas).toHaveLength(1);
    expect(result.data.document.abilities.canEdit).toBe(false);
  });
});

describe("every rule of the policy table is exercised", () => {
  it("by the API while it served the matrix and the field checks above", () => {
    const all = Object.entries(POLICY_RULES).flatMap(([subject, actions]) => Object.keys(actions).map((a) => `${subject}.${a}`));
    expect(all.length).toBeGreaterThan(10);
    // Rules open to everyone (public records, signing in) have nothing to consult: the API
    // never asks them. For those the matrix's anonymous callers, who must get through every
    // operation they gate, are the proof.
    const openToAll = CASES.flatMap((c) => c.gates.filter((g) => ANONYMOUS_SUBJECTS.has(g.subject)).map((g) => `${g.subject}.${g.action}`));
    expect(all.filter((rule) => !consultedByApi.has(rule) && !openToAll.includes(rule))).toEqual([]);
  });
});
