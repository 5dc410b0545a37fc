import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { DateTime, LocalDate } from "../scalars.js";

/** A medlemskommun. */
@ObjectType()
@Entity("municipality")
export class Municipality extends TrackedEntity {
  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: "text" })
  name: string;

  /** Län, e.g. "Värmlands län". */
  @Field(() => String)
  @Column({ type: "text" })
  county: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: "date", nullable: true })
  memberSince: string | null;

  @Field(() => Boolean)
  @Column({ type: "boolean", default: true })
  active: boolean;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}
