import { Check, Column, type ValueTransformer, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { QuoteSourceType, ResponseEventKind, ResponseKind, ResponseStance, ResponseStatus } from "../enums.js";
import { DateTime, LocalDate } from "../scalars.js";
import type { PriorityArea } from "./priority-area.entity.js";
import type { Document } from "./document.entity.js";

/** A passage quoted in a response, kept linked to where it comes from. */
@ObjectType()
export class ResponseQuote {
  @Field(() => QuoteSourceType)
  sourceType: QuoteSourceType;

  @Field(() => ID)
  sourceId: string;

  /** How the source is cited, e.g. "SmåKom 2012-01-12, SOU 2011:59" or "Forshaga kommun". */
  @Field(() => String)
  label: string;

  @Field(() => String)
  text: string;
}

/** One section of a response body; responses follow the report's section numbering. */
@ObjectType()
export class ResponseSection {
  /** The report's section number the position answers, e.g. "5.3"; null for free sections. */
  @Field(() => String, { nullable: true })
  number: string | null;

  /** E.g. "Kommunstabiliseringsfond". */
  @Field(() => String)
  heading: string;

  /** Whether SmåKom supports the proposal; null where the section states no position. */
  @Field(() => ResponseStance, { nullable: true })
  stance: ResponseStance | null;

  @Field(() => String)
  body: string;

  @Field(() => [ResponseQuote])
  quotes: ResponseQuote[];
}

/** A section with only what is given; the rest takes the defaults. */
export type SectionDraft = Pick<ResponseSection, "heading" | "body"> & Partial<ResponseSection>;

/** A section with every key, defaults filled in. */
export function completeSection(section: SectionDraft): ResponseSection {
  return {
    number: section.number ?? null,
    heading: section.heading,
    stance: section.stance ?? null,
    body: section.body,
    quotes: section.quotes ?? [],
  };
}

/**
 * Sections saved before numbers, stances and quotes existed lack those keys; reading
 * fills them in so every section has the same shape.
 */
const sectionsColumn: ValueTransformer = {
  to: (sections: ResponseSection[] | undefined) => sections,
  from: (stored: SectionDraft[] | null) => stored?.map(completeSection) ?? stored,
};

/** A remissvar (answer to a remiss or inquiry) or a standalone position (ställningstagande). */
@ObjectType()
@Check("response_subject", `kind = 'position' OR remiss_id IS NOT NULL OR inquiry_id IS NOT NULL`)
@Entity("response")
export class Response extends TrackedEntity {
  @Field(() => ResponseKind)
  @Column({ type: "enum", enum: ResponseKind, enumName: "response_kind", default: ResponseKind.RESPONSE })
  kind: ResponseKind;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: "uuid", nullable: true })
  remissId: string | null;

  @ManyToOne("Remiss", { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "remiss_id" })
  remiss?: unknown;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: "uuid", nullable: true })
  inquiryId: string | null;

  @ManyToOne("Inquiry", { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "inquiry_id" })
  inquiry?: unknown;

  @Field(() => String)
  @Column({ type: "text" })
  title: string;

  /** Sammanfattning: SmåKom's views in brief, first in the answer; may be empty. */
  @Field(() => String)
  @Column({ type: "text", default: "" })
  summary: string;

  /** The current body; every save also writes a ResponseVersion. */
  @Field(() => [ResponseSection])
  @Column({ type: "jsonb", default: () => "'[]'", transformer: sectionsColumn })
  sections: ResponseSection[];

  /** Who decided and signs, e.g. "Anna Andersson, ordförande". */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  signatory: string | null;

  /** Who presented the matter (föredragande), e.g. the secretariat. */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  presenter: string | null;

  /** The date on the answer; null until set. */
  @Field(() => LocalDate, { nullable: true })
  @Column({ type: "date", nullable: true })
  letterDate: string | null;

  @Field(() => Int, { description: "Number of the latest saved version." })
  @Column({ type: "int", default: 1 })
  currentVersion: number;

  @Field(() => ResponseStatus)
  @Column({ type: "enum", enum: ResponseStatus, enumName: "response_status", default: ResponseStatus.DRAFT })
  status: ResponseStatus;

  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  createdById: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "created_by_id" })
  createdBy?: unknown;

  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  approvedById: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "approved_by_id" })
  approvedBy?: unknown;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  approvedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  submittedAt: Date | null;

  @ManyToMany("PriorityArea")
  @JoinTable({
    name: "response_priority_area",
    joinColumn: { name: "response_id" },
    inverseJoinColumn: { name: "priority_area_id" },
  })
  priorityAreas?: PriorityArea[];

  @ManyToMany("Document")
  @JoinTable({
    name: "response_document",
    joinColumn: { name: "response_id" },
    inverseJoinColumn: { name: "document_id" },
  })
  documents?: Document[];

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}

/**
 * What a response's history rows share: the response, a comment and when. Never changed
 * once written. Its fields join each subclass's GraphQL type; no field returns the base
 * itself, so the schema does not show it.
 */
@ObjectType()
abstract class ResponseRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => ID)
  @Column({ type: "uuid" })
  responseId: string;

  @ManyToOne("Response", { onDelete: "CASCADE" })
  @JoinColumn({ name: "response_id" })
  response?: Response;

  /** In the author's words: what changed in a version, why a step was taken (e.g. what the board wants changed). */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  comment: string | null;

  @Field(() => DateTime)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}

/** An immutable snapshot written on every save of a response. */
@ObjectType()
@Entity("response_version")
@Index(["responseId", "number"], { unique: true })
export class ResponseVersion extends ResponseRecord {
  @Field(() => Int)
  @Column({ type: "int" })
  number: number;

  @Field(() => String)
  @Column({ type: "text" })
  title: string;

  @Field(() => String)
  @Column({ type: "text", default: "" })
  summary: string;

  @Field(() => [ResponseSection])
  @Column({ type: "jsonb", transformer: sectionsColumn })
  sections: ResponseSection[];

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  signatory: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  presenter: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: "date", nullable: true })
  letterDate: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  authorId: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "author_id" })
  author?: unknown;
}

/**
 * One step of a response's workflow (sent for decision, returned, decided, sent in),
 * written in the same transaction as the status change. Together with the versions it
 * is the response's history, and it tells the board which version it last decided on.
 */
@ObjectType()
@Entity("response_event")
@Index(["responseId", "createdAt"])
export class ResponseEvent extends ResponseRecord {
  @Field(() => ResponseEventKind)
  @Column({ type: "enum", enum: ResponseEventKind, enumName: "response_event_kind" })
  kind: ResponseEventKind;

  /** The response's currentVersion when the step was taken: what was sent, returned or decided. */
  @Field(() => Int)
  @Column({ type: "int" })
  version: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  actorId: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "actor_id" })
  actor?: unknown;
}
