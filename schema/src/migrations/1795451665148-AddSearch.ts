import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Search: the indexer's bookkeeping (search_index_state) and PostgreSQL's own searchable
 * copy of every indexed text (search_passage), used when Meilisearch is unreachable.
 *
 * search_passage is maintained by triggers in the same transaction as the data, like the
 * outbox, so the fallback is current even while the indexer or Meilisearch is down. Each
 * row carries the visibility the index records carry (defined in schema/src/read-rules.ts; api/src/auth/policy.test.ts fails when these triggers disagree):
 * documents and inquiries "public", remisser and published responses "signed_in", drafts
 * and submitted member input "staff_board", member-input drafts "own_municipality", and
 * member input its municipality_id. Long texts are cut into pages (form feeds) and pages
 * longer than 6,000 characters into runs of 800 words, well under tsvector's limits.
 */
export class AddSearch1795451665148 implements MigrationInterface {
  name = "AddSearch1795451665148";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "search_index_state" ("entity" text NOT NULL, "entity_id" uuid NOT NULL, "passage_count" integer NOT NULL, "version" integer NOT NULL, "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_836accf9833b8b87ca6d162ae3f" PRIMARY KEY ("entity", "entity_id"))`);

    await queryRunner.query(`
      CREATE TABLE search_passage (
        type text NOT NULL,
        entity_id uuid NOT NULL,
        ordinal integer NOT NULL,
        page integer,
        section text,
        body text NOT NULL,
        visibility text NOT NULL,
        municipality_id uuid,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('swedish', body)) STORED,
        PRIMARY KEY (type, entity_id, ordinal)
      )`);
    await queryRunner.query(`CREATE INDEX search_passage_tsv ON search_passage USING GIN (tsv)`);

    // Pages of a full text, and runs of words for pages too long for one tsvector.
    await queryRunner.query(`
      CREATE FUNCTION search_text_chunks(content text) RETURNS TABLE (page integer, chunk text)
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        pages text[] := string_to_array(content, E'\\f');
        paged boolean := coalesce(array_length(pages, 1), 0) > 1;
        n integer := 0;
        p text;
      BEGIN
        FOREACH p IN ARRAY coalesce(pages, '{}'::text[]) LOOP
          n := n + 1;
          p := btrim(p, E' \\n\\r\\t');
          CONTINUE WHEN p = '';
          page := CASE WHEN paged THEN n END;
          IF length(p) <= 6000 THEN
            chunk := p;
            RETURN NEXT;
          ELSE
            FOR chunk IN
              SELECT string_agg(w, ' ' ORDER BY i)
              FROM regexp_split_to_table(p, '\\s+') WITH ORDINALITY AS t(w, i)
              GROUP BY (i - 1) / 800
              ORDER BY (i - 1) / 800
            LOOP
              RETURN NEXT;
            END LOOP;
          END IF;
        END LOOP;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION search_passage_document_text(doc uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM search_passage WHERE type = 'document' AND entity_id = doc AND ordinal > 0;
        IF NOT EXISTS (SELECT 1 FROM document WHERE id = doc AND archived_at IS NULL) THEN
          RETURN;
        END IF;
        INSERT INTO search_passage (type, entity_id, ordinal, page, body, visibility)
          SELECT 'document', doc, row_number() OVER (), c.page, c.chunk, 'public'
          FROM document_text t, search_text_chunks(t.content) c
          WHERE t.document_id = doc;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION search_passage_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kind text := CASE TG_TABLE_NAME WHEN 'document_text' THEN 'document' ELSE TG_TABLE_NAME END;
        row_id uuid;
        visible text;
      BEGIN
        IF TG_TABLE_NAME = 'document_text' THEN
          PERFORM search_passage_document_text(CASE WHEN TG_OP = 'DELETE' THEN OLD.document_id ELSE NEW.document_id END);
          RETURN NULL;
        END IF;

        row_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
        -- member_input has no archived_at; to_jsonb reads it where it exists.
        IF TG_OP = 'DELETE' OR to_jsonb(NEW) ->> 'archived_at' IS NOT NULL THEN
          DELETE FROM search_passage WHERE type = kind AND entity_id = row_id;
          RETURN NULL;
        END IF;

        IF kind = 'document' THEN
          INSERT INTO search_passage (type, entity_id, ordinal, body, visibility)
            VALUES ('document', NEW.id, 0, concat_ws(E'\\n', NEW.designation, NEW.title, NEW.subtitle, NEW.summary), 'public')
            ON CONFLICT (type, entity_id, ordinal) DO UPDATE SET body = EXCLUDED.body;
          IF TG_OP = 'UPDATE' AND OLD.archived_at IS NOT NULL THEN
            PERFORM search_passage_document_text(NEW.id);
          END IF;
          RETURN NULL;
        END IF;

        DELETE FROM search_passage WHERE type = kind AND entity_id = row_id;
        IF kind = 'inquiry' THEN
          INSERT INTO search_passage (type, entity_id, ordinal, body, visibility)
            VALUES ('inquiry', NEW.id, 0, concat_ws(E'\\n', NEW.name, NEW.committee_designation, NEW.summary), 'public');
        ELSIF kind = 'remiss' THEN
          INSERT INTO search_passage (type, entity_id, ordinal, body, visibility)
            SELECT 'remiss', NEW.id, 0, concat_ws(E'\\n', NEW.diarienummer, NEW.ministry, d.designation, d.title), 'signed_in'
            FROM document d WHERE d.id = NEW.document_id;
        ELSIF kind = 'response' THEN
          visible := CASE WHEN NEW.status IN ('approved', 'submitted') THEN 'signed_in' ELSE 'staff_board' END;
          INSERT INTO search_passage (type, entity_id, ordinal, body, visibility)
            VALUES ('response', NEW.id, 0, NEW.title, visible);
          INSERT INTO search_passage (type, entity_id, ordinal, section, body, visibility)
            SELECT 'response', NEW.id, s.i, s.value ->> 'heading', concat_ws(E'\\n\\n', s.value ->> 'heading', s.value ->> 'body'), visible
            FROM jsonb_array_elements(NEW.sections) WITH ORDINALITY AS s(value, i);
        ELSIF kind = 'member_input' THEN
          INSERT INTO search_passage (type, entity_id, ordinal, body, visibility, municipality_id)
            VALUES ('member_input', NEW.id, 0, NEW.text,
                    CASE WHEN NEW.status = 'draft' THEN 'own_municipality' ELSE 'staff_board' END,
                    NEW.municipality_id);
        END IF;
        RETURN NULL;
      END $$`);

    for (const table of ["document", "document_text", "inquiry", "remiss", "response", "member_input"]) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_search_passage AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION search_passage_sync()`,
      );
    }

    // Rows that exist before this migration.
    await queryRunner.query(`UPDATE document SET id = id`);
    await queryRunner.query(`UPDATE document_text SET document_id = document_id`);
    await queryRunner.query(`UPDATE inquiry SET id = id`);
    await queryRunner.query(`UPDATE remiss SET id = id`);
    await queryRunner.query(`UPDATE response SET id = id`);
    await queryRunner.query(`UPDATE member_input SET id = id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["document", "document_text", "inquiry", "remiss", "response", "member_input"]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_search_passage ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_passage_sync()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_passage_document_text(uuid)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS search_text_chunks(text)`);
    await queryRunner.query(`DROP TABLE IF EXISTS search_passage`);
    await queryRunner.query(`DROP TABLE "search_index_state"`);
  }
}
