import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { SavedSearch } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { inTransaction } from "../common/transaction.js";
import { parseInput } from "../common/validation.js";
import { SearchFilter } from "../search/search.types.js";
import { SaveSearchInput, saveSearchSchema, UpdateSavedSearchInput, updateSavedSearchSchema } from "./saved-search.inputs.js";
import { deleteSavedSearch, mySavedSearches, saveSearch, updateSavedSearch } from "./saved-search.service.js";

@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  @Query(() => [SavedSearch], { description: "Your saved searches, by name." })
  mySavedSearches(@Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    return mySavedSearches(ctx.ds, ctx.actor);
  }

  @Mutation(() => SavedSearch, { description: "Saves a search; at its frequency you are emailed its new or changed matches that you may read." })
  saveSearch(@Arg("input", () => SaveSearchInput) input: SaveSearchInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    const values = parseInput(saveSearchSchema, input);
    return inTransaction(ctx, (m) => saveSearch(ctx.ds, m, actor, values));
  }

  @Mutation(() => SavedSearch)
  updateSavedSearch(@Arg("input", () => UpdateSavedSearchInput) input: UpdateSavedSearchInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    const values = parseInput(updateSavedSearchSchema, input);
    return inTransaction(ctx, (m) => updateSavedSearch(ctx.ds, m, actor, values));
  }

  @Mutation(() => Boolean)
  deleteSavedSearch(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    const { id: valid } = parseInput(updateSavedSearchSchema.pick({ id: true }), { id });
    return inTransaction(ctx, (m) => deleteSavedSearch(m, actor, valid));
  }

  @FieldResolver(() => SearchFilter)
  filters(@Root() saved: SavedSearch): SearchFilter {
    return saved.filters as SearchFilter;
  }
}
