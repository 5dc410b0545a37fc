import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddDocumentExternalId1796104403028 implements MigrationInterface {
  name = "AddDocumentExternalId1796104403028";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document" ADD "external_id" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_54e4090e935eac6c909c36687c" ON "document" ("external_id") WHERE external_id IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_54e4090e935eac6c909c36687c"`);
    await queryRunner.query(`ALTER TABLE "document" DROP COLUMN "external_id"`);
  }
}
