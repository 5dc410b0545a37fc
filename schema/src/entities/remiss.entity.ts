import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { RemissStatus } from "../enums.js";
import { DateTime, LocalDate } from "../scalars.js";
import type { Document } from "./document.entity.js";
import type { User } from "./user.entity.js";

/** A consultation on one document, and SmåKom's tracking of it. */
@ObjectType()
@Check("remiss_member_deadline_before_deadline", `member_input_deadline IS NULL OR member_input_deadline <= deadline`)
@Entity("remiss")
// Unique on lower(diarienummer): a functional index, created by migration AddCaseInsensitiveDiarienummer.
@Index("remiss_diarienummer_unique", { synchronize: false })
export class Remiss extends TrackedEntity {
  @Field(() => ID)
  @Index()
  @Column({ type: "uuid" })
  documentId: string;

  @ManyToOne("Document", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "document_id" })
  document?: Document;

  /** Regeringskansliets diarienummer, e.g. "Fi2011/4105"; unique regardless of case. */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  diarienummer: string | null;

  /** The ministry that sent the remiss, e.g. "Finansdepartementet". */
  @Field(() => String)
  @Column({ type: "text" })
  ministry: string;

  /** Remissinstanser. */
  @Field(() => [String])
  @Column({ type: "text", array: true, default: () => "'{}'" })
  referralBodies: string[];

  @Field(() => Boolean, { description: "Whether SmåKom is on the list of remissinstanser." })
  @Column({ type: "boolean", default: false })
  smakomIsReferralBody: boolean;

  /** Sista dag för svar to the ministry. */
  @Field(() => LocalDate)
  @Index()
  @Column({ type: "date" })
  deadline: string;

  /** Internal deadline for member input; never after the ministry deadline. */
  @Field(() => LocalDate, { nullable: true })
  @Index()
  @Column({ type: "date", nullable: true })
  memberInputDeadline: string | null;

  @Field(() => RemissStatus)
  @Column({ type: "enum", enum: RemissStatus, enumName: "remiss_status", default: RemissStatus.MONITORING })
  status: RemissStatus;

  /** The staff member responsible. */
  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  ownerId: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "owner_id" })
  owner?: User | null;

  /** Staff's internal notes; exposed only to staff and board through a guarded field. */
  @Column({ type: "text", nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  sourceUrl: string | null;

  /**
   * Staff's summary of the member input (sammanställning). Members never read other
   * municipalities' input itself; they read this once it is published.
   */
  @Column({ type: "text", nullable: true })
  memberInputSummary: string | null;

  @Column({ type: "timestamptz", nullable: true })
  memberInputSummaryPublishedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}
