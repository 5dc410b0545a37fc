import {
  mayRead, memberInputVisibility, responseVisibility, ResponseStatus, Role, type InputRequest, type MemberInput, type Remiss, type Response, type User,
} from "@remissbanken/schema";
import { forbidden, unauthenticated } from "../common/errors.js";

/** The signed-in person as the API sees them. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  municipalityId: string | null;
  /** Set when the caller signed in with an API token: a token cannot mint one that outlives it. */
  tokenExpiresAt?: Date;
}

export const isStaff = (a: Actor) => a.role === Role.STAFF || a.role === Role.ADMIN;
export const isBoard = (a: Actor) => a.role === Role.BOARD;
export const isStaffOrBoard = (a: Actor) => isStaff(a) || isBoard(a);
export const isAdmin = (a: Actor) => a.role === Role.ADMIN;
export const isOwnMunicipality = (a: Actor, municipalityId: string) =>
  a.role === Role.MEMBER && a.municipalityId === municipalityId;

/** Admins manage every account; staff manage members' and the board's. */
const manageUser = (a: Actor, u: Pick<User, "role">) => isAdmin(a) || (isStaff(a) && (u.role === Role.MEMBER || u.role === Role.BOARD));

/**
 * Every rule in one table: subject → action → predicate. A missing entry means
 * nobody may, so a new action without a rule is denied rather than open.
 */
const RULES = {
  /**
   * Government documents and inquiries are public records (offentliga handlingar):
   * anyone may read them, signed in or not. Decision record 003.
   */
  publicRecord: {
    read: (_a: Actor) => true,
  },
  /** Signing in, resetting a password, accepting an invitation: open to anyone, signed in or not. */
  authentication: {
    use: (_a: Actor) => true,
  },
  /** One's own account: API tokens, sessions, password. */
  account: {
    manageOwn: (_a: Actor) => true,
  },
  catalog: {
    // Inquiries, documents, remisser, municipalities, priority areas.
    read: (_a: Actor) => true,
    write: isStaff,
    readNotes: isStaffOrBoard,
  },
  response: {
    // Published (approved, submitted) to every signed-in user, the rest to staff and board: schema/src/read-rules.ts.
    read: (a: Actor, r: Pick<Response, "status">) => mayRead(a, { visibility: responseVisibility(r.status) }),
    readVersions: isStaffOrBoard,
    create: isStaff,
    // Roles only: which state each step starts from is RESPONSE_STEPS below.
    edit: isStaff,
    // Which priority areas a response touches: the secretariat's classification, as for the catalog.
    tag: isStaff,
    requestApproval: isStaff,
    // The board returns a draft it will not approve (with its reasons); staff may take one back.
    returnToDraft: isStaffOrBoard,
    // Approval is the board's political decision; not even an admin may take it.
    approve: isBoard,
    markSubmitted: isStaff,
    archive: isStaff,
  },
  /** Staff's summary of the member input on a remiss: members read it once published. */
  memberInputSummary: {
    read: (a: Actor, r: Pick<Remiss, "memberInputSummaryPublishedAt">) => isStaffOrBoard(a) || r.memberInputSummaryPublishedAt !== null,
    write: isStaff,
  },
  /** Staff's questions to the members: members see them once published; answers follow memberInput's rules. */
  inputRequest: {
    read: (a: Actor, r: Pick<InputRequest, "publishedAt">) => isStaffOrBoard(a) || r.publishedAt !== null,
    write: isStaff,
    /** Who has answered, municipality by municipality: SmåKom's view; a member sees their own row only. */
    readAllMunicipalities: isStaffOrBoard,
  },
  memberInput: {
    // The own municipality's, any status; sent or withdrawn input to staff and board: schema/src/read-rules.ts.
    read: (a: Actor, m: Pick<MemberInput, "status" | "municipalityId">) =>
      mayRead(a, { visibility: memberInputVisibility(m.status), municipalityId: m.municipalityId }),
    create: (a: Actor, m: Pick<MemberInput, "municipalityId">) => isOwnMunicipality(a, m.municipalityId),
    edit: (a: Actor, m: MemberInput) => isOwnMunicipality(a, m.municipalityId),
  },
  user: {
    // SmåKom's own people (staff, board, admin) are known to every member: they own
    // remisser and approve responses. Member users are known within their municipality.
    read: (a: Actor, u: Pick<User, "id" | "municipalityId" | "role">) =>
      isStaffOrBoard(a) || a.id === u.id || u.role !== Role.MEMBER || (a.municipalityId !== null && a.municipalityId === u.municipalityId),
    manage: manageUser,
    list: isStaffOrBoard,
    /** What the admin pages offer for someone else's account; nobody archives themselves. */
    archive: (a: Actor, u: Pick<User, "id" | "role">) => a.id !== u.id && manageUser(a, u),
    invite: (a: Actor, u: Pick<User, "id" | "role" | "active" | "archivedAt">) => a.id !== u.id && manageUser(a, u) && u.active && !u.archivedAt,
    /** People may rename themselves; changing access needs the right to manage both the old and the new role. */
    update: (a: Actor, c: { user: Pick<User, "id" | "role">; changesAccess: boolean; newRole: Role | null }) =>
      (a.id === c.user.id && !c.changesAccess) || (manageUser(a, c.user) && (!c.newRole || manageUser(a, { role: c.newRole }))),
    /** Members see only names of others; SmåKom's people and the person themselves see addresses. */
    readEmail: (a: Actor, u: Pick<User, "id">) => a.id === u.id || a.role !== Role.MEMBER,
  },
  /** Saved searches and follows: only their owner reads or changes them. */
  watch: {
    own: (a: Actor, w: { userId: string }) => a.id === w.userId,
  },
  auditLog: {
    read: isStaff,
  },
  /**
   * The yearly goals of the priority areas: the members decide them at the autumn meeting,
   * so every signed-in user reads them; the secretariat records them and their status.
   */
  priorityGoal: {
    read: (_a: Actor) => true,
    write: isStaff,
  },
  /**
   * The yearly report per priority area: counts and goal status, no text of anyone's input
   * or of unpublished responses. It is what the secretariat reports to the members at the
   * autumn meeting, so members read it as well as staff and the board.
   */
  priorityReport: {
    read: (_a: Actor) => true,
  },
  /** Fetching from the official sources on someone's request: the secretariat keeps the catalog. */
  sourceImport: {
    run: isStaff,
    /** The record of import runs (when, what started them, what they did): the secretariat's. */
    readRuns: isStaff,
  },
  /** The search thesaurus (synonyms): the secretariat keeps it, as it keeps the catalog. */
  thesaurus: {
    read: isStaff,
    write: isStaff,
  },
  /** How far search lags behind the database: for whoever runs the installation. */
  searchStatus: {
    read: isStaff,
  },
} as const;

