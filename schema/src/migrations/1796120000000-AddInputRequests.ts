import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddInputRequests1796120000000 implements MigrationInterface {
  name = "AddInputRequests1796120000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "input_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "remiss_id" uuid NOT NULL, "intro" text, "questions" jsonb NOT NULL DEFAULT '[]', "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "REL_319990bf995c5f5cac8740d8b4" UNIQUE ("remiss_id"), CONSTRAINT "PK_1d1e85ac5624059b3b892348bbd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_319990bf995c5f5cac8740d8b4" ON "input_request" ("remiss_id") `);
    await queryRunner.query(`ALTER TABLE "member_input" ADD "answers" jsonb`);
    await queryRunner.query(`ALTER TABLE "input_request" ADD CONSTRAINT "FK_319990bf995c5f5cac8740d8b4d" FOREIGN KEY ("remiss_id") REFERENCES "remiss"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "input_request" DROP CONSTRAINT "FK_319990bf995c5f5cac8740d8b4d"`);
    await queryRunner.query(`ALTER TABLE "member_input" DROP COLUMN "answers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_319990bf995c5f5cac8740d8b4"`);
    await queryRunner.query(`DROP TABLE "input_request"`);
  }
}
