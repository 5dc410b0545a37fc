import type { EntityManager } from "typeorm";
import {
  Document, Inquiry, MemberInput, PriorityArea, QuoteSourceType, Remiss, RemissStatus, Response, ResponseKind, ResponseSection,
  ResponseEvent, ResponseEventKind, ResponseStatus, ResponseVersion,
} from "@remissbanken/schema";
import { responseStepOpen, type Actor, type ResponseStep } from "../auth/policy.js";
import { badInput, conflict, DomainError, notFound } from "../common/errors.js";
import { ensureAllExist, ensureNotArchived, loadForUpdate, replaceLinks, touchVersion } from "../common/crud.js";
import { writeAuditRow } from "../audit/audit.subscriber.js";
import { parseInput } from "../common/validation.js";
import {
  createResponseSchema, returnToDraftSchema, saveResponseVersionSchema, setResponsePriorityAreasSchema,
  type CreateResponseInput, type SaveResponseVersionInput, type SetResponsePriorityAreasInput,
} from "./response.inputs.js";

const invalidTransition = (from: ResponseStatus, action: string) =>
  new DomainError("CONFLICT", "INVALID_TRANSITION", `A response with status ${from} cannot be ${action}.`);

/** Refuses a step the response's state does not allow (the policy's RESPONSE_STEPS): CONFLICT, as the state may change back. */
function ensureStepOpen(response: Response, step: ResponseStep, action: string): void {
  ensureNotArchived(response, "The response");
  if (!responseStepOpen(step, response)) throw invalidTransition(response.status, action);
}

/** Keeps the response as it now is as its version `currentVersion`. */
export async function writeVersion(manager: EntityManager, response: Response, authorId: string | null, comment: string | null) {
  await manager.insert(ResponseVersion, {
    responseId: response.id,
    number: response.currentVersion,
    title: response.title,
    summary: response.summary,
    sections: response.sections,
    signatory: response.signatory,
    presenter: response.presenter,
    letterDate: response.letterDate,
    authorId,
    comment,
  });
}

/** Records a workflow step on the version it concerns; called in the step's own transaction. */
async function recordEvent(manager: EntityManager, response: Response, kind: ResponseEventKind, actor: Actor, comment: string | null = null) {
  await manager.insert(ResponseEvent, { responseId: response.id, kind, version: response.currentVersion, actorId: actor.id, comment });
}

async function linkResponse(
  manager: EntityManager,
  responseId: string,
  priorityAreaIds: string[] | null | undefined,
  documentIds: string[] | null | undefined,
) {
  if (priorityAreaIds) {
    await ensureAllExist(manager, PriorityArea, "Priority area", priorityAreaIds);
    await replaceLinks(manager, "response_priority_area", "response_id", responseId, "priority_area_id", priorityAreaIds);
  }
  if (documentIds) {
    await ensureAllExist(manager, Document, "Document", documentIds);
    await replaceLinks(manager, "response_document", "response_id", responseId, "document_id", documentIds);
  }
}

const QUOTE_SOURCES = {
  [QuoteSourceType.RESPONSE]: [Response, "Quoted response"],
  [QuoteSourceType.MEMBER_INPUT]: [MemberInput, "Quoted member input"],
  [QuoteSourceType.DOCUMENT]: [Document, "Quoted document"],
} as const;

/** A quote must point at something that exists, so the link to its source holds. */
async function ensureQuoteSourcesExist(manager: EntityManager, sections: ResponseSection[]) {
  for (const [type, [entity, what]] of Object.entries(QUOTE_SOURCES)) {
    const ids = sections.flatMap((section) => section.quotes.filter((q) => q.sourceType === type).map((q) => q.sourceId));
    await ensureAllExist(manager, entity, what, ids);
  }
}

