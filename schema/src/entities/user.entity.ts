import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { Role } from "../enums.js";
import { DateTime } from "../scalars.js";
import type { Municipality } from "./municipality.entity.js";

@ObjectType()
@Check("member_has_municipality", `(role = 'member') = (municipality_id IS NOT NULL)`)
@Entity("app_user")
export class User extends TrackedEntity {
  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  /** Stored lower-cased; unique. Exposed through a guarded field resolver. */
  @Index({ unique: true })
  @Column({ type: "text" })
  email: string;

  @Field(() => Role)
  @Column({ type: "enum", enum: Role, enumName: "role" })
  role: Role;

  @Field(() => ID, { nullable: true })
  @Column({ type: "uuid", nullable: true })
  municipalityId: string | null;

  @ManyToOne("Municipality", { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "municipality_id" })
  municipality?: Municipality | null;

  /** argon2id hash; null until the user has set a password. Never exposed. */
  @Column({ type: "text", nullable: true, select: false })
  passwordHash: string | null;

  @Field(() => Boolean)
  @Column({ type: "boolean", default: true })
  active: boolean;

  /** Set on each sign-in; null for an invited person who has not signed in yet. Exposed through a guarded field resolver. */
  @Column({ type: "timestamptz", nullable: true })
  lastSignedInAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}
