import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795450946952 implements MigrationInterface {
  name = "Initial1795450946952";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "municipality" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "name" text NOT NULL, "county" text NOT NULL, "member_since" date, "active" boolean NOT NULL DEFAULT true, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b5ccf3ba4eff316a528f74c08" ON "municipality" ("name") `);
    await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('admin', 'staff', 'board', 'member')`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "role" "public"."role" NOT NULL, "municipality_id" uuid, "password_hash" text, "active" boolean NOT NULL DEFAULT true, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user" ("email") `);
    await queryRunner.query(`CREATE TABLE "priority_area" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "name" text NOT NULL, "year" integer NOT NULL, "description" text, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3fcc563c964052f0d2258bc607a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_12d46b0b43e5ccd49a3b73bf8a" ON "priority_area" ("year", "name") `);
    await queryRunner.query(`CREATE TYPE "public"."goal_status" AS ENUM('not_started', 'in_progress', 'achieved', 'not_achieved')`);
    await queryRunner.query(`CREATE TABLE "goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "priority_area_id" uuid NOT NULL, "text" text NOT NULL, "status" "public"."goal_status" NOT NULL DEFAULT 'not_started', "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_88c8e2b461b711336c836b1e130" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TYPE "public"."inquiry_status" AS ENUM('ongoing', 'concluded')`);
    await queryRunner.query(`CREATE TABLE "inquiry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "name" text NOT NULL, "committee_designation" text, "department" text, "status" "public"."inquiry_status" NOT NULL DEFAULT 'ongoing', "report_due_date" date, "summary" text, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3e226d0994e8bd24252dd65e1b6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_29098c134d0913e75279c6886c" ON "inquiry" ("committee_designation") WHERE committee_designation IS NOT NULL`);
    await queryRunner.query(`CREATE TYPE "public"."document_kind" AS ENUM('directive', 'supplementary_directive', 'sou', 'ds', 'proposition', 'committee_report', 'other')`);
    await queryRunner.query(`CREATE TABLE "document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "kind" "public"."document_kind" NOT NULL, "designation" text, "year" integer, "title" text NOT NULL, "subtitle" text, "department" text, "published_at" date, "source_url" text, "summary" text, "inquiry_id" uuid, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_885bac79edd90a916a86b93df1" ON "document" ("designation") WHERE designation IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_a881304ebc2cbbe7b5cd6c81c7" ON "document" ("year") `);
    await queryRunner.query(`CREATE INDEX "IDX_76bcfb77232c8f513b7ed78324" ON "document" ("inquiry_id") `);
    await queryRunner.query(`CREATE TABLE "document_text" ("document_id" uuid NOT NULL, "source_format" text NOT NULL, "content" text NOT NULL, "page_count" integer NOT NULL, "char_count" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8cd4f3498ce7d5d20e3a518911" PRIMARY KEY ("document_id"))`);
    await queryRunner.query(`CREATE TYPE "public"."remiss_status" AS ENUM('monitoring', 'to_answer', 'declined', 'drafting', 'decided', 'submitted')`);
    await queryRunner.query(`CREATE TABLE "remiss" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "document_id" uuid NOT NULL, "diarienummer" text, "ministry" text NOT NULL, "referral_bodies" text array NOT NULL DEFAULT '{}', "smakom_is_referral_body" boolean NOT NULL DEFAULT false, "deadline" date NOT NULL, "member_input_deadline" date, "status" "public"."remiss_status" NOT NULL DEFAULT 'monitoring', "owner_id" uuid, "notes" text, "source_url" text, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4049767271fc9aaadff39ca73d1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7fbb3ea07040ec1f54c864a09e" ON "remiss" ("document_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_971c6ec6e21fd58d8a064ad55d" ON "remiss" ("diarienummer") WHERE diarienummer IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_1df56c942f1cb69ce64cdb13e5" ON "remiss" ("deadline") `);
    await queryRunner.query(`CREATE INDEX "IDX_25f790296433c06fc6e4eae071" ON "remiss" ("member_input_deadline") `);
    await queryRunner.query(`CREATE TYPE "public"."response_kind" AS ENUM('response', 'position')`);
    await queryRunner.query(`CREATE TYPE "public"."response_status" AS ENUM('draft', 'for_approval', 'approved', 'submitted')`);
    await queryRunner.query(`CREATE TABLE "response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "kind" "public"."response_kind" NOT NULL DEFAULT 'response', "remiss_id" uuid, "inquiry_id" uuid, "title" text NOT NULL, "sections" jsonb NOT NULL DEFAULT '[]', "current_version" integer NOT NULL DEFAULT '1', "status" "public"."response_status" NOT NULL DEFAULT 'draft', "created_by_id" uuid, "approved_by_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f64544baf2b4dc48ba623ce768f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ebc0a5d4342301981a6026fa73" ON "response" ("remiss_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_93122f8c4079c5b26235754a1e" ON "response" ("inquiry_id") `);
    await queryRunner.query(`CREATE TABLE "response_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "response_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "sections" jsonb NOT NULL, "author_id" uuid, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d416755bd1fbea5aa752a7922f7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e5e6a20a32f53c7cd89caa8c4c" ON "response_version" ("response_id", "number") `);
    await queryRunner.query(`CREATE TYPE "public"."member_input_status" AS ENUM('draft', 'submitted', 'withdrawn')`);
    await queryRunner.query(`CREATE TABLE "member_input" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "remiss_id" uuid, "inquiry_id" uuid, "municipality_id" uuid NOT NULL, "author_id" uuid, "text" text NOT NULL, "status" "public"."member_input_status" NOT NULL DEFAULT 'draft', "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_96eb18511a1889919ca8134882f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_144881e83380f61b22e0ddb24c" ON "member_input" ("remiss_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a436b316be35ab64a7e2b12401" ON "member_input" ("inquiry_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_19c83312ad6fdb99b6d8ec9a93" ON "member_input" ("municipality_id") `);
    await queryRunner.query(`CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1725c5ea908ff009f6ab3fa34f" ON "api_token" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bafaa5aab5957cd193fb2da8f2" ON "api_token" ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "change_event" ("id" BIGSERIAL NOT NULL, "entity" text NOT NULL, "entity_id" uuid NOT NULL, "action" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0ec064be863f2541f0d6f8fb94c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "change_event_pending" ON "change_event" ("available_at") WHERE processed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "inquiry_priority_area" ("inquiry_id" uuid NOT NULL, "priority_area_id" uuid NOT NULL, CONSTRAINT "PK_7b9351e3cb90a90381721b31a0e" PRIMARY KEY ("inquiry_id", "priority_area_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_56e4cc7b7ab9193eb48eb7ea14" ON "inquiry_priority_area" ("inquiry_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_80e07385798386cebf12703aa8" ON "inquiry_priority_area" ("priority_area_id") `);
    await queryRunner.query(`CREATE TABLE "document_priority_area" ("document_id" uuid NOT NULL, "priority_area_id" uuid NOT NULL, CONSTRAINT "PK_a7b8ceb7920219a30deab768bb3" PRIMARY KEY ("document_id", "priority_area_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_de95436544fdd9eb312c470d7b" ON "document_priority_area" ("document_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_203a5b235aca963f4fa8d7a5f8" ON "document_priority_area" ("priority_area_id") `);
    await queryRunner.query(`CREATE TABLE "response_priority_area" ("response_id" uuid NOT NULL, "priority_area_id" uuid NOT NULL, CONSTRAINT "PK_9a3b25e379d4c36d099a3801858" PRIMARY KEY ("response_id", "priority_area_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_de53a73ffbf91868088b870e13" ON "response_priority_area" ("response_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2e19c9b0e3f3faed09723c5638" ON "response_priority_area" ("priority_area_id") `);
    await queryRunner.query(`CREATE TABLE "response_document" ("response_id" uuid NOT NULL, "document_id" uuid NOT NULL, CONSTRAINT "PK_82438b31be4d8d7a1e79bdbe5fe" PRIMARY KEY ("response_id", "document_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e095221f848eb665711b0a0eae" ON "response_document" ("response_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c5d8458f5496f01fa60688337d" ON "response_document" ("document_id") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "goal" ADD CONSTRAINT "FK_1fffe2de418dbb2c625b6efa851" FOREIGN KEY ("priority_area_id") REFERENCES "priority_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "FK_76bcfb77232c8f513b7ed78324b" FOREIGN KEY ("inquiry_id") REFERENCES "inquiry"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "document_text" ADD CONSTRAINT "FK_b8cd4f3498ce7d5d20e3a518911" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "remiss" ADD CONSTRAINT "FK_7fbb3ea07040ec1f54c864a09ee" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "remiss" ADD CONSTRAINT "FK_0fd006e41892ef2d7952c384201" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response" ADD CONSTRAINT "FK_ebc0a5d4342301981a6026fa736" FOREIGN KEY ("remiss_id") REFERENCES "remiss"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response" ADD CONSTRAINT "FK_93122f8c4079c5b26235754a1ec" FOREIGN KEY ("inquiry_id") REFERENCES "inquiry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response" ADD CONSTRAINT "FK_0f747d804259ea793a640369eb7" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response" ADD CONSTRAINT "FK_e28bbcbb785ea151e187178f9bf" FOREIGN KEY ("approved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response_version" ADD CONSTRAINT "FK_23edb8f2505efbf0c05300a2fd7" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response_version" ADD CONSTRAINT "FK_eb91eeb243c4d525cba1c4e9a3b" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_input" ADD CONSTRAINT "FK_144881e83380f61b22e0ddb24c9" FOREIGN KEY ("remiss_id") REFERENCES "remiss"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_input" ADD CONSTRAINT "FK_a436b316be35ab64a7e2b124014" FOREIGN KEY ("inquiry_id") REFERENCES "inquiry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_input" ADD CONSTRAINT "FK_19c83312ad6fdb99b6d8ec9a93a" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_input" ADD CONSTRAINT "FK_edbb175a2c9a6ed79a2a3b7e73b" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_token" ADD CONSTRAINT "FK_1725c5ea908ff009f6ab3fa34fd" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inquiry_priority_area" ADD CONSTRAINT "FK_56e4cc7b7ab9193eb48eb7ea14b" FOREIGN KEY ("inquiry_id") REFERENCES "inquiry"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "inquiry_priority_area" ADD CONSTRAINT "FK_80e07385798386cebf12703aa8a" FOREIGN KEY ("priority_area_id") REFERENCES "priority_area"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "document_priority_area" ADD CONSTRAINT "FK_de95436544fdd9eb312c470d7b4" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "document_priority_area" ADD CONSTRAINT "FK_203a5b235aca963f4fa8d7a5f80" FOREIGN KEY ("priority_area_id") REFERENCES "priority_area"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "response_priority_area" ADD CONSTRAINT "FK_de53a73ffbf91868088b870e133" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "response_priority_area" ADD CONSTRAINT "FK_2e19c9b0e3f3faed09723c56385" FOREIGN KEY ("priority_area_id") REFERENCES "priority_area"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "response_document" ADD CONSTRAINT "FK_e095221f848eb665711b0a0eae9" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "response_document" ADD CONSTRAINT "FK_c5d8458f5496f01fa60688337de" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE`);

    // Integrity the entity decorators cannot express.
    await queryRunner.query(`ALTER TABLE "remiss" ADD CONSTRAINT "remiss_member_deadline_before_deadline" CHECK (member_input_deadline IS NULL OR member_input_deadline <= deadline)`);
    await queryRunner.query(`ALTER TABLE "member_input" ADD CONSTRAINT "member_input_one_subject" CHECK ((remiss_id IS NULL) <> (inquiry_id IS NULL))`);
    await queryRunner.query(`ALTER TABLE "response" ADD CONSTRAINT "response_subject" CHECK (kind = 'position' OR remiss_id IS NOT NULL OR inquiry_id IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "member_has_municipality" CHECK ((role = 'member') = (municipality_id IS NOT NULL))`);

    // The outbox: every change to an indexed table is recorded in the same transaction.
    await queryRunner.query(`
      CREATE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row_id uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          row_id := OLD.id;
        ELSE
          row_id := NEW.id;
        END IF;
        INSERT INTO change_event (entity, entity_id, action)
          VALUES (TG_TABLE_NAME, row_id, CASE WHEN TG_OP = 'DELETE' THEN 'delete' ELSE 'upsert' END);
        PERFORM pg_notify('change_event', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION record_dependent_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent_table text := TG_ARGV[0];
        parent_column text := TG_ARGV[1];
        parent_id uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          parent_id := (to_jsonb(OLD) ->> parent_column)::uuid;
        ELSE
          parent_id := (to_jsonb(NEW) ->> parent_column)::uuid;
        END IF;
        IF parent_id IS NOT NULL THEN
          INSERT INTO change_event (entity, entity_id, action) VALUES (parent_table, parent_id, 'upsert');
          PERFORM pg_notify('change_event', parent_table);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ["document", "inquiry", "remiss", "response", "member_input", "priority_area"]) {
      await queryRunner.query(`CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION record_change()`);
    }
    const dependents: [string, string, string][] = [
      ["document_text", "document", "document_id"],
      ["document_priority_area", "document", "document_id"],
      ["inquiry_priority_area", "inquiry", "inquiry_id"],
      ["response_priority_area", "response", "response_id"],
      ["response_document", "response", "response_id"],
    ];
    for (const [table, parent, column] of dependents) {
      await queryRunner.query(`CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION record_dependent_change('${parent}', '${column}')`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {

    await queryRunner.query(`DROP FUNCTION IF EXISTS record_change() CASCADE`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS record_dependent_change() CASCADE`);
    await queryRunner.query(`ALTER TABLE "response_document" DROP CONSTRAINT "FK_c5d8458f5496f01fa60688337de"`);
    await queryRunner.query(`ALTER TABLE "response_document" DROP CONSTRAINT "FK_e095221f848eb665711b0a0eae9"`);
    await queryRunner.query(`ALTER TABLE "response_priority_area" DROP CONSTRAINT "FK_2e19c9b0e3f3faed09723c56385"`);
    await queryRunner.query(`ALTER TABLE "response_priority_area" DROP CONSTRAINT "FK_de53a73ffbf91868088b870e133"`);
    await queryRunner.query(`ALTER TABLE "document_priority_area" DROP CONSTRAINT "FK_203a5b235aca963f4fa8d7a5f80"`);
    await queryRunner.query(`ALTER TABLE "document_priority_area" DROP CONSTRAINT "FK_de95436544fdd9eb312c470d7b4"`);
    await queryRunner.query(`ALTER TABLE "inquiry_priority_area" DROP CONSTRAINT "FK_80e07385798386cebf12703aa8a"`);
    await queryRunner.query(`ALTER TABLE "inquiry_priority_area" DROP CONSTRAINT "FK_56e4cc7b7ab9193eb48eb7ea14b"`);
    await queryRunner.query(`ALTER TABLE "api_token" DROP CONSTRAINT "FK_1725c5ea908ff009f6ab3fa34fd"`);
    await queryRunner.query(`ALTER TABLE "member_input" DROP CONSTRAINT "FK_edbb175a2c9a6ed79a2a3b7e73b"`);
    await queryRunner.query(`ALTER TABLE "member_input" DROP CONSTRAINT "FK_19c83312ad6fdb99b6d8ec9a93a"`);
    await queryRunner.query(`ALTER TABLE "member_input" DROP CONSTRAINT "FK_a436b316be35ab64a7e2b124014"`);
    await queryRunner.query(`ALTER TABLE "member_input" DROP CONSTRAINT "FK_144881e83380f61b22e0ddb24c9"`);
    await queryRunner.query(`ALTER TABLE "response_version" DROP CONSTRAINT "FK_eb91eeb243c4d525cba1c4e9a3b"`);
    await queryRunner.query(`ALTER TABLE "response_version" DROP CONSTRAINT "FK_23edb8f2505efbf0c05300a2fd7"`);
    await queryRunner.query(`ALTER TABLE "response" DROP CONSTRAINT "FK_e28bbcbb785ea151e187178f9bf"`);
    await queryRunner.query(`ALTER TABLE "response" DROP CONSTRAINT "FK_0f747d804259ea793a640369eb7"`);
    await queryRunner.query(`ALTER TABLE "response" DROP CONSTRAINT "FK_93122f8c4079c5b26235754a1ec"`);
    await queryRunner.query(`ALTER TABLE "response" DROP CONSTRAINT "FK_ebc0a5d4342301981a6026fa736"`);
    await queryRunner.query(`ALTER TABLE "remiss" DROP CONSTRAINT "FK_0fd006e41892ef2d7952c384201"`);
    await queryRunner.query(`ALTER TABLE "remiss" DROP CONSTRAINT "FK_7fbb3ea07040ec1f54c864a09ee"`);
    await queryRunner.query(`ALTER TABLE "document_text" DROP CONSTRAINT "FK_b8cd4f3498ce7d5d20e3a518911"`);
    await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "FK_76bcfb77232c8f513b7ed78324b"`);
    await queryRunner.query(`ALTER TABLE "goal" DROP CONSTRAINT "FK_1fffe2de418dbb2c625b6efa851"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c5d8458f5496f01fa60688337d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e095221f848eb665711b0a0eae"`);
    await queryRunner.query(`DROP TABLE "response_document"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2e19c9b0e3f3faed09723c5638"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de53a73ffbf91868088b870e13"`);
    await queryRunner.query(`DROP TABLE "response_priority_area"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_203a5b235aca963f4fa8d7a5f8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_de95436544fdd9eb312c470d7b"`);
    await queryRunner.query(`DROP TABLE "document_priority_area"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_80e07385798386cebf12703aa8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56e4cc7b7ab9193eb48eb7ea14"`);
    await queryRunner.query(`DROP TABLE "inquiry_priority_area"`);
    await queryRunner.query(`DROP INDEX "public"."change_event_pending"`);
    await queryRunner.query(`DROP TABLE "change_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bafaa5aab5957cd193fb2da8f2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1725c5ea908ff009f6ab3fa34f"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19c83312ad6fdb99b6d8ec9a93"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a436b316be35ab64a7e2b12401"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_144881e83380f61b22e0ddb24c"`);
    await queryRunner.query(`DROP TABLE "member_input"`);
    await queryRunner.query(`DROP TYPE "public"."member_input_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5e6a20a32f53c7cd89caa8c4c"`);
    await queryRunner.query(`DROP TABLE "response_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_93122f8c4079c5b26235754a1e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ebc0a5d4342301981a6026fa73"`);
    await queryRunner.query(`DROP TABLE "response"`);
    await queryRunner.query(`DROP TYPE "public"."response_status"`);
    await queryRunner.query(`DROP TYPE "public"."response_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_25f790296433c06fc6e4eae071"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1df56c942f1cb69ce64cdb13e5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_971c6ec6e21fd58d8a064ad55d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7fbb3ea07040ec1f54c864a09e"`);
    await queryRunner.query(`DROP TABLE "remiss"`);
    await queryRunner.query(`DROP TYPE "public"."remiss_status"`);
    await queryRunner.query(`DROP TABLE "document_text"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_76bcfb77232c8f513b7ed78324"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a881304ebc2cbbe7b5cd6c81c7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_885bac79edd90a916a86b93df1"`);
    await queryRunner.query(`DROP TABLE "document"`);
    await queryRunner.query(`DROP TYPE "public"."document_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29098c134d0913e75279c6886c"`);
    await queryRunner.query(`DROP TABLE "inquiry"`);
    await queryRunner.query(`DROP TYPE "public"."inquiry_status"`);
    await queryRunner.query(`DROP TABLE "goal"`);
    await queryRunner.query(`DROP TYPE "public"."goal_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12d46b0b43e5ccd49a3b73bf8a"`);
    await queryRunner.query(`DROP TABLE "priority_area"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b5ccf3ba4eff316a528f74c08"`);
    await queryRunner.query(`DROP TABLE "municipality"`);
  }
}
