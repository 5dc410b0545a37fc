import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ImportRun, ImportSource, Remiss, RemissPublishedResponse, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { DomainError } from "../common/errors.js";
import { importRemissFromUrl } from "./regeringen/remiss-from-url.js";

const MAX_RUNS = 100;

@ObjectType({ description: "A remiss page of regeringen.se imported on staff's request." })
export class RemissImport {
  @Field(() => Remiss)
  remiss!: Remiss;

  @Field(() => Boolean, { description: "False when the remiss was tracked already and is now updated from the page." })
  created!: boolean;
}

@ArgsType()
class ImportRunArgs {
  @Field(() => Int, { nullable: true, description: `How many, newest first; default 20, at most ${MAX_RUNS}.` })
  first?: number | null;

  @Field(() => ImportSource, { nullable: true })
  source?: ImportSource | null;
}

@Resolver()
export class ImportResolver {
  @Mutation(() => RemissImport, {
    description:
      "Fetches a remiss page of regeringen.se (https://www.regeringen.se/remisser/…; no other address is asked) and adds or updates the remiss " +
      "and its report, as `npm run import:remiss` does. Staff only. BAD_USER_INPUT with reason SOURCE_NOT_ALLOWED or NOT_A_REMISS_PAGE; " +
      "SERVICE_UNAVAILABLE (SOURCE_UNAVAILABLE) when regeringen.se does not answer.",
  })
  importRemissFromUrl(@Arg("url", () => String) url: string, @Ctx() ctx: Context): Promise<RemissImport> {
    authorize(ctx.actor, "sourceImport", "run");
    if (!ctx.sources) throw new DomainError("SERVICE_UNAVAILABLE", "SOURCE_UNAVAILABLE", "Imports run only in the API server.");
    return importRemissFromUrl(ctx.ds, url, ctx.sources.regeringenBaseUrl, ctx.actor.id);
  }

  @Query(() => [ImportRun], { description: "The latest import runs (commands, the schedule, staff's imports from a link), newest first. Staff only." })
  importRuns(@Args(() => ImportRunArgs) { first, source }: ImportRunArgs, @Ctx() ctx: Context): Promise<ImportRun[]> {
    authorize(ctx.actor, "sourceImport", "readRuns");
    return ctx.ds.getRepository(ImportRun).find({
      where: source ? { source } : {},
      order: { startedAt: "DESC", id: "DESC" },
      take: Math.min(Math.max(first ?? 20, 1), MAX_RUNS),
    });
  }
}

@Resolver(() => ImportRun)
export class ImportRunResolver {
  @FieldResolver(() => User, { nullable: true, description: "The staff member who started the run in the web app; null for commands and the schedule." })
  startedBy(@Root() run: ImportRun, @Ctx() ctx: Context) {
    return run.startedById ? ctx.loaders.visibleUser.load(run.startedById) : null;
  }
}

@Resolver(() => Remiss)
export class RemissPublishedResponseResolver {
  @FieldResolver(() => [RemissPublishedResponse], {
    description: "The responses other organisations sent, as published on the remiss page of regeringen.se (imported), by organisation.",
  })
  publishedResponses(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.publishedResponsesByRemiss.load(remiss.id);
  }
}
