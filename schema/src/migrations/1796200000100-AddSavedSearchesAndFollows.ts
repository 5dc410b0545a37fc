import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddSavedSearchesAndFollows1796200000100 implements MigrationInterface {
  name = "AddSavedSearchesAndFollows1796200000100";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."saved_search_frequency" AS ENUM('daily', 'weekly', 'never')`);
    await queryRunner.query(`CREATE TABLE "saved_search" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "user_id" uuid NOT NULL, "name" text NOT NULL, "query" text NOT NULL DEFAULT '', "filters" jsonb NOT NULL DEFAULT '{}', "frequency" "public"."saved_search_frequency" NOT NULL DEFAULT 'weekly', "seen" jsonb NOT NULL DEFAULT '{}', "pending_period" text, "pending" jsonb, "last_period" text, "last_notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_563b338d8b4878fa46697c8f3f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_33780d7f908bacc052ce093147" ON "saved_search" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "inquiry_follow" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "inquiry_id" uuid NOT NULL, "told" jsonb NOT NULL, "last_notified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "inquiry_follow_user_inquiry" UNIQUE ("user_id", "inquiry_id"), CONSTRAINT "PK_83faaa94519562bd8ac63a1f383" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9d8614fa74e313d63e27cf2218" ON "inquiry_follow" ("inquiry_id") `);
    await queryRunner.query(`ALTER TABLE "saved_search" ADD CONSTRAINT "FK_33780d7f908bacc052ce093147b" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inquiry_follow" ADD CONSTRAINT "FK_adc26d3a8ab820af9b0ce819611" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inquiry_follow" ADD CONSTRAINT "FK_9d8614fa74e313d63e27cf22186" FOREIGN KEY ("inquiry_id") REFERENCES "inquiry"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inquiry_follow" DROP CONSTRAINT "FK_9d8614fa74e313d63e27cf22186"`);
    await queryRunner.query(`ALTER TABLE "inquiry_follow" DROP CONSTRAINT "FK_adc26d3a8ab820af9b0ce819611"`);
    await queryRunner.query(`ALTER TABLE "saved_search" DROP CONSTRAINT "FK_33780d7f908bacc052ce093147b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d8614fa74e313d63e27cf2218"`);
    await queryRunner.query(`DROP TABLE "inquiry_follow"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33780d7f908bacc052ce093147"`);
    await queryRunner.query(`DROP TABLE "saved_search"`);
    await queryRunner.query(`DROP TYPE "public"."saved_search_frequency"`);
  }
}
