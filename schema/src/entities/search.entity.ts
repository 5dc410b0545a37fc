import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";

/**
 * What the indexer last wrote to Meilisearch for one object: how many passage records it
 * has (their ids are `<prefix>_<entityId>_<ordinal>`, so stale ones are deleted by id, never
 * by the slow delete-by-filter) and the row version it was built from.
 */
@Entity("search_index_state")
export class SearchIndexState {
  /** Table name of the indexed object, e.g. "document". */
  @PrimaryColumn({ type: "text" })
  entity: string;

  @PrimaryColumn({ type: "uuid" })
  entityId: string;

  @Column({ type: "int" })
  passageCount: number;

  @Column({ type: "int" })
  version: number;

  @UpdateDateColumn({ type: "timestamptz" })
  indexedAt: Date;
}
