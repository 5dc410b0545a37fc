import { AsyncLocalStorage } from "node:async_hooks";

/** Who is running which mutation; the audit subscriber reads it for every row written. */
export interface AuditScope {
  actorId: string | null;
  requestId: string | null;
  /** The GraphQL mutation, e.g. "approveResponse". */
  action: string;
  /** Audit rows written so far in this mutation. */
  written: number;
}

const storage = new AsyncLocalStorage<AuditScope>();

export function runInAuditScope<T>(scope: Omit<AuditScope, "written">, work: (scope: AuditScope) => Promise<T>): Promise<T> {
  const full: AuditScope = { ...scope, written: 0 };
  return storage.run(full, () => work(full));
}

/** The running mutation's scope; undefined outside mutations (sign-in bookkeeping, seeds, the indexer). */
export function currentAuditScope(): AuditScope | undefined {
  return storage.getStore();
}

/** After sign-in the mutation's later rows belong to the person who signed in. */
export function setAuditActor(actorId: string): void {
  const scope = storage.getStore();
  if (scope) scope.actorId = actorId;
}
