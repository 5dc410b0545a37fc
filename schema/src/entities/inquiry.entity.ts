import { Column, Entity, Index, JoinTable, ManyToMany } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { InquiryStatus } from "../enums.js";
import { DateTime, LocalDate } from "../scalars.js";
import type { PriorityArea } from "./priority-area.entity.js";

/** An utredning, appointed by a kommittédirektiv. */
@ObjectType()
@Entity("inquiry")
export class Inquiry extends TrackedEntity {
  /** E.g. "Strandskyddsutredningen". */
  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  /** Kommittébeteckning, e.g. "M 2019:02". */
  @Field(() => String, { nullable: true })
  @Index({ unique: true, where: "committee_designation IS NOT NULL" })
  @Column({ type: "text", nullable: true })
  committeeDesignation: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  department: string | null;

  @Field(() => InquiryStatus)
  @Column({ type: "enum", enum: InquiryStatus, enumName: "inquiry_status", default: InquiryStatus.ONGOING })
  status: InquiryStatus;

  /** Redovisas senast. */
  @Field(() => LocalDate, { nullable: true })
  @Column({ type: "date", nullable: true })
  reportDueDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  summary: string | null;

  @ManyToMany("PriorityArea")
  @JoinTable({
    name: "inquiry_priority_area",
    joinColumn: { name: "inquiry_id" },
    inverseJoinColumn: { name: "priority_area_id" },
  })
  priorityAreas?: PriorityArea[];

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}
