import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTime } from "../scalars.js";

/** Columns every editable row has: a uuid, timestamps and an optimistic-lock version. */
@ObjectType()
export abstract class TrackedEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => DateTime)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTime)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;

  /** Incremented on every save; clients send it back to detect concurrent edits. */
  @Field(() => Int)
  @VersionColumn({ type: "int" })
  version: number;
}
