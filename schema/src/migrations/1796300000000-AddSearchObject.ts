import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One row per searchable object beside its passages, for the PostgreSQL fallback (decision
 * 013): the object's visibility, every term of all its passages (no positions), and the terms
 * of its header passage (ordinal 0: title, designation, summary) for ranking. The
 * fallback finds, counts and facets objects here; ranking every passage of a word that
 * occurs on most pages read the whole search_passage table (549 ms p95 at 100,000 passages).
 *
 * Kept by statement-level triggers on search_passage, in the same transaction: each
 * statement recomputes the objects it touched, once, after locking their rows, so two
 * transactions that change one object's passages cannot leave the older terms behind.
 */
export class AddSearchObject1796300000000 implements MigrationInterface {
  name = "AddSearchObject1796300000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE search_object (
        type text NOT NULL,
        entity_id uuid NOT NULL,
        visibility text NOT NULL,
        municipality_id uuid,
        terms tsvector NOT NULL,
        head tsvector NOT NULL,
        PRIMARY KEY (type, entity_id)
      )`);
    await queryRunner.query(`CREATE INDEX search_object_terms ON search_object USING GIN (terms)`);

    // The union of tsvectors; stripped of positions, merging them is cheap (a sorted merge each).
    await queryRunner.query(`CREATE AGGREGATE search_terms_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')`);
    await queryRunner.query(`
      CREATE FUNCTION search_object_refresh(types text[], ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(array_length(ids, 1), 0) = 0 THEN
          RETURN;
        END IF;
        INSERT INTO search_object (type, entity_id, visibility, terms, head)
          SELECT DISTINCT k.t, k.i, '', ''::tsvector, ''::tsvector FROM unnest(types, ids) AS k(t, i)
          ON CONFLICT DO NOTHING;
        -- Waits for any other transaction changing these objects; the statements below then see its passages.
        PERFORM 1 FROM search_object o JOIN unnest(types, ids) AS k(t, i) ON o.type = k.t AND o.entity_id = k.i
          ORDER BY o.type, o.entity_id FOR UPDATE OF o;
        UPDATE search_object o
          SET visibility = a.visibility, municipality_id = a.municipality_id, terms = a.terms,
              head = coalesce((SELECT h.tsv FROM search_passage h WHERE (h.type, h.entity_id, h.ordinal) = (a.type, a.entity_id, 0)), '')
          FROM (
            SELECT sp.type, sp.entity_id, min(sp.visibility) AS visibility, (array_agg(sp.municipality_id))[1] AS municipality_id,
                   search_terms_agg(strip(sp.tsv)) AS terms
            FROM search_passage sp
            WHERE (sp.type, sp.entity_id) IN (SELECT k.t, k.i FROM unnest(types, ids) AS k(t, i))
            GROUP BY sp.type, sp.entity_id
          ) a
          WHERE o.type = a.type AND o.entity_id = a.entity_id;
        DELETE FROM search_object o USING unnest(types, ids) AS k(t, i)
          WHERE o.type = k.t AND o.entity_id = k.i
            AND NOT EXISTS (SELECT 1 FROM search_passage sp WHERE sp.type = k.t AND sp.entity_id = k.i);
      END $$`);
    // One function per transition table: a trigger may only name the tables its event has.
    for (const [event, tables] of [["INSERT", "NEW TABLE AS changed"], ["UPDATE", "NEW TABLE AS changed"], ["DELETE", "OLD TABLE AS changed"]] as const) {
      const name = `search_object_after_${event.toLowerCase()}`;
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          types text[];
          ids uuid[];
        BEGIN
          SELECT array_agg(c.type), array_agg(c.entity_id) INTO types, ids FROM (SELECT DISTINCT type, entity_id FROM changed) c;
          PERFORM search_object_refresh(types, ids);
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON search_passage REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }

    // The objects that exist before this migration, through the same refresh.
    await queryRunner.query(`
      SELECT search_object_refresh(array_agg(k.type), array_agg(k.entity_id))
      FROM (SELECT DISTINCT type, entity_id FROM search_passage) k`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ["insert", "update", "delete"]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS search_object_after_${event} ON search_passage`);
      await queryRunner.query(`DROP FUNCTION IF EXISTS search_object_after_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_object_refresh(text[], uuid[])`);
    await queryRunner.query(`DROP AGGREGATE IF EXISTS search_terms_agg(tsvector)`);
    await queryRunner.query(`DROP TABLE IF EXISTS search_object`);
  }
}
