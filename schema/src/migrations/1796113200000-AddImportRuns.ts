import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddImportRuns1796113200000 implements MigrationInterface {
  name = "AddImportRuns1796113200000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."import_source" AS ENUM('riksdagen', 'regeringen')`);
    await queryRunner.query(`CREATE TYPE "public"."import_trigger" AS ENUM('command', 'schedule', 'web')`);
    await queryRunner.query(`CREATE TYPE "public"."import_run_status" AS ENUM('running', 'succeeded', 'failed')`);
    await queryRunner.query(`CREATE TABLE "import_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" "public"."import_source" NOT NULL, "trigger" "public"."import_trigger" NOT NULL, "started_by_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."import_run_status" NOT NULL, "options" jsonb NOT NULL DEFAULT '{}', "added" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "failures" jsonb NOT NULL DEFAULT '[]', "error" text, CONSTRAINT "PK_efe3e6d8cb9f51ca4e9cd1cf5d3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f38a216c52aac7b8273931228f" ON "import_run" ("source", "started_at") `);
    await queryRunner.query(`CREATE TABLE "remiss_published_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "remiss_id" uuid NOT NULL, "organisation" text NOT NULL, "url" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "remiss_published_response_url" UNIQUE ("remiss_id", "url"), CONSTRAINT "PK_9f28cf73edbc9df3566f8fbaa6b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "import_run" ADD CONSTRAINT "FK_8197ece4b2caf01f9ec687b4a75" FOREIGN KEY ("started_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "remiss_published_response" ADD CONSTRAINT "FK_3ac86be5c50bea1d8cb9f5e0e62" FOREIGN KEY ("remiss_id") REFERENCES "remiss"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "remiss_published_response" DROP CONSTRAINT "FK_3ac86be5c50bea1d8cb9f5e0e62"`);
    await queryRunner.query(`ALTER TABLE "import_run" DROP CONSTRAINT "FK_8197ece4b2caf01f9ec687b4a75"`);
    await queryRunner.query(`DROP TABLE "remiss_published_response"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f38a216c52aac7b8273931228f"`);
    await queryRunner.query(`DROP TABLE "import_run"`);
    await queryRunner.query(`DROP TYPE "public"."import_run_status"`);
    await queryRunner.query(`DROP TYPE "public"."import_trigger"`);
    await queryRunner.query(`DROP TYPE "public"."import_source"`);
  }
}
