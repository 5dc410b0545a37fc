import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { ResponseKind, ResponseStatus } from "../enums.js";
import { DateTime } from "../scalars.js";
import type { PriorityArea } from "./priority-area.entity.js";
import type { Document } from "./document.entity.js";

/** One section of a response body; responses follow the report's section numbering. */
@ObjectType()
@InputType("ResponseSectionInput")
export class ResponseSection {
  /** E.g. "Sammanfattning" or "5.3 Kommunstabiliseringsfond". */
  @Field(() => String)
  heading: string;

  @Field(() => String)
  body: string;
}

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

  /** The current body; every save also writes a ResponseVersion. */
  @Field(() => [ResponseSection])
  @Column({ type: "jsonb", default: () => "'[]'" })
  sections: ResponseSection[];

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

/** An immutable snapshot written on every save of a response. */
@ObjectType()
@Entity("response_version")
@Index(["responseId", "number"], { unique: true })
export class ResponseVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => ID)
  @Column({ type: "uuid" })
  responseId: string;

  @ManyToOne("Response", { onDelete: "CASCADE" })
  @JoinColumn({ name: "response_id" })
  response?: Response;

  @Field(() => Int)
  @Column({ type: "int" })
  number: number;

  @Field(() => String)
  @Column({ type: "text" })
  title: string;

  @Field(() => [ResponseSection])
  @Column({ type: "jsonb" })
  sections: ResponseSection[];

  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  authorId: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "author_id" })
  author?: unknown;

  /** What changed, as the author put it. */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  comment: string | null;

  @Field(() => DateTime)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
