import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddNotificationSettings1796113088934 implements MigrationInterface {
  name = "AddNotificationSettings1796113088934";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_setting" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7cdaefcfcebaf29de4540657357" PRIMARY KEY ("user_id", "kind"))`);
    await queryRunner.query(`CREATE TABLE "user_priority_area" ("user_id" uuid NOT NULL, "priority_area_id" uuid NOT NULL, CONSTRAINT "PK_676a949113a8f0069d60b3eee7b" PRIMARY KEY ("user_id", "priority_area_id"))`);
    await queryRunner.query(`ALTER TABLE "notification_setting" ADD CONSTRAINT "FK_d210b9143572b7e8179c15f5f2a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_priority_area" ADD CONSTRAINT "FK_cdf09da06f5e9ca156de5d9fa40" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_priority_area" ADD CONSTRAINT "FK_4f50c4ecc6f85bedbbbb3ba210c" FOREIGN KEY ("priority_area_id") REFERENCES "priority_area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_priority_area" DROP CONSTRAINT "FK_4f50c4ecc6f85bedbbbb3ba210c"`);
    await queryRunner.query(`ALTER TABLE "user_priority_area" DROP CONSTRAINT "FK_cdf09da06f5e9ca156de5d9fa40"`);
    await queryRunner.query(`ALTER TABLE "notification_setting" DROP CONSTRAINT "FK_d210b9143572b7e8179c15f5f2a"`);
    await queryRunner.query(`DROP TABLE "user_priority_area"`);
    await queryRunner.query(`DROP TABLE "notification_setting"`);
  }
}
