import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateTime } from "../scalars.js";
import type { User } from "./user.entity.js";

/**
 * A person's secret calendar feed address (/kalender/<token>.ics). One per person. The token is
 * looked up by its SHA-256 hash and also kept as is, so its owner can see the address again, as
 * with the secret address of a Google or Outlook calendar (docs/security.md says why that is safe).
 */
@ObjectType({ description: "Your calendar feed; its address is `me { calendarFeedUrl }`." })
@Entity("calendar_feed")
export class CalendarFeed {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** One feed per person: the one-to-one join column is unique. */
  @Column({ type: "uuid" })
  userId: string;

  @OneToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  @Index({ unique: true })
  @Column({ type: "text", select: false })
  tokenHash: string;

  /** The token itself, read only to show its owner their address; never a lookup key, never audited. */
  @Column({ type: "text", select: false })
  token: string;

  @Field(() => DateTime)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When a calendar last fetched the feed (noted at most every 15 minutes)." })
  @Column({ type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;
}
