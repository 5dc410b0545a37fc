import type {
  EntityManager, EntityMetadata, EntitySubscriberInterface, InsertEvent, ObjectLiteral, RemoveEvent, SoftRemoveEvent, UpdateEvent,
} from "typeorm";
import { AuditLog, ChangeEvent, MemberInput, MemberInputStatus, ResponseEvent, SignInAttempt } from "@remissbanken/schema";
import { currentAuditScope } from "./audit-scope.js";

/**
 * Rows that are bookkeeping, not changes anyone made. A response's workflow event is itself
 * a record of who did what, written with the response change that the audit log records.
 */
const NOT_AUDITED = new Set<string>([AuditLog.name, ChangeEvent.name, SignInAttempt.name, ResponseEvent.name]);
/** Secrets never reach the audit table, not even hashed. */
const SECRET_COLUMNS = new Set(["tokenHash", "passwordHash", "token"]);

type Snapshot = Record<string, unknown>;

/** The row's columns (no relations), with secrets left out. */
function snapshot(metadata: EntityMetadata, entity: ObjectLiteral | undefined): Snapshot | null {
  if (!entity) return null;
  const out: Snapshot = {};
  for (const column of metadata.columns) {
    if (SECRET_COLUMNS.has(column.propertyName)) continue;
    const value = column.getEntityValue(entity);
    if (value !== undefined) out[column.propertyName] = value;
  }
  // A draft is visible only to its own municipality; staff reading the audit log must not see its text.
  if (metadata.name === MemberInput.name && out.status === MemberInputStatus.DRAFT && "text" in out) out.text = "[draft]";
  return out;
}

/** Writes one audit row in the transaction of the change, when inside a mutation. */
export async function writeAuditRow(
  manager: EntityManager,
  row: { entityType: string | null; entityId: string | null; before: Snapshot | null; after: Snapshot | null },
): Promise<void> {
  const scope = currentAuditScope();
  if (!scope) return;
  scope.written++;
  const values: Partial<AuditLog> = { actorId: scope.actorId, action: scope.action, requestId: scope.requestId, ...row };
  // TypeORM's deep-partial type cannot express jsonb columns of plain records.
  await manager.getRepository(AuditLog).insert(values as never);
}

function idOf(metadata: EntityMetadata, ...candidates: (ObjectLiteral | undefined)[]): string | null {
  for (const entity of candidates) {
    const id = entity && metadata.primaryColumns[0]?.getEntityValue(entity);
    if (id !== undefined && id !== null) return String(id);
  }
  return null;
}

/** What a mutation returned, as the subject of its row: an entity's type, id and columns, or nothing. */
function subjectOf(manager: EntityManager, result: unknown): { entityType: string | null; entityId: string | null; after: Snapshot | null } {
  if (result && typeof result === "object" && manager.connection.hasMetadata(result.constructor)) {
    const metadata = manager.connection.getMetadata(result.constructor);
    const entityId = idOf(metadata, result);
    if (entityId && !NOT_AUDITED.has(metadata.name)) return { entityType: metadata.name, entityId, after: snapshot(metadata, result) };
  }
  return { entityType: null, entityId: null, after: null };
}

/**
 * Writes the mutation's one row when nothing else recorded it (a sign-out, a change of
 * links or through a query builder): the entity it returned, when it returned one.
 */
export async function writeFallbackRow(manager: EntityManager, result: unknown): Promise<void> {
  const scope = currentAuditScope();
  if (!scope || scope.written > 0) return;
  await writeAuditRow(manager, { ...subjectOf(manager, result), before: null });
}

/**
 * Records every insert, update and removal that a mutation makes through
 * TypeORM, with the row before and after, in the same transaction. Writes through
 * a query builder tell the subscriber neither the row nor its id; they are left
 * to the mutation's other rows or its fallback row (writeFallbackRow).
 */
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>) {
    if (NOT_AUDITED.has(event.metadata.name) || !currentAuditScope()) return;
    const entityId = idOf(event.metadata, event.entity);
    if (!entityId) return;
    await writeAuditRow(event.manager, {
      entityType: event.metadata.name,
      entityId,
      before: null,
      after: snapshot(event.metadata, event.entity),
    });
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>) {
    if (NOT_AUDITED.has(event.metadata.name) || !currentAuditScope()) return;
    // Updates through a query builder carry only the values set, without the row's id.
    const entity = event.entity as ObjectLiteral | undefined;
    const entityId = idOf(event.metadata, entity, event.databaseEntity);
    if (!entity || !entityId) return;
    await writeAuditRow(event.manager, {
      entityType: event.metadata.name,
      entityId,
      before: snapshot(event.metadata, event.databaseEntity),
      after: snapshot(event.metadata, entity),
    });
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>) {
    if (NOT_AUDITED.has(event.metadata.name) || !currentAuditScope()) return;
    const entityId = event.entityId !== undefined && event.entityId !== null ? String(event.entityId) : idOf(event.metadata, event.databaseEntity, event.entity);
    if ((!event.entity && !event.databaseEntity) || !entityId) return;
    await writeAuditRow(event.manager, {
      entityType: event.metadata.name,
      entityId,
      before: snapshot(event.metadata, event.databaseEntity ?? event.entity),
      after: null,
    });
  }

  async afterSoftRemove(event: SoftRemoveEvent<ObjectLiteral>) {
    await this.afterRemove(event);
  }
}
