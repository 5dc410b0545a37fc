import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddGoalComment1796113400000 implements MigrationInterface {
  name = "AddGoalComment1796113400000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal" ADD "comment" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal" DROP COLUMN "comment"`);
  }
}
