import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddCalendarFeed1796113173231 implements MigrationInterface {
  name = "AddCalendarFeed1796113173231";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "REL_29b8f216ae4f5fdd5bcc8de811" UNIQUE ("user_id"), CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3a0b1d1c7619ea19ff1affaaf7" ON "calendar_feed" ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a0b1d1c7619ea19ff1affaaf7"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}
