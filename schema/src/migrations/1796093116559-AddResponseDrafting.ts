import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddResponseDrafting1796093116559 implements MigrationInterface {
  name = "AddResponseDrafting1796093116559";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "response" ADD "summary" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "response" ADD "signatory" text`);
    await queryRunner.query(`ALTER TABLE "response" ADD "presenter" text`);
    await queryRunner.query(`ALTER TABLE "response" ADD "letter_date" date`);
    await queryRunner.query(`ALTER TABLE "response_version" ADD "summary" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "response_version" ADD "signatory" text`);
    await queryRunner.query(`ALTER TABLE "response_version" ADD "presenter" text`);
    await queryRunner.query(`ALTER TABLE "response_version" ADD "letter_date" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "response_version" DROP COLUMN "letter_date"`);
    await queryRunner.query(`ALTER TABLE "response_version" DROP COLUMN "presenter"`);
    await queryRunner.query(`ALTER TABLE "response_version" DROP COLUMN "signatory"`);
    await queryRunner.query(`ALTER TABLE "response_version" DROP COLUMN "summary"`);
    await queryRunner.query(`ALTER TABLE "response" DROP COLUMN "letter_date"`);
    await queryRunner.query(`ALTER TABLE "response" DROP COLUMN "presenter"`);
    await queryRunner.query(`ALTER TABLE "response" DROP COLUMN "signatory"`);
    await queryRunner.query(`ALTER TABLE "response" DROP COLUMN "summary"`);
  }
}
