import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddAuth1795451489346 implements MigrationInterface {
  name = "AddAuth1795451489346";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_30e98e8746699fb9af235410af" ON "session" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a83507eb0338ac037780e02f2b" ON "session" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_2223e981900a413ce4ce6386f9" ON "session" ("expires_at") `);
    await queryRunner.query(`CREATE TYPE "public"."one_time_token_purpose" AS ENUM('invitation', 'password_reset', 'sign_in_link')`);
    await queryRunner.query(`CREATE TABLE "one_time_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" "public"."one_time_token_purpose" NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_956e3dd6580e4829e05ab460808" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8b28059f6bee21e69d42224bbb" ON "one_time_token" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5a751ff4e9106ceddfd3417de6" ON "one_time_token" ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "sign_in_attempt" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "ip" text NOT NULL, "succeeded" boolean NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7708f8d7d88593210f3d359f81d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e089d7dcd1687598e43c7c87cc" ON "sign_in_attempt" ("ip", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_da4be4a179c1bd16e8dc0199b6" ON "sign_in_attempt" ("email", "at") `);
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_id" uuid, "action" text NOT NULL, "entity_type" text, "entity_id" text, "before" jsonb, "after" jsonb, "request_id" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_15a6f5aad57db494c17986ed2e" ON "audit_log" ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_951e6339a77994dfbad976b35c" ON "audit_log" ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log" ("entity_type", "entity_id") `);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_30e98e8746699fb9af235410aff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "one_time_token" ADD CONSTRAINT "FK_8b28059f6bee21e69d42224bbb1" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "one_time_token" DROP CONSTRAINT "FK_8b28059f6bee21e69d42224bbb1"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_30e98e8746699fb9af235410aff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_43fef0ec7f613c19c612fffe62"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_951e6339a77994dfbad976b35c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15a6f5aad57db494c17986ed2e"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_da4be4a179c1bd16e8dc0199b6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e089d7dcd1687598e43c7c87cc"`);
    await queryRunner.query(`DROP TABLE "sign_in_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5a751ff4e9106ceddfd3417de6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8b28059f6bee21e69d42224bbb"`);
    await queryRunner.query(`DROP TABLE "one_time_token"`);
    await queryRunner.query(`DROP TYPE "public"."one_time_token_purpose"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2223e981900a413ce4ce6386f9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a83507eb0338ac037780e02f2b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_30e98e8746699fb9af235410af"`);
    await queryRunner.query(`DROP TABLE "session"`);
  }
}
