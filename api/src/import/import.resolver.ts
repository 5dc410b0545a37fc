import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { Remiss } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { DomainError } from "../common/errors.js";
import { importRemissFromUrl } from "./regeringen/remiss-from-url.js";

@ObjectType({ description: "A remiss page of regeringen.se imported on staff's request." })
export class RemissImport {
  @Field(() => Remiss)
  remiss!: Remiss;

  @Field(() => Boolean, { description: "False when the remiss was tracked already and is now updated from the page." })
  created!: boolean;
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
}
