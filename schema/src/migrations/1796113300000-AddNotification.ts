import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddNotification1796113300000 implements MigrationInterface {
  name = "AddNotification1796113300000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" BIGSERIAL NOT NULL, "key" text NOT NULL, "kind" text NOT NULL, "user_id" uuid NOT NULL, "subject" jsonb, "recipient" text NOT NULL, "mail_subject" text NOT NULL, "mail_text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "dropped_at" TIMESTAMP WITH TIME ZONE, "dropped_reason" text, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_key" ON "notification" ("key") `);
    await queryRunner.query(`CREATE INDEX "notification_user" ON "notification" ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user"`);
    await queryRunner.query(`DROP INDEX "public"."notification_key"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
