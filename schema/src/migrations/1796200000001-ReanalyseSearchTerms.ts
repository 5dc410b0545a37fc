import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The analysis changed how terms are written (å, ä, ö as q, x, z, so that the thesaurus's
 * synonyms meet them; function words without a term). Every indexed object is queued for the
 * indexer, which rewrites its records in bounded batches; `npm run reindex` instead rebuilds
 * the index in one go and swaps it in.
 */
export class ReanalyseSearchTerms1796200000001 implements MigrationInterface {
  name = "ReanalyseSearchTerms1796200000001";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["document", "inquiry", "remiss", "response", "member_input"]) {
      await queryRunner.query(`INSERT INTO change_event (entity, entity_id, action) SELECT '${table}', id, 'upsert' FROM "${table}" ORDER BY id`);
    }
  }

  public async down(): Promise<void> {
    // Nothing to undo: re-indexing is always safe.
  }
}
