/**
 * Builders that create a row with sensible defaults, creating any missing parents: the
 * demo-data seed's. Tests reach them, with test-only helpers, through
 * `@remissbanken/test/factories`.
 */
import crypto from "node:crypto";
import type { EntityManager } from "typeorm";
import {
  Document, DocumentKind, Goal, GoalStatus, Inquiry, InquiryStatus, MemberInput, MemberInputStatus, Municipality,
  PriorityArea, Remiss, RemissStatus, Response, ResponseKind, ResponseStance, ResponseStatus, Role, User,
  completeSection, type SectionDraft,
} from "@remissbanken/schema";
import { replaceLinks } from "../common/crud.js";
import { writeVersion } from "../response/response.commands.js";

const unique = () => crypto.randomBytes(4).toString("hex");
let designationCounter = 0;

export async function buildMunicipality(m: EntityManager, overrides: Partial<Municipality> = {}): Promise<Municipality> {
  return m.save(m.create(Municipality, { name: `Kommun ${unique()}`, county: "Värmlands län", memberSince: null, active: true, archivedAt: null, ...overrides }));
}

export async function buildUser(m: EntityManager, overrides: Partial<User> = {}): Promise<User> {
  const role = overrides.role ?? Role.STAFF;
  const municipalityId =
    overrides.municipalityId !== undefined ? overrides.municipalityId : role === Role.MEMBER ? (await buildMunicipality(m)).id : null;
  return m.save(
    m.create(User, { name: `Person ${unique()}`, email: `p-${unique()}@example.se`, active: true, archivedAt: null, ...overrides, role, municipalityId }),
  );
}

/** A goal as text alone (in progress, no comment), or with its status and comment. */
export type GoalDraft = string | { text: string; status?: GoalStatus; comment?: string | null };

export async function buildPriorityArea(m: EntityManager, overrides: Partial<PriorityArea> = {}, goals: GoalDraft[] = []): Promise<PriorityArea> {
  const area = await m.save(m.create(PriorityArea, { name: `Område ${unique()}`, year: 2021, description: null, archivedAt: null, ...overrides }));
  if (goals.length) {
    await m.insert(
      Goal,
      goals.map((goal, position) => {
        const { text, status = GoalStatus.IN_PROGRESS, comment = null } = typeof goal === "string" ? { text: goal } : goal;
        return { priorityAreaId: area.id, text, status, comment, position, version: 1 };
      }),
    );
  }
  return area;
}

export async function buildInquiry(m: EntityManager, overrides: Partial<Inquiry> = {}, priorityAreaIds: string[] = []): Promise<Inquiry> {
  const inquiry = await m.save(
    m.create(Inquiry, {
      name: `Utredning ${unique()}`,
      committeeDesignation: null,
      department: "Finansdepartementet",
      status: InquiryStatus.ONGOING,
      reportDueDate: null,
      summary: null,
      archivedAt: null,
      ...overrides,
    }),
  );
  await replaceLinks(m, "inquiry_priority_area", "inquiry_id", inquiry.id, "priority_area_id", priorityAreaIds);
  return inquiry;
}

export async function buildDocument(m: EntityManager, overrides: Partial<Document> = {}, priorityAreaIds: string[] = []): Promise<Document> {
  const kind = overrides.kind ?? DocumentKind.SOU;
  // Numbers from 5000 up never collide with each other nor with the small numbers tests write by hand.
  const year = overrides.year ?? 2000 + (designationCounter % 25);
  const number = 5000 + designationCounter++;
  const defaultDesignation = kind === DocumentKind.SOU ? `SOU ${year}:${number}` : kind === DocumentKind.DS ? `Ds ${year}:${number}` : `Dir. ${year}:${number}`;
  const document = await m.save(
    m.create(Document, {
      kind,
      designation: defaultDesignation,
      year,
      title: `Betänkande ${unique()}`,
      subtitle: null,
      department: "Finansdepartementet",
      publishedAt: `${year}-03-01`,
      sourceUrl: null,
      summary: null,
      inquiryId: null,
      archivedAt: null,
      ...overrides,
    }),
  );
  await replaceLinks(m, "document_priority_area", "document_id", document.id, "priority_area_id", priorityAreaIds);
  return document;
}

export async function buildRemiss(m: EntityManager, overrides: Partial<Remiss> = {}): Promise<Remiss> {
  const documentId = overrides.documentId ?? (await buildDocument(m)).id;
  return m.save(
    m.create(Remiss, {
      diarienummer: null,
      ministry: "Finansdepartementet",
      referralBodies: [],
      smakomIsReferralBody: false,
      deadline: "2099-12-31",
      memberInputDeadline: null,
      status: RemissStatus.MONITORING,
      ownerId: null,
      notes: null,
      sourceUrl: null,
      archivedAt: null,
      ...overrides,
      documentId,
    }),
  );
}

export async function buildResponse(
  m: EntityManager,
  { sections, ...overrides }: Omit<Partial<Response>, "sections"> & { sections?: SectionDraft[] } = {},
): Promise<Response> {
  const kind = overrides.kind ?? ResponseKind.RESPONSE;
  const remissId =
    overrides.remissId !== undefined ? overrides.remissId : kind === ResponseKind.RESPONSE && !overrides.inquiryId ? (await buildRemiss(m)).id : null;
  const response = await m.save(
    m.create(Response, {
      kind,
      inquiryId: null,
      title: `Remissvar ${unique()}`,
      summary: "",
      sections: (sections ?? [{ heading: "Förslaget", stance: ResponseStance.SUPPORTS, body: "SmåKom tillstyrker förslaget." }]).map(completeSection),
      signatory: null,
      presenter: null,
      letterDate: null,
      currentVersion: 1,
      status: ResponseStatus.DRAFT,
      createdById: null,
      approvedById: null,
      approvedAt: null,
      submittedAt: null,
      archivedAt: null,
      ...overrides,
      remissId,
    }),
  );
  await writeVersion(m, response, response.createdById, null);
  return response;
}

export async function buildMemberInput(m: EntityManager, overrides: Partial<MemberInput> = {}): Promise<MemberInput> {
  const remissId = overrides.remissId !== undefined ? overrides.remissId : overrides.inquiryId ? null : (await buildRemiss(m)).id;
  const municipalityId = overrides.municipalityId ?? (await buildMunicipality(m)).id;
  return m.save(
    m.create(MemberInput, {
      inquiryId: null,
      authorId: null,
      text: "Vi ser stora konsekvenser för små kommuner.",
      status: MemberInputStatus.SUBMITTED,
      submittedAt: new Date(),
      ...overrides,
      remissId,
      municipalityId,
    }),
  );
}
