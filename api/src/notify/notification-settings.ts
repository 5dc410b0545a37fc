import { In, type EntityManager, type SelectQueryBuilder } from "typeorm";
import { z } from "zod";
import { LIMITS, NotificationSetting, PriorityArea, Remiss, Role, User, UserPriorityArea } from "@remissbanken/schema";
import type { Actor } from "../auth/policy.js";
import { badInput, type DomainReason, type FieldProblem } from "../common/errors.js";
import { parseInput, v } from "../common/validation.js";
import { NOTIFICATION_KINDS, type NotificationKind } from "./planned-mail.js";

/**
 * Which kinds of email can reach a role, in the order the settings page lists them. Saved
 * searches and follows are chosen per item elsewhere; the switch here stops them all.
 */
export const KINDS_FOR_ROLE: Record<Role, readonly NotificationKind[]> = {
  [Role.STAFF]: ["deadlineReminder", "weeklyDigest", "inputArrived", "savedSearch", "follow"],
  // Admins are staff in every rule (isStaff) and may be responsible for remisser.
  [Role.ADMIN]: ["deadlineReminder", "weeklyDigest", "inputArrived", "savedSearch", "follow"],
  [Role.BOARD]: ["savedSearch", "follow"],
  [Role.MEMBER]: ["inputReminder", "inputRequested", "inputReceipt", "savedSearch", "follow"],
};

export function kindAppliesTo(role: Role, kind: NotificationKind): boolean {
  return KINDS_FOR_ROLE[role].includes(kind);
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export interface NotificationChoice {
  kind: NotificationKind;
  enabled: boolean;
}

/** A person's choice for every kind that applies to their role; a kind never chosen is on. */
export async function notificationSettingsOf(manager: EntityManager, user: Pick<User, "id" | "role">): Promise<NotificationChoice[]> {
  const rows = await manager.getRepository(NotificationSetting).find({ where: { userId: user.id } });
  const chosen = new Map(rows.map((row) => [row.kind, row.enabled]));
  return KINDS_FOR_ROLE[user.role].map((kind) => ({ kind, enabled: chosen.get(kind) ?? true }));
}

/**
 * Whether this person gets this kind of email now: an active, unarchived account whose role
 * the kind applies to, and who has not turned it off.
 */
export async function isKindEnabled(manager: EntityManager, userId: string, kind: NotificationKind): Promise<boolean> {
  const user = await manager.getRepository(User).findOne({ where: { id: userId } });
  if (!user || !user.active || user.archivedAt || !kindAppliesTo(user.role, kind)) return false;
  const row = await manager.getRepository(NotificationSetting).findOne({ where: { userId, kind } });
  return row?.enabled ?? true;
}

/**
 * SQL for planners' queries: the user row `alias` may get `kind` (same rule as isKindEnabled).
 * The parameter names carry the kind so that two of these can share a query.
 */
export function receivesKind(alias: string, kind: NotificationKind): { sql: string; params: Record<string, unknown> } {
  const roles = (Object.keys(KINDS_FOR_ROLE) as Role[]).filter((role) => kindAppliesTo(role, kind));
  return {
    sql:
      `(${alias}.active AND ${alias}.archived_at IS NULL AND ${alias}.role IN (:...rolesFor_${kind}) ` +
      `AND NOT EXISTS (SELECT 1 FROM notification_setting ns WHERE ns.user_id = ${alias}.id AND ns.kind = :kind_${kind} AND NOT ns.enabled))`,
    params: { [`rolesFor_${kind}`]: roles, [`kind_${kind}`]: kind },
  };
}

/**
 * Remisser (`r`, with their document `d`) whose responsible person (`owner`, selected) gets
 * `kind`: the start of the queries of the mails to the person responsible.
 */
export function remisserWhoseOwnerReceives(manager: EntityManager, kind: NotificationKind): SelectQueryBuilder<Remiss> {
  const recipient = receivesKind("owner", kind);
  return manager
    .getRepository(Remiss)
    .createQueryBuilder("r")
    .innerJoinAndSelect("r.document", "d")
    .innerJoinAndSelect("r.owner", "owner")
    .where(recipient.sql, recipient.params);
}

export interface NotificationSettingChange {
  kind: string;
  enabled: boolean;
}

/**
 * Saves the caller's own choices. Every entry is checked before anything is written: an
 * unknown kind or one that cannot reach the caller's role refuses the whole change.
 */
export async function notificationSettingsUpdater(
  manager: EntityManager, actor: Actor, changes: NotificationSettingChange[],
): Promise<NotificationChoice[]> {
  const problems: (FieldProblem & { reason: DomainReason })[] = [];
  const seen = new Set<string>();
  changes.forEach(({ kind }, index) => {
    const field = `settings.${index}.kind`;
    if (!isNotificationKind(kind)) {
      problems.push({ field, reason: "UNKNOWN_NOTIFICATION_KIND", message: `"${kind}" is not a kind of email (one of ${NOTIFICATION_KINDS.join(", ")})` });
    } else if (!kindAppliesTo(actor.role, kind)) {
      problems.push({ field, reason: "NOTIFICATION_KIND_NOT_FOR_ROLE", message: `"${kind}" is not sent to the role ${actor.role}` });
    } else if (seen.has(kind)) {
      problems.push({ field, reason: "INVALID_INPUT", message: `"${kind}" is given twice` });
    }
    seen.add(kind);
  });
  if (problems.length) {
    const fields = problems.map(({ field, message }) => ({ field, message }));
    throw badInput(fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields, problems[0].reason);
  }
  if (changes.length) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationSetting)
      .values(changes.map(({ kind, enabled }) => ({ userId: actor.id, kind, enabled })))
      .orUpdate(["enabled", "updated_at"], ["user_id", "kind"])
      .execute();
  }
  return notificationSettingsOf(manager, { id: actor.id, role: actor.role });
}

/** The priority areas whose new documents this person's weekly digest lists, by year and name; none means all. */
export function digestPriorityAreasOf(manager: EntityManager, userId: string): Promise<PriorityArea[]> {
  return manager
    .getRepository(PriorityArea)
    .createQueryBuilder("pa")
    .innerJoin(UserPriorityArea, "upa", "upa.priority_area_id = pa.id AND upa.user_id = :userId", { userId })
    .orderBy("pa.year", "DESC")
    .addOrderBy("pa.name", "ASC")
    .getMany();
}

/** Replaces the caller's digest priority areas (only those who get the digest have any). */
export async function digestPriorityAreasUpdater(manager: EntityManager, actor: Actor, priorityAreaIds: string[]): Promise<void> {
  if (!kindAppliesTo(actor.role, "weeklyDigest")) {
    throw badInput(`The weekly digest is not sent to the role ${actor.role}.`, [{ field: "digestPriorityAreaIds", message: "not for this role" }], "NOTIFICATION_KIND_NOT_FOR_ROLE");
  }
  const ids = [...new Set(parseInput(z.array(v.uuid).max(LIMITS.maxPageSize), priorityAreaIds))];
  const found = ids.length ? await manager.getRepository(PriorityArea).find({ where: { id: In(ids) } }) : [];
  const missing = ids.filter((id) => !found.some((area) => area.id === id));
  if (missing.length) {
    throw badInput(`No priority area ${missing.join(", ")}.`, missing.map((id) => ({ field: "digestPriorityAreaIds", message: `${id} was not found` })));
  }
  await manager.delete(UserPriorityArea, { userId: actor.id });
  if (ids.length) await manager.insert(UserPriorityArea, ids.map((priorityAreaId) => ({ userId: actor.id, priorityAreaId })));
}
