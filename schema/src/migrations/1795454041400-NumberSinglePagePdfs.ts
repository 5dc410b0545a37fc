import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A full text without form feeds was treated as unpaged, so a one-page PDF's passages had
 * no page number. PDFs are always paged: number their pages in the fallback search too.
 */
export class NumberSinglePagePdfs1795454041400 implements MigrationInterface {
  name = "NumberSinglePagePdfs1795454041400";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION search_text_chunks(content text, always_paged boolean) RETURNS TABLE (page integer, chunk text)
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        pages text[] := string_to_array(content, E'\\f');
        paged boolean := always_paged OR coalesce(array_length(pages, 1), 0) > 1;
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
      CREATE OR REPLACE FUNCTION search_passage_document_text(doc uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM search_passage WHERE type = 'document' AND entity_id = doc AND ordinal > 0;
        IF NOT EXISTS (SELECT 1 FROM document WHERE id = doc AND archived_at IS NULL) THEN
          RETURN;
        END IF;
        INSERT INTO search_passage (type, entity_id, ordinal, page, body, visibility)
          SELECT 'document', doc, row_number() OVER (), c.page, c.chunk, 'public'
          FROM document_text t, search_text_chunks(t.content, t.source_format = 'pdf') c
          WHERE t.document_id = doc;
      END $$`);
    await queryRunner.query(`DROP FUNCTION search_text_chunks(text)`);
    // Rewrites the fallback rows and queues re-indexing of the PDFs already attached.
    await queryRunner.query(`UPDATE document_text SET document_id = document_id WHERE source_format = 'pdf'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION search_text_chunks(content text) RETURNS TABLE (page integer, chunk text)
      LANGUAGE sql IMMUTABLE AS $$ SELECT * FROM search_text_chunks(content, false) $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_passage_document_text(doc uuid) RETURNS void LANGUAGE plpgsql AS $$
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
  }
}
