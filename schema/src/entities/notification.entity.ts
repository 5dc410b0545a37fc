import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { User } from "./user.entity.js";

/**
 * One email the notification queue decided to send, keyed for ever by what makes it this
 * mail (api/src/notify/planned-mail.ts), so a key planned twice is queued once. The worker
 * marks it sent or dropped; the text is kept so what was sent can be shown later.
 */
@Entity("notification")
@Index("notification_user", ["userId", "createdAt"])
export class Notification {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Index("notification_key", { unique: true })
  @Column({ type: "text" })
  key: string;

  /** A NotificationKind ("deadlineReminder", "weeklyDigest", …). */
  @Column({ type: "text" })
  kind: string;

  @Column({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  /** What it concerns ({ type, id }), for the check just before sending. */
  @Column({ type: "jsonb", nullable: true })
  subject: { type: string; id: string } | null;

  @Column({ type: "text" })
  recipient: string;

  @Column({ type: "text" })
  mailSubject: string;

  /** The body as planned; the footer is added when it is sent. */
  @Column({ type: "text" })
  mailText: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column({ type: "timestamptz", nullable: true })
  sentAt: Date | null;

  /** Set when it will never be sent (user archived, kind turned off, no longer due). */
  @Column({ type: "timestamptz", nullable: true })
  droppedAt: Date | null;

  @Column({ type: "text", nullable: true })
  droppedReason: string | null;

  /** Sending attempts so far, failed ones included. */
  @Column({ type: "int", default: 0 })
  attempts: number;

  @Column({ type: "text", nullable: true })
  lastError: string | null;
}
