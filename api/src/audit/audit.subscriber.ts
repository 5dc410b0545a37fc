import type {
  EntityManager, EntityMetadata, EntitySubscriberInterface, InsertEvent, ObjectLiteral, RemoveEvent, SoftRemoveEvent, UpdateEvent,
} from "typeorm";
import { AuditLog, ChangeEvent, MemberInput, MemberInputStatus, SignInAttempt } from "@remissbanken/schema";
import { currentAuditScope } from "./audit-scope.js";

/** Rows that are bookkeeping, not changes anyone made. */
const NOT_AUDITED = new Set<string>([AuditLog.name, ChangeEvent.name, SignInAttempt.name]);
/** Secrets never reach the audit table, not even hashed. */
const SECRET_COLUMNS = new Set(["tokenHash", "passwordHash"]);

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

/**
 * Records every insert, update and removal that a mutation makes through
 * TypeORM, with the row before and after, in the same transaction.
 */
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>) {
    if (NOT_AUDITED.has(event.metadata.name) || !currentAuditScope()) return;
    await writeAuditRow(event.manager, {
      entityType: event.metadata.name,
      entityId: idOf(event.metadata, event.entity),
      before: null,
      after: snapshot(event.metadata, event.entity),
    });
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>) {
    if (NOT_AUDITED.has(event.metadata.name) || !currentAuditScope()) return;
    // Updates through a query builder carry no entity; the mutation's fallback row covers them.
    if (!event.entity) return;
    const entity = event.entity as ObjectLiteral;
    await writeAuditRow(event.manager, {
      entityType: event.metadata.name,
      entityId: idOf(event.metadata, entity, event.databaseEntity),
      before: snapshot(event.metadata, event.databaseEntity),
      after: snapshot(event.metadata, entity),
    });
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>) {
    if (NOT_AUDITED.has(event.metadata.name) || !currentAuditScope()) return;
    if (!event.entity && !event.databaseEntity) return;
    await writeAuditRow(event.manager, {
      entityType: event.metadata.name,
      entityId: event.entityId !== undefined ? String(event.entityId) : idOf(event.metadata, event.databaseEntity, event.entity),
      before: snapshot(event.metadata, event.databaseEntity ?? event.entity),
      after: null,
    });
  }

  async afterSoftRemove(event: SoftRemoveEvent<ObjectLiteral>) {
    await this.afterRemove(event);
  }
}
