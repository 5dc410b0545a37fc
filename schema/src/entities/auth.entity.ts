import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { User } from "./user.entity.js";

/**
 * A signed-in browser session. The cookie carries a random secret; only its
 * SHA-256 hash is stored, so a database leak does not hand out sessions.
 */
@Entity("session")
export class Session {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  @Index({ unique: true })
  @Column({ type: "text", select: false })
  tokenHash: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @Column({ type: "timestamptz" })
  lastSeenAt: Date;

  /** Slides forward with use, but never past the absolute lifetime. */
  @Index()
  @Column({ type: "timestamptz" })
  expiresAt: Date;
}

export enum OneTimeTokenPurpose {
  INVITATION = "invitation",
  PASSWORD_RESET = "password_reset",
  SIGN_IN_LINK = "sign_in_link",
}

/** A single-use, expiring link sent by email (invitation, password reset, sign-in link). */
@Entity("one_time_token")
export class OneTimeToken {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  @Column({ type: "enum", enum: OneTimeTokenPurpose, enumName: "one_time_token_purpose" })
  purpose: OneTimeTokenPurpose;

  @Index({ unique: true })
  @Column({ type: "text", select: false })
  tokenHash: string;

  @Column({ type: "timestamptz" })
  expiresAt: Date;

  @Column({ type: "timestamptz", nullable: true })
  usedAt: Date | null;

  /** Who asked for it: the inviting staff member; null when the user asked themselves. */
  @Column({ type: "uuid", nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}

/**
 * One sign-in attempt, kept in PostgreSQL so that throttling and lockout hold
 * across processes. The email is stored as typed (lower-cased), known or not.
 */
@Entity("sign_in_attempt")
@Index(["email", "at"])
@Index(["ip", "at"])
export class SignInAttempt {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  @Column({ type: "text" })
  email: string;

  @Column({ type: "text" })
  ip: string;

  @Column({ type: "boolean" })
  succeeded: boolean;

  @CreateDateColumn({ type: "timestamptz" })
  at: Date;
}
