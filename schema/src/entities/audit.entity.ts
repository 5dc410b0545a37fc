import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { DateTime } from "../scalars.js";

/**
 * One change made by a mutation, written in the same transaction as the change:
 * who, which mutation, which row, and the row before and after.
 */
@ObjectType()
@Entity("audit_log")
@Index(["entityType", "entityId"])
export class AuditLog {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  /** Null for anonymous mutations (sign-in, password reset). */
  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: "uuid", nullable: true })
  actorId: string | null;

  /** The GraphQL mutation, e.g. "approveResponse". */
  @Field(() => String)
  @Index()
  @Column({ type: "text" })
  action: string;

  /** The entity class, e.g. "Response"; null when the mutation changed no row. */
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  entityType: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  entityId: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  requestId: string | null;

  @Field(() => DateTime)
  @Index()
  @CreateDateColumn({ type: "timestamptz" })
  at: Date;
}
