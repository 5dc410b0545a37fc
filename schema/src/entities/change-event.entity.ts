import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * The outbox: database triggers write one row per change to an indexed table, in
 * the same transaction as the change, and NOTIFY the indexer. The indexer claims
 * rows with FOR UPDATE SKIP LOCKED, reloads the row by id and updates the index.
 */
@Entity("change_event")
@Index("change_event_pending", ["availableAt"], { where: "processed_at IS NULL" })
export class ChangeEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string;

  /** Table name of the changed row, e.g. "document". */
  @Column({ type: "text" })
  entity: string;

  @Column({ type: "uuid" })
  entityId: string;

  @Column({ type: "text" })
  action: "upsert" | "delete";

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  /** Not processed before this time (backoff after failures). */
  @Column({ type: "timestamptz", default: () => "now()" })
  availableAt: Date;

  @Column({ type: "int", default: 0 })
  attempts: number;

  @Column({ type: "text", nullable: true })
  lastError: string | null;

  @Column({ type: "timestamptz", nullable: true })
  processedAt: Date | null;
}