/** Creates a draft response (or position) and its first version. */
export async function responseCreator(manager: EntityManager, actor: Actor, input: CreateResponseInput): Promise<Response> {
  const data = parseInput(createResponseSchema, input);
  const kind = data.kind ?? ResponseKind.RESPONSE;
  if (kind === ResponseKind.RESPONSE && !data.remissId && !data.inquiryId) {
    throw badInput("A remissvar answers a remiss or an inquiry: give remissId or inquiryId.", [{ field: "remissId", message: "required" }]);
  }
  if (data.remissId && data.inquiryId) {
    throw badInput("Give either remissId or inquiryId, not both.", [{ field: "inquiryId", message: "both given" }]);
  }
  if (data.remissId) {
    const remiss = await manager.getRepository(Remiss).findOne({ where: { id: data.remissId } });
    if (!remiss) throw notFound("Remiss", data.remissId);
    ensureNotArchived(remiss, "The remiss");
    // Starting a remissvar moves the tracking on: bevakas / ska besvaras → utkast.
    if (remiss.status === RemissStatus.MONITORING || remiss.status === RemissStatus.TO_ANSWER) {
      remiss.status = RemissStatus.DRAFTING;
      await manager.save(remiss);
    }
  }
  if (data.inquiryId) await ensureAllExist(manager, Inquiry, "Inquiry", [data.inquiryId]);
  await ensureQuoteSourcesExist(manager, data.sections ?? []);

  const response = manager.create(Response, {
    kind,
    remissId: data.remissId ?? null,
    inquiryId: data.inquiryId ?? null,
    title: data.title,
    summary: data.summary ?? "",
    sections: data.sections ?? [],
    signatory: data.signatory ?? null,
    presenter: data.presenter ?? null,
    letterDate: data.letterDate ?? null,
    currentVersion: 1,
    status: ResponseStatus.DRAFT,
    createdById: actor.id,
    approvedById: null,
    approvedAt: null,
    submittedAt: null,
    archivedAt: null,
  });
  await manager.save(response);
  await writeVersion(manager, response, actor.id, null);
  await linkResponse(manager, response.id, data.priorityAreaIds, data.documentIds);
  return response;
}

/**
 * Saves an edit as a new version. The editor names the version they started from;
 * if someone saved in between, the save is refused with CONFLICT and nothing is
 * overwritten. Editing an approved response voids the approval.
 */
export async function responseVersionSaver(manager: EntityManager, actor: Actor, input: SaveResponseVersionInput): Promise<Response> {
  const data = parseInput(saveResponseVersionSchema, input);
  const response = await loadForUpdate(manager, Response, "Response", data.responseId);
  ensureStepOpen(response, "edit", "edited after it was submitted");
  if (response.currentVersion !== data.baseVersion) {
    throw conflict(
      "STALE_VERSION",
      `Version ${response.currentVersion} was saved after version ${data.baseVersion}, which you edited. Reload, merge your changes and save again.`,
    );
  }
  await ensureQuoteSourcesExist(manager, data.sections);
  response.title = data.title ?? response.title;
  response.sections = data.sections;
  // Omitted header fields keep their value; null clears them.
  if (data.summary !== undefined) response.summary = data.summary ?? "";
  if (data.signatory !== undefined) response.signatory = data.signatory;
  if (data.presenter !== undefined) response.presenter = data.presenter;
  if (data.letterDate !== undefined) response.letterDate = data.letterDate;
  response.currentVersion += 1;
  if (response.status === ResponseStatus.APPROVED) {
    response.status = ResponseStatus.DRAFT;
    response.approvedById = null;
    response.approvedAt = null;
  }
  await manager.save(response);
  await writeVersion(manager, response, actor.id, data.comment ?? null);
  await linkResponse(manager, response.id, data.priorityAreaIds, data.documentIds);
  return response;
}

/**
 * Changes which priority areas a response touches, in any status but archived: the tags are the
 * secretariat's classification, not the text the board decided on, so no new version is written
 * and an approval stands. The row's version still moves on, so a concurrent tagging is refused.
 */
