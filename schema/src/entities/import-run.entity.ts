import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { DateTime } from "../scalars.js";
import type { Remiss } from "./remiss.entity.js";
import type { User } from "./user.entity.js";

/** The official source an import reads. */
export enum ImportSource {
  RIKSDAGEN = "riksdagen",
  REGERINGEN = "regeringen",
}

/** What started an import: a command typed by someone, the worker's schedule, or staff in the web app. */
export enum ImportTrigger {
  COMMAND = "command",
  SCHEDULE = "schedule",
  WEB = "web",
}

export enum ImportRunStatus {
  RUNNING = "running",
  SUCCEEDED = "succeeded",
  FAILED = "failed",
}

registerEnumType(ImportSource, { name: "ImportSource" });
registerEnumType(ImportTrigger, { name: "ImportTrigger" });
registerEnumType(ImportRunStatus, { name: "ImportRunStatus" });

/** One item an import could not bring in, and why. */
@ObjectType()
export class ImportFailure {
  @Field(() => String, { description: "What people recognise: a designation and title, a file or an address." })
  item: string;

  @Field(() => String)
  reason: string;
}

/**
 * One run of an importer (a command, the schedule, or "add a remiss from its address"): what
 * it was asked, what it did, and how it ended, so that staff see whether imports work.
 */
@ObjectType()
@Entity("import_run")
@Index(["source", "startedAt"])
export class ImportRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => ImportSource)
  @Column({ type: "enum", enum: ImportSource, enumName: "import_source" })
  source: ImportSource;

  @Field(() => ImportTrigger)
  @Column({ type: "enum", enum: ImportTrigger, enumName: "import_trigger" })
  trigger: ImportTrigger;

  /** The staff member who asked, for runs started in the web app. */
  @Column({ type: "uuid", nullable: true })
  startedById: string | null;

  @ManyToOne("User", { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "started_by_id" })
  startedBy?: User | null;

  @Field(() => DateTime)
  @Column({ type: "timestamptz" })
  startedAt: Date;

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  finishedAt: Date | null;

  /**
   * Touched every minute while the run works: a `running` row whose heartbeat stopped belongs
   * to a process that died, and the next run marks it failed.
   */
  @Column({ type: "timestamptz" })
  heartbeatAt: Date;

  @Field(() => ImportRunStatus)
  @Column({ type: "enum", enum: ImportRunStatus, enumName: "import_run_status" })
  status: ImportRunStatus;

  @Field(() => GraphQLJSONObject, { description: "What the run was asked: types, from, to, files or addresses." })
  @Column({ type: "jsonb", default: () => "'{}'" })
  options: Record<string, unknown>;

  @Field(() => Int) @Column({ type: "int", default: 0 }) added: number;
  @Field(() => Int) @Column({ type: "int", default: 0 }) updated: number;
  @Field(() => Int) @Column({ type: "int", default: 0 }) unchanged: number;
  @Field(() => Int) @Column({ type: "int", default: 0 }) skipped: number;
  @Field(() => Int) @Column({ type: "int", default: 0 }) failed: number;

  @Field(() => [ImportFailure], { description: "The failed items with their reasons; the first ones only (see `failed` for how many)." })
  @Column({ type: "jsonb", default: () => "'[]'" })
  failures: ImportFailure[];

  @Field(() => String, { nullable: true, description: "Why a failed run failed as a whole." })
  @Column({ type: "text", nullable: true })
  error: string | null;
}

/** A response another organisation sent on a remiss, as published on the remiss page. */
@ObjectType()
@Entity("remiss_published_response")
@Unique("remiss_published_response_url", ["remissId", "url"])
export class RemissPublishedResponse {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  // The unique (remiss_id, url) index serves lookups by remiss too.
  @Column({ type: "uuid" })
  remissId: string;

  @ManyToOne("Remiss", { onDelete: "CASCADE" })
  @JoinColumn({ name: "remiss_id" })
  remiss?: Remiss;

  @Field(() => String)
  @Column({ type: "text" })
  organisation: string;

  @Field(() => String, { description: "The response's PDF on regeringen.se." })
  @Column({ type: "text" })
  url: string;

  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt: Date;
}
