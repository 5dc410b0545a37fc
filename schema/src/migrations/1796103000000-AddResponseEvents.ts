import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddResponseEvents1796103000000 implements MigrationInterface {
  name = "AddResponseEvents1796103000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."response_event_kind" AS ENUM('requested_approval', 'returned_to_draft', 'approved', 'submitted')`);
    await queryRunner.query(`CREATE TABLE "response_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "response_id" uuid NOT NULL, "kind" "public"."response_event_kind" NOT NULL, "version" integer NOT NULL, "actor_id" uuid, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d0cf10883691b79d3799b9716d4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_32c4151de20f77cedb9d68897d" ON "response_event" ("response_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "response_event" ADD CONSTRAINT "FK_103c72f1d6f090957e6abce1aa5" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "response_event" ADD CONSTRAINT "FK_5c9362ab7a94ed7f01cdff876a9" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "response_event" DROP CONSTRAINT "FK_5c9362ab7a94ed7f01cdff876a9"`);
    await queryRunner.query(`ALTER TABLE "response_event" DROP CONSTRAINT "FK_103c72f1d6f090957e6abce1aa5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32c4151de20f77cedb9d68897d"`);
    await queryRunner.query(`DROP TABLE "response_event"`);
    await queryRunner.query(`DROP TYPE "public"."response_event_kind"`);
  }
}
