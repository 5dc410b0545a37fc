import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddCaseInsensitiveDiarienummer1795454612287 implements MigrationInterface {
  name = "AddCaseInsensitiveDiarienummer1795454612287";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_971c6ec6e21fd58d8a064ad55d"`);
    // "Fi2011/4105" and "FI2011/4105" are the same diarienummer.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "remiss_diarienummer_unique" ON "remiss" (lower("diarienummer")) WHERE diarienummer IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."remiss_diarienummer_unique"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_971c6ec6e21fd58d8a064ad55d" ON "remiss" ("diarienummer") WHERE (diarienummer IS NOT NULL)`);
  }
}
