import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from "typeorm";
import type { PriorityArea } from "./priority-area.entity.js";
import type { User } from "./user.entity.js";

/**
 * A person's choice for one kind of email (api/src/notify/planned-mail.ts names the kinds).
 * A missing row means the default: on, for the kinds that apply to the person's role.
 */
@Entity("notification_setting")
export class NotificationSetting {
  @PrimaryColumn({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  /** A NotificationKind; text rather than an enum so that a new kind needs no migration. */
  @PrimaryColumn({ type: "text" })
  kind: string;

  @Column({ type: "boolean" })
  enabled: boolean;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}

/** The priority areas a staff member follows in the weekly digest; none means all. */
@Entity("user_priority_area")
export class UserPriorityArea {
  @PrimaryColumn({ type: "uuid" })
  userId: string;

  @ManyToOne("User", { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user?: User;

  @PrimaryColumn({ type: "uuid" })
  priorityAreaId: string;

  @ManyToOne("PriorityArea", { onDelete: "CASCADE" })
  @JoinColumn({ name: "priority_area_id" })
  priorityArea?: PriorityArea;
}
