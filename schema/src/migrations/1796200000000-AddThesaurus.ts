import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The search thesaurus, seeded with what Swedish public administration and municipal life
 * abbreviate or say in two ways. Staff edit it afterwards (/admin/synonymer); the outbox
 * trigger tells the indexer, which updates Meilisearch's synonyms (no reindex).
 */
export const DEFAULT_SYNONYM_GROUPS: Array<[code: string, phrases: string[]]> = [
  ["scb", ["SCB", "Statistiska centralbyrån"]],
  ["msb", ["MSB", "Myndigheten för samhällsskydd och beredskap"]],
  ["lss", ["LSS", "lagen om stöd och service till vissa funktionshindrade"]],
  ["skr", ["SKR", "Sveriges Kommuner och Regioner"]],
  ["boverket", ["Boverket", "Statens bostadsverk"]],
  ["pbl", ["PBL", "plan- och bygglagen"]],
  ["sol", ["SoL", "socialtjänstlagen"]],
  ["hvb", ["HVB", "hem för vård eller boende"]],
  ["va", ["VA", "vatten och avlopp"]],
  ["lou", ["LOU", "lagen om offentlig upphandling"]],
  ["kl", ["KL", "kommunallagen"]],
  ["osl", ["OSL", "offentlighets- och sekretesslagen"]],
  ["hsl", ["HSL", "hälso- och sjukvårdslagen"]],
  ["lvu", ["LVU", "lagen med särskilda bestämmelser om vård av unga"]],
  ["lvm", ["LVM", "lagen om vård av missbrukare"]],
  ["mb", ["MB", "miljöbalken"]],
  ["gdpr", ["GDPR", "dataskyddsförordningen"]],
  ["sfi", ["SFI", "svenska för invandrare"]],
  ["af", ["Arbetsförmedlingen", "AF"]],
  ["fk", ["Försäkringskassan", "FK"]],
  ["ivo", ["IVO", "Inspektionen för vård och omsorg"]],
  ["pts", ["PTS", "Post- och telestyrelsen"]],
  ["lst", ["länsstyrelsen", "länsstyrelserna"]],
  ["ebo", ["EBO", "eget boende"]],
  ["lex-sarah", ["lex Sarah", "rapporteringsskyldighet om missförhållanden"]],
  ["aldreomsorg", ["äldreomsorg", "äldrevård"]],
  ["fritidshus", ["fritidshus", "sommarstuga", "fritidsbostad"]],
  ["glesbygd", ["glesbygd", "landsbygd"]],
  ["bredband", ["bredband", "bredbandsnät", "fibernät"]],
  ["hemtjanst", ["hemtjänst", "hemhjälp"]],
  ["sabo", ["särskilt boende", "äldreboende"]],
  ["forskola", ["förskola", "dagis"]],
  ["ekonomiskt-bistand", ["ekonomiskt bistånd", "försörjningsstöd", "socialbidrag"]],
  ["detaljplan", ["detaljplan", "stadsplan"]],
  ["utjamning", ["kostnadsutjämning", "utjämningssystemet"]],
  ["rtj", ["räddningstjänst", "brandförsvar"]],
];

export class AddThesaurus1796200000000 implements MigrationInterface {
  name = "AddThesaurus1796200000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "synonym_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "code" text NOT NULL, "phrases" text array NOT NULL, CONSTRAINT "PK_synonym_group" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_synonym_group_code" ON "synonym_group" ("code")`);
    // The indexer reloads the whole thesaurus on any event of this table.
    await queryRunner.query(`CREATE TRIGGER synonym_group_changed AFTER INSERT OR UPDATE OR DELETE ON "synonym_group" FOR EACH ROW EXECUTE FUNCTION record_change()`);
    for (const [code, phrases] of DEFAULT_SYNONYM_GROUPS) {
      await queryRunner.query(`INSERT INTO "synonym_group" (code, phrases, version) VALUES ($1, $2, 1)`, [code, phrases]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "synonym_group"`);
  }
}
