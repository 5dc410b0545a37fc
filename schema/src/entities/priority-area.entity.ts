import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { GoalStatus } from "../enums.js";
import { DateTime } from "../scalars.js";

/** A prioriterad fråga decided by the members for one year. */
@ObjectType()
@Entity("priority_area")
@Index(["year", "name"], { unique: true })
export class PriorityArea extends TrackedEntity {
  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  @Field(() => Int)
  @Column({ type: "int" })
  year: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @OneToMany("Goal", "priorityArea")
  goals?: Goal[];

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}

/**
 * A goal (mål) for the year of its priority area. An area is one year's decision, so the
 * goal's year is the area's: the same subject next year is a new area with its own goals.
 */
@ObjectType()
@Entity("goal")
export class Goal extends TrackedEntity {
  @Field(() => ID)
  @Column({ type: "uuid" })
  priorityAreaId: string;

  @ManyToOne("PriorityArea", "goals", { onDelete: "CASCADE" })
  @JoinColumn({ name: "priority_area_id" })
  priorityArea?: PriorityArea;

  @Field(() => String)
  @Column({ type: "text" })
  text: string;

  @Field(() => GoalStatus)
  @Column({ type: "enum", enum: GoalStatus, enumName: "goal_status", default: GoalStatus.NOT_STARTED })
  status: GoalStatus;

  /** How the goal went, in the secretariat's words: what the yearly report says beside the status. */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  comment: string | null;

  @Field(() => Int)
  @Column({ type: "int", default: 0 })
  position: number;
}
