import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { conflict, DomainError, notFound } from "./errors.js";

/**
 * Loads a row for update, locking it for the rest of the transaction, and checks
 * the version the client saw so that a concurrent edit is refused, not overwritten.
 */
export async function loadForUpdate<T extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  what: string,
  id: string,
  expectedVersion?: number | null,
): Promise<T> {
  const row = await manager
    .getRepository(entity)
    .createQueryBuilder("x")
    .setLock("pessimistic_write")
    .where("x.id = :id", { id })
    .getOne();
  if (!row) throw notFound(what, id);
  if (expectedVersion !== undefined && expectedVersion !== null && row.version !== expectedVersion) {
    throw conflict(
      "STALE_VERSION",
      `${what} was changed by someone else (version ${row.version}, you had ${expectedVersion}). Reload and try again.`,
    );
  }
  return row;
}

/**
 * Gives a row a new version when only its links or child rows changed: `save`
 * compares columns and writes nothing then, so a concurrent edit would not be
 * detected. Does nothing when the row's own save already counted the edit.
 */
export async function touchVersion<T extends ObjectLiteral & { id: string; version: number; updatedAt: Date }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  versionBefore: number,
): Promise<void> {
  if (row.version !== versionBefore) return;
  await manager
    .createQueryBuilder()
    .update(entity)
    // TypeORM adds "version = version + 1" to every update query.
    .set({ updatedAt: () => "CURRENT_TIMESTAMP" } as never)
    .where("id = :id", { id: row.id })
    .execute();
  const fresh = await manager.getRepository(entity).createQueryBuilder("x").where("x.id = :id", { id: row.id }).getOneOrFail();
  row.version = fresh.version;
  row.updatedAt = fresh.updatedAt;
}

/** Copies the keys the caller actually sent (undefined means "leave as is"). */
export function assignDefined<T extends object>(target: T, changes: Partial<T>): T {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

export function ensureNotArchived(row: { archivedAt: Date | null }, what: string): void {
  if (row.archivedAt) throw new DomainError("CONFLICT", "ARCHIVED", `${what} is archived and cannot be changed.`);
}

/** Checks that every id exists in the table, so links never point nowhere. */
export async function ensureAllExist(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  what: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const count = await manager.getRepository(entity).createQueryBuilder("x").where("x.id IN (:...ids)", { ids: unique }).getCount();
  if (count !== unique.length) throw notFound(what, unique.join(", "));
}

/** Replaces the rows of a join table for one owner. */
export async function replaceLinks(
  manager: EntityManager,
  table: string,
  ownerColumn: string,
  ownerId: string,
  targetColumn: string,
  targetIds: readonly string[],
): Promise<void> {
  await manager.query(`DELETE FROM "${table}" WHERE "${ownerColumn}" = $1`, [ownerId]);
  const unique = [...new Set(targetIds)];
  if (unique.length === 0) return;
  await manager.query(
    `INSERT INTO "${table}" ("${ownerColumn}", "${targetColumn}") SELECT $1, unnest($2::uuid[])`,
    [ownerId, unique],
  );
}
