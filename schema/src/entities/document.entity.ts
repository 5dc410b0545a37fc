import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { DocumentKind } from "../enums.js";
import { DateTime, LocalDate } from "../scalars.js";
import type { Inquiry } from "./inquiry.entity.js";
import type { PriorityArea } from "./priority-area.entity.js";

/** A directive, report (SOU), memorandum (Ds), bill (Prop.) or committee report. */
// Plain properties: read by GraphQL's default resolver (lists and search answers hold many).
@ObjectType({ simpleResolvers: true })
@Entity("document")
export class Document extends TrackedEntity {
  @Field(() => DocumentKind)
  @Column({ type: "enum", enum: DocumentKind, enumName: "document_kind" })
  kind: DocumentKind;

  /** Canonical designation, e.g. "SOU 2020:8"; null only for kind OTHER. */
  @Field(() => String, { nullable: true })
  @Index({ unique: true, where: "designation IS NOT NULL" })
  @Column({ type: "text", nullable: true })
  designation: string | null;

  /** Year of the designation (first year of the riksmöte for bills), for filtering. */
  @Field(() => Int, { nullable: true })
  @Index()
  @Column({ type: "int", nullable: true })
  year: number | null;

  @Field(() => String)
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  subtitle: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  department: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: "date", nullable: true })
  publishedAt: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  summary: string | null;

  /**
   * The source's own stable key, e.g. Riksdagen's dok_id "HE01FiU8", so that an import
   * recognises a document it brought in before even when its designation was edited.
   */
  @Index({ unique: true, where: "external_id IS NOT NULL" })
  @Column({ type: "text", nullable: true })
  externalId: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: "uuid", nullable: true })
  inquiryId: string | null;

  @ManyToOne("Inquiry", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "inquiry_id" })
  inquiry?: Inquiry | null;

  @ManyToMany("PriorityArea")
  @JoinTable({
    name: "document_priority_area",
    joinColumn: { name: "document_id" },
    inverseJoinColumn: { name: "priority_area_id" },
  })
  priorityAreas?: PriorityArea[];

  @OneToOne("DocumentText", "document")
  text?: DocumentText;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}

export type FullTextFormat = "text" | "html" | "pdf";

/**
 * The full text of a document, kept apart so that listing documents never loads
 * megabytes of report text. Pages are separated by form feeds ("\f").
 */
@Entity("document_text")
export class DocumentText {
  @PrimaryColumn({ type: "uuid" })
  documentId: string;

  @OneToOne("Document", "text", { onDelete: "CASCADE" })
  @JoinColumn({ name: "document_id" })
  document?: Document;

  /** The format the text arrived in; content is always the extracted plain text. */
  @Column({ type: "text" })
  sourceFormat: FullTextFormat;

  @Column({ type: "text" })
  content: string;

  @Column({ type: "int" })
  pageCount: number;

  @Column({ type: "int" })
  charCount: number;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
