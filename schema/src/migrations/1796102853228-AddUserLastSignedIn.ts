import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddUserLastSignedIn1796102853228 implements MigrationInterface {
  name = "AddUserLastSignedIn1796102853228";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "last_signed_in_at" TIMESTAMP WITH TIME ZONE`);
    // People who signed in before the column existed: their newest session, or, for those whose
    // sessions have expired and been purged, "some time" (they have set a password, so not invited).
    await queryRunner.query(`
      UPDATE "app_user" u SET "last_signed_in_at" = coalesce(
        (SELECT max(s."created_at") FROM "session" s WHERE s."user_id" = u."id"),
        CASE WHEN u."password_hash" IS NOT NULL THEN u."updated_at" END)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "last_signed_in_at"`);
  }
}