export async function priorityAreaTagger(manager: EntityManager, input: SetResponsePriorityAreasInput): Promise<Response> {
  const data = parseInput(setResponsePriorityAreasSchema, input);
  const response = await loadForUpdate(manager, Response, "Response", data.id, data.expectedVersion);
  ensureStepOpen(response, "tag", "tagged");
  await ensureAllExist(manager, PriorityArea, "Priority area", data.priorityAreaIds);
  const before: { priority_area_id: string }[] = await manager.query(
    `SELECT priority_area_id FROM response_priority_area WHERE response_id = $1 ORDER BY priority_area_id`, [response.id],
  );
  // The join table's trigger queues the response for re-indexing (its search record carries priorityAreaIds).
  await replaceLinks(manager, "response_priority_area", "response_id", response.id, "priority_area_id", data.priorityAreaIds);
  await touchVersion(manager, Response, response, response.version);
  // Links are written with SQL, which the audit subscriber does not see: the audit row names them itself.
  await writeAuditRow(manager, {
    entityType: Response.name,
    entityId: response.id,
    before: { priorityAreaIds: before.map((row) => row.priority_area_id) },
    after: { priorityAreaIds: [...new Set(data.priorityAreaIds)].sort() },
  });
  return response;
}

export async function approvalRequester(manager: EntityManager, actor: Actor, id: string): Promise<Response> {
  const response = await loadForUpdate(manager, Response, "Response", id);
  ensureStepOpen(response, "requestApproval", "sent for approval");
  if (response.sections.length === 0) throw badInput("Write at least one section before asking the board to approve.");
  response.status = ResponseStatus.FOR_APPROVAL;
  await manager.save(response);
  await recordEvent(manager, response, ResponseEventKind.REQUESTED_APPROVAL, actor);
  return response;
}

/** Returns a response to draft, with the returner's reason (e.g. what the board wants changed). */
export async function draftReturner(manager: EntityManager, actor: Actor, id: string, comment: string | null | undefined): Promise<Response> {
  const data = parseInput(returnToDraftSchema, { comment });
  const response = await loadForUpdate(manager, Response, "Response", id);
  ensureStepOpen(response, "returnToDraft", "returned to draft");
  response.status = ResponseStatus.DRAFT;
  response.approvedById = null;
  response.approvedAt = null;
  await manager.save(response);
  await recordEvent(manager, response, ResponseEventKind.RETURNED_TO_DRAFT, actor, data.comment ?? null);
  return response;
}

/** The board approves exactly the version it read; a newer save in between is a CONFLICT. */
export async function responseApprover(manager: EntityManager, actor: Actor, id: string, version: number): Promise<Response> {
  const response = await loadForUpdate(manager, Response, "Response", id);
  ensureStepOpen(response, "approve", "approved");
  if (response.currentVersion !== version) {
    throw conflict("STALE_VERSION", `Version ${response.currentVersion} is the latest; you read version ${version}.`);
  }
  response.status = ResponseStatus.APPROVED;
  response.approvedById = actor.id;
  response.approvedAt = new Date();
  await manager.save(response);
  await recordEvent(manager, response, ResponseEventKind.APPROVED, actor);
  if (response.remissId) {
    // Saved as an entity (not a bulk update) so that the audit log records the remiss too.
    const remiss = await loadForUpdate(manager, Remiss, "Remiss", response.remissId);
    if (remiss.status === RemissStatus.DRAFTING) {
      remiss.status = RemissStatus.DECIDED;
      await manager.save(remiss);
    }
  }
  return response;
}

export async function submissionRecorder(manager: EntityManager, actor: Actor, id: string, submittedAt: Date | null): Promise<Response> {
  const response = await loadForUpdate(manager, Response, "Response", id);
  ensureStepOpen(response, "markSubmitted", "marked as submitted before approval");
  const when = submittedAt ?? new Date();
  if (when.getTime() > Date.now() + 60_000) throw badInput("The submission date cannot be in the future.", [{ field: "submittedAt", message: "in the future" }]);
  response.status = ResponseStatus.SUBMITTED;
  response.submittedAt = when;
  await manager.save(response);
  await recordEvent(manager, response, ResponseEventKind.SUBMITTED, actor);
  if (response.remissId) {
    const remiss = await loadForUpdate(manager, Remiss, "Remiss", response.remissId);
    remiss.status = RemissStatus.SUBMITTED;
    await manager.save(remiss);
  }
  return response;
}

export async function responseArchiver(manager: EntityManager, id: string): Promise<Response> {
  const response = await loadForUpdate(manager, Response, "Response", id);
  if (!response.archivedAt) {
    response.archivedAt = new Date();
    await manager.save(response);
  }
  return response;
}
