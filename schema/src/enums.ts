import { registerEnumType } from "type-graphql";

export enum Role {
  ADMIN = "admin",
  STAFF = "staff",
  BOARD = "board",
  MEMBER = "member",
}

export enum DocumentKind {
  DIRECTIVE = "directive",
  SUPPLEMENTARY_DIRECTIVE = "supplementary_directive",
  SOU = "sou",
  DS = "ds",
  PROPOSITION = "proposition",
  COMMITTEE_REPORT = "committee_report",
  OTHER = "other",
}

export enum InquiryStatus {
  ONGOING = "ongoing",
  CONCLUDED = "concluded",
}

/** SmåKom's own tracking of a remiss: bevakas → ska besvaras / avstår → utkast → beslutad → inskickad. */
export enum RemissStatus {
  MONITORING = "monitoring",
  TO_ANSWER = "to_answer",
  DECLINED = "declined",
  DRAFTING = "drafting",
  DECIDED = "decided",
  SUBMITTED = "submitted",
}

export enum ResponseKind {
  /** Remissvar: an answer to a remiss or an inquiry. */
  RESPONSE = "response",
  /** Ställningstagande: a standalone position, usually on a priority area. */
  POSITION = "position",
}

export enum ResponseStatus {
  DRAFT = "draft",
  FOR_APPROVAL = "for_approval",
  APPROVED = "approved",
  SUBMITTED = "submitted",
}

/** A step on a response's way to the ministry, as recorded in its history. */
export enum ResponseEventKind {
  REQUESTED_APPROVAL = "requested_approval",
  RETURNED_TO_DRAFT = "returned_to_draft",
  APPROVED = "approved",
  SUBMITTED = "submitted",
}

export enum MemberInputStatus {
  DRAFT = "draft",
  SUBMITTED = "submitted",
  WITHDRAWN = "withdrawn",
}

export enum GoalStatus {
  NOT_STARTED = "not_started",
  IN_PROGRESS = "in_progress",
  ACHIEVED = "achieved",
  NOT_ACHIEVED = "not_achieved",
}

/** What a response says about one proposal of the report, as "Svara på remiss" asks. */
export enum ResponseStance {
  SUPPORTS = "supports",
  SUPPORTS_WITH_CHANGES = "supports_with_changes",
  OPPOSES = "opposes",
  NO_COMMENT = "no_comment",
}

/** Where a quote in a response comes from. */
export enum QuoteSourceType {
  RESPONSE = "response",
  MEMBER_INPUT = "member_input",
  DOCUMENT = "document",
}

/** How often the owner of a saved search is emailed its new matches. */
export enum SavedSearchFrequency {
  /** Each morning (Stockholm time). */
  DAILY = "daily",
  /** Monday mornings. */
  WEEKLY = "weekly",
  /** Kept for opening by hand; no email. */
  NEVER = "never",
}

registerEnumType(Role, { name: "Role" });
registerEnumType(DocumentKind, { name: "DocumentKind" });
registerEnumType(InquiryStatus, { name: "InquiryStatus" });
registerEnumType(RemissStatus, { name: "RemissStatus" });
registerEnumType(ResponseKind, { name: "ResponseKind" });
registerEnumType(ResponseStatus, { name: "ResponseStatus" });
registerEnumType(ResponseEventKind, { name: "ResponseEventKind" });
registerEnumType(MemberInputStatus, { name: "MemberInputStatus" });
registerEnumType(GoalStatus, { name: "GoalStatus" });
registerEnumType(ResponseStance, { name: "ResponseStance" });
registerEnumType(QuoteSourceType, { name: "QuoteSourceType" });
registerEnumType(SavedSearchFrequency, { name: "SavedSearchFrequency" });

export { SEARCH_FACET_LABELS, SWEDISH_LABELS } from "./labels.js";
