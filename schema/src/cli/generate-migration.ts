/**
 * Writes a migration with the difference between the entities and the database
 * that the existing migrations produce, using a throwaway embedded PostgreSQL.
 * Usage: npm run migration:generate -- AddSomething
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../engines/postgres.js";
import { createDataSource } from "../data-source.js";

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error("Usage: npm run migration:generate -- PascalCaseName");
  process.exit(1);
}
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-migrate-"));
const pg = await startEmbeddedPostgres({ dataDir });
try {
  const ds = createDataSource(pg.url);
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log("No changes.");
  } else {
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (s: string) => "`" + s.replace(/`/g, "\\`") + "`";
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join("\n");
    const down = sql.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join("\n");
    const file = path.join(import.meta.dirname, "..", "migrations", `${timestamp}-${name}.ts`);
    await fs.writeFile(
      file,
      `import type { MigrationInterface, QueryRunner } from "typeorm";\n\nexport class ${className} implements MigrationInterface {\n  name = "${className}";\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${path.relative(process.cwd(), file)}; add it to schema/src/migrations/index.ts.`);
  }
} finally {
  await pg.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
