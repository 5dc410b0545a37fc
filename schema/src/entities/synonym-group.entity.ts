import { Column, Entity, Index } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { TrackedEntity } from "./base.js";

/**
 * Words and phrases search treats as the same (SCB, Statistiska centralbyrån). Staff edit
 * them; the indexer applies them as Meilisearch synonyms and the fallback as alternatives.
 */
@ObjectType()
@Entity("synonym_group")
export class SynonymGroup extends TrackedEntity {
  /** Stable key: seeded groups keep theirs, new ones get one from their first phrase. */
  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: "text" })
  code: string;

  @Field(() => [String])
  @Column({ type: "text", array: true })
  phrases: string[];
}
