import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddMemberInputSummary1795454041222 implements MigrationInterface {
  name = "AddMemberInputSummary1795454041222";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "remiss" ADD "member_input_summary" text`);
    await queryRunner.query(`ALTER TABLE "remiss" ADD "member_input_summary_published_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "remiss" DROP COLUMN "member_input_summary_published_at"`);
    await queryRunner.query(`ALTER TABLE "remiss" DROP COLUMN "member_input_summary"`);
  }
}
