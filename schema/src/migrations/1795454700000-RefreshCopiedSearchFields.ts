import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Records copy fields of other rows, so those rows' changes must re-index them, in the same
 * transaction as the change:
 * - a remiss shows its document's kind (besides designation and title, already covered);
 * - a response's department is its remiss's ministry, else its first linked document's
 *   department, so document kind/department and remiss ministry changes reach responses;
 * - member input is titled with its municipality's name.
 */
export class RefreshCopiedSearchFields1795454700000 implements MigrationInterface {
  name = "RefreshCopiedSearchFields1795454700000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION record_document_dependents_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_event (entity, entity_id, action)
          SELECT 'remiss', r.id, 'upsert' FROM remiss r WHERE r.document_id = NEW.id;
        IF FOUND THEN
          PERFORM pg_notify('change_event', 'remiss');
        END IF;
        IF OLD.department IS DISTINCT FROM NEW.department OR OLD.archived_at IS DISTINCT FROM NEW.archived_at THEN
          INSERT INTO change_event (entity, entity_id, action)
            SELECT DISTINCT 'response', rd.response_id, 'upsert' FROM response_document rd WHERE rd.document_id = NEW.id;
          IF FOUND THEN
            PERFORM pg_notify('change_event', 'response');
          END IF;
        END IF;
        UPDATE search_passage sp
          SET body = concat_ws(E'\\n', r.diarienummer, r.ministry, NEW.designation, NEW.title)
          FROM remiss r
          WHERE r.document_id = NEW.id AND sp.type = 'remiss' AND sp.entity_id = r.id AND sp.ordinal = 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS document_dependents_changed ON "document"`);
    await queryRunner.query(`
      CREATE TRIGGER document_dependents_changed AFTER UPDATE ON "document" FOR EACH ROW
        WHEN (OLD.designation IS DISTINCT FROM NEW.designation OR OLD.title IS DISTINCT FROM NEW.title
              OR OLD.archived_at IS DISTINCT FROM NEW.archived_at OR OLD.kind IS DISTINCT FROM NEW.kind
              OR OLD.department IS DISTINCT FROM NEW.department)
        EXECUTE FUNCTION record_document_dependents_change()`);

    await queryRunner.query(`
      CREATE FUNCTION record_remiss_dependents_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_event (entity, entity_id, action)
          SELECT 'response', s.id, 'upsert' FROM response s WHERE s.remiss_id = NEW.id;
        IF FOUND THEN
          PERFORM pg_notify('change_event', 'response');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER remiss_dependents_changed AFTER UPDATE ON "remiss" FOR EACH ROW
        WHEN (OLD.ministry IS DISTINCT FROM NEW.ministry)
        EXECUTE FUNCTION record_remiss_dependents_change()`);

    await queryRunner.query(`
      CREATE FUNCTION record_municipality_dependents_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO change_event (entity, entity_id, action)
          SELECT 'member_input', mi.id, 'upsert' FROM member_input mi WHERE mi.municipality_id = NEW.id;
        IF FOUND THEN
          PERFORM pg_notify('change_event', 'member_input');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER municipality_dependents_changed AFTER UPDATE ON "municipality" FOR EACH ROW
        WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION record_municipality_dependents_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS municipality_dependents_changed ON "municipality"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS record_municipality_dependents_change()`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS remiss_dependents_changed ON "remiss"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS record_remiss_dependents_change()`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS document_dependents_changed ON "document"`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION record_document_dependents_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
}
