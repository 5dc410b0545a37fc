import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from "type-graphql";
import { z } from "zod";
import { LIMITS, SynonymGroup } from "@remissbanken/schema";
import { analyzePhrase } from "@remissbanken/indexer";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { loadForUpdate } from "../common/crud.js";
import { badInput, DomainError } from "../common/errors.js";
import { inTransaction } from "../common/transaction.js";
import { parseInput, v } from "../common/validation.js";

@InputType()
class AddSynonymGroupInput {
  @Field(() => [String], { description: "2–10 words or phrases search treats as the same, e.g. [\"SCB\", \"Statistiska centralbyrån\"]." })
  phrases: string[];
}

@InputType()
class UpdateSynonymGroupInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => [String], { description: "Replaces the group's phrases." })
  phrases: string[];
}

const phrases = z
  .array(v.line(LIMITS.synonymPhraseLength))
  .min(LIMITS.synonymPhrasesMin, `must hold at least ${LIMITS.synonymPhrasesMin} phrases`)
  .max(LIMITS.synonymPhrasesMax, `must hold at most ${LIMITS.synonymPhrasesMax} phrases`)
  .superRefine((list, ctx) => {
    // Search compares phrases as analysed: "äldreomsorgen" and "äldreomsorg" are one phrase.
    const seen = new Map<string, number>();
    list.forEach((phrase, index) => {
      const analysed = analyzePhrase(phrase);
      if (!analysed) {
        ctx.addIssue({ code: "custom", path: [index], message: "must contain a word" });
      } else if (seen.has(analysed)) {
        ctx.addIssue({ code: "custom", path: [index], message: `says the same as "${list[seen.get(analysed)!]}"`, params: { reason: "DUPLICATE" } });
      } else {
        seen.set(analysed, index);
      }
    });
  });
const addSchema = z.object({ phrases });
const updateSchema = z.object({ id: v.uuid, expectedVersion: z.number().int().nullish(), phrases });

/** A phrase may stand in one group only: in two, each would drag the other group's words along. */
async function refuseTaken(m: import("typeorm").EntityManager, list: string[], exceptId: string | null): Promise<void> {
  const wanted = new Map(list.map((phrase) => [analyzePhrase(phrase), phrase]));
  const others = await m.getRepository(SynonymGroup).find();
  for (const group of others) {
    if (group.id === exceptId) continue;
    const clash = group.phrases.find((phrase) => wanted.has(analyzePhrase(phrase)));
    if (clash) {
      const index = list.indexOf(wanted.get(analyzePhrase(clash))!);
      throw new DomainError("CONFLICT", "DUPLICATE", `"${list[index]}" is already in the group of "${group.phrases[0]}" (${group.code}).`, [
        { field: `phrases.${index}`, message: `is already in the group "${group.phrases.join(", ")}"` },
      ]);
    }
  }
}

/** A stable code from the first phrase: "Statistiska centralbyrån" → statistiska-centralbyran. */
async function newCode(m: import("typeorm").EntityManager, phrase: string): Promise<string> {
  const base =
    phrase
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "grupp";
  const taken = new Set(
    ((await m.query(`SELECT code FROM synonym_group WHERE code = $1 OR code LIKE $2`, [base, `${base}-%`])) as Array<{ code: string }>).map(
      (row) => row.code,
    ),
  );
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/** The search thesaurus; the indexer applies every change to Meilisearch's synonyms through the outbox. */
@Resolver(() => SynonymGroup)
export class ThesaurusResolver {
  @Query(() => [SynonymGroup], { description: "The search thesaurus: groups of words and phrases search treats as the same (staff)." })
  thesaurus(@Ctx() ctx: Context) {
    authorize(ctx.actor, "thesaurus", "read");
    return ctx.ds.getRepository(SynonymGroup).createQueryBuilder("g").orderBy("lower(g.phrases[1])", "ASC").addOrderBy("g.code").getMany();
  }

  @Mutation(() => SynonymGroup)
  addSynonymGroup(@Arg("input", () => AddSynonymGroupInput) input: AddSynonymGroupInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "thesaurus", "write");
    const data = parseInput(addSchema, input);
    return inTransaction(ctx, async (m) => {
      await refuseTaken(m, data.phrases, null);
      return m.save(m.create(SynonymGroup, { code: await newCode(m, data.phrases[0]), phrases: data.phrases }));
    });
  }

  @Mutation(() => SynonymGroup)
  updateSynonymGroup(@Arg("input", () => UpdateSynonymGroupInput) input: UpdateSynonymGroupInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "thesaurus", "write");
    const data = parseInput(updateSchema, input);
    return inTransaction(ctx, async (m) => {
      const group = await loadForUpdate(m, SynonymGroup, "Synonym group", data.id, data.expectedVersion);
      await refuseTaken(m, data.phrases, group.id);
      group.phrases = data.phrases;
      return m.save(group);
    });
  }

  @Mutation(() => ID, { description: "Removes a synonym group; returns its id." })
  removeSynonymGroup(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "thesaurus", "write");
    if (!z.string().uuid().safeParse(id).success) throw badInput("id: must be an id", [{ field: "id", message: "must be an id" }]);
    return inTransaction(ctx, async (m) => {
      const group = await loadForUpdate(m, SynonymGroup, "Synonym group", id);
      await m.remove(group);
      return id;
    });
  }
}
