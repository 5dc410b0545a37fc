import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../scalars.js";
import type { User } from "./user.entity.js";

/** A personal API token; only its SHA-256 hash is stored, the secret is shown once. */
@ObjectType()
@Entity("api_token")
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => ID)
  @Index()
  @Column({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  @Index({ unique: true })
  @Column({ type: "text", select: false })
  tokenHash: string;

  @Field(() => DateTime)
  @Column({ type: "timestamptz" })
  expiresAt: Date;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTime)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
