import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { MemberInputStatus } from "../enums.js";
import { DateTime } from "../scalars.js";
import type { Municipality } from "./municipality.entity.js";
import { InputAnswer } from "./input-request.entity.js";

/** A synpunkt from a member municipality on a remiss or an inquiry. */
@ObjectType()
@Check("member_input_one_subject", `(remiss_id IS NULL) <> (inquiry_id IS NULL)`)
@Entity("member_input")
export class MemberInput extends TrackedEntity {
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

  @Field(() => ID)
  @Index()
  @Column({ type: "uuid" })
  municipalityId: string;

  @ManyToOne("Municipality", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "municipality_id" })
  municipality?: Municipality;

  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  authorId: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "author_id" })
  author?: unknown;

  @Field(() => String)
  @Column({ type: "text" })
  text: string;

  /**
   * Answers per question when the remiss has an input request; null for free-text input.
   * `text` then holds the answers written out, for search, receipts and quotes.
   */
  @Field(() => [InputAnswer], { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  answers: InputAnswer[] | null;

  @Field(() => MemberInputStatus)
  @Column({ type: "enum", enum: MemberInputStatus, enumName: "member_input_status", default: MemberInputStatus.DRAFT })
  status: MemberInputStatus;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  submittedAt: Date | null;
}
