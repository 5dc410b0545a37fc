import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A remiss is found by its document's designation and title. When those change (or the
 * document is archived or restored), its remisser must be re-indexed and their fallback
 * search rows rewritten, in the same transaction as the document change.
 */
export class RefreshRemissOnDocumentChange1795454041300 implements MigrationInterface {
  name = "RefreshRemissOnDocumentChange1795454041300";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION record_document_dependents_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_event (entity, entity_id, action)
          SELECT 'remiss', r.id, 'upsert' FROM remiss r WHERE r.document_id = NEW.id;
        IF FOUND THEN
          PERFORM pg_notify('change_event', 'remiss');
        END IF;
        UPDATE search_passage sp
          SET body = concat_ws(E'\\n', r.diarienummer, r.ministry, NEW.designation, NEW.title)
          FROM remiss r
          WHERE r.document_id = NEW.id AND sp.type = 'remiss' AND sp.entity_id = r.id AND sp.ordinal = 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER document_dependents_changed AFTER UPDATE ON "document" FOR EACH ROW
        WHEN (OLD.designation IS DISTINCT FROM NEW.designation OR OLD.title IS DISTINCT FROM NEW.title
              OR OLD.archived_at IS DISTINCT FROM NEW.archived_at)
        EXECUTE FUNCTION record_document_dependents_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS document_dependents_changed ON "document"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS record_document_dependents_change()`);
  }
}
