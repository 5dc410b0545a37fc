import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";
import { SavedSearchFrequency } from "../enums.js";
import { DateTime } from "../scalars.js";
import type { Inquiry } from "./inquiry.entity.js";
import type { User } from "./user.entity.js";

/** The filters of a saved search, as the `search` query takes them. */
export interface SavedSearchFilterValues {
  types?: string[] | null;
  kinds?: string[] | null;
  years?: number[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  departments?: string[] | null;
  priorityAreaIds?: string[] | null;
  statuses?: string[] | null;
}

/** A match as the owner was told of it: "<type>:<id>" → the row's updatedAt (ISO), so a later edit counts as changed. */
export type SeenMatches = Record<string, string>;

/** A planned mail of a saved search: the matches it tells, as listed in it. */
export interface PendingNotice {
  matches: SeenMatches;
  told: Array<{ key: string; type: string; id: string; title: string; path: string }>;
}

/** A search someone saved to open again and, at its frequency, to be emailed its new or changed matches. */
@ObjectType()
@Entity("saved_search")
export class SavedSearch extends TrackedEntity {
  /** Only its owner ever reads or changes it. */
  @Index()
  @Column({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  @Field(() => String)
  @Column({ type: "text", default: "" })
  query: string;

  /** Exposed through a field resolver as the search's own filter type. */
  @Column({ type: "jsonb", default: () => "'{}'" })
  filters: SavedSearchFilterValues;

  @Field(() => SavedSearchFrequency)
  @Column({ type: "enum", enum: SavedSearchFrequency, enumName: "saved_search_frequency", default: SavedSearchFrequency.WEEKLY })
  frequency: SavedSearchFrequency;

  /** The matches the owner has been told of (or that existed when the search was saved). */
  @Column({ type: "jsonb", default: () => "'{}'" })
  seen: SeenMatches;

  /** The period ("2026-12-01", "2026-W49") whose mail is planned but not yet sent, and what it tells. */
  @Column({ type: "text", nullable: true })
  pendingPeriod: string | null;

  @Column({ type: "jsonb", nullable: true })
  pending: PendingNotice | null;

  /** The last period done with: its mail sent, or nothing to tell then. Nothing more is told in it. */
  @Column({ type: "text", nullable: true })
  lastPeriod: string | null;

  @Field(() => DateTime, { nullable: true, description: "When its matches were last emailed." })
  @Column({ type: "timestamptz", nullable: true })
  lastNotifiedAt: Date | null;
}

/** What a follower was last told of an inquiry's chain; news is what differs from it. */
export interface ToldChain {
  documents: string[];
  remisser: string[];
  /** "inquiry" (redovisas senast) or a remiss id → the date told. */
  deadlines: Record<string, string | null>;
}

/** Someone follows an inquiry: told of new documents in its chain, new remisser and moved deadlines. */
@ObjectType()
@Entity("inquiry_follow")
@Unique("inquiry_follow_user_inquiry", ["userId", "inquiryId"])
export class InquiryFollow {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  @Field(() => ID)
  @Index()
  @Column({ type: "uuid" })
  inquiryId: string;

  @ManyToOne("Inquiry", { onDelete: "CASCADE" })
  @JoinColumn({ name: "inquiry_id" })
  inquiry?: Inquiry;

  @Column({ type: "jsonb" })
  told: ToldChain;

  @Field(() => DateTime, { nullable: true, description: "When news of it was last emailed." })
  @Column({ type: "timestamptz", nullable: true })
  lastNotifiedAt: Date | null;

  @Field(() => DateTime)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