/**
 * The response workflow: the statuses each step may start from (an archived response takes
 * none). Together with the role rules above they are what the caller may do now: the API's
 * `abilities` ask `canTakeStep`, the commands `responseStepOpen` for their CONFLICT answers.
 */
export const RESPONSE_STEPS = {
  edit: [ResponseStatus.DRAFT, ResponseStatus.FOR_APPROVAL, ResponseStatus.APPROVED],
  // Tagging is not the text the board decided on, so it stays open after approval and submission.
  tag: Object.values(ResponseStatus),
  requestApproval: [ResponseStatus.DRAFT],
  returnToDraft: [ResponseStatus.FOR_APPROVAL, ResponseStatus.APPROVED],
  approve: [ResponseStatus.FOR_APPROVAL],
  markSubmitted: [ResponseStatus.APPROVED],
  archive: Object.values(ResponseStatus),
} as const satisfies Record<string, readonly ResponseStatus[]>;
export type ResponseStep = keyof typeof RESPONSE_STEPS;

export function responseStepOpen(step: ResponseStep, response: Pick<Response, "status" | "archivedAt">): boolean {
  return !response.archivedAt && (RESPONSE_STEPS[step] as readonly ResponseStatus[]).includes(response.status);
}

/** Whether the caller's role may take this step and the response is in a state to take it. */
export function canTakeStep(actor: Actor | null, step: ResponseStep, response: Pick<Response, "status" | "archivedAt">): boolean {
  return can(actor, "response", step) && responseStepOpen(step, response);
}

type Rules = typeof RULES;
export type Subject = keyof Rules;

/** The only subjects whose rules apply to anonymous callers too. */
export const ANONYMOUS_SUBJECTS: ReadonlySet<Subject> = new Set<Subject>(["publicRecord", "authentication"]);
export type Action<S extends Subject> = keyof Rules[S] & string;
type RuleOf<S extends Subject, A extends Action<S>> = Rules[S][A] extends (...args: infer P) => boolean ? P : never;
/** The rule's target argument, or nothing for rules that only look at the actor. */
type TargetArgs<S extends Subject, A extends Action<S>> = RuleOf<S, A> extends [Actor, infer T] ? [T] : [];

export function can<S extends Subject, A extends Action<S>>(
  actor: Actor | null,
  subject: S,
  action: A,
  ...target: TargetArgs<S, A>
): boolean {
  if (!actor) return ANONYMOUS_SUBJECTS.has(subject);
  const rule = RULES[subject][action] as unknown as (a: Actor, t?: unknown) => boolean;
  return rule(actor, target[0]);
}

/**
 * Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN when the rule says no.
 * Public records need no call: use `can(null, "publicRecord", "read")` to document it.
 */
export function authorize<S extends Subject, A extends Action<S>>(
  actor: Actor | null,
  subject: S,
  action: A,
  ...target: TargetArgs<S, A>
): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, subject, action, ...target)) throw forbidden();
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export const POLICY_RULES = RULES;
