import { Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { DateTime } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";

@ObjectType({ description: "Whether search is in step with the database." })
class SearchStatus {
  @Field(() => Boolean, { description: "Meilisearch answers; when false, search answers from PostgreSQL (degraded)." })
  engineAvailable: boolean;

  @Field(() => Int, { description: "Changes not yet in the search index." })
  pendingChanges: number;

  @Field(() => Int, { description: "Pending changes that failed at least once and wait to be retried." })
  retryingChanges: number;

  @Field(() => DateTime, { nullable: true, description: "When the oldest pending change was made." })
  oldestPendingAt: Date | null;

  @Field(() => String, { nullable: true, description: "The latest error of a pending change." })
  lastError: string | null;
}

@Resolver()
export class SearchStatusResolver {
  @Query(() => SearchStatus, { description: "How far search lags behind the database (staff and admin)." })
  async searchStatus(@Ctx() ctx: Context): Promise<SearchStatus> {
    authorize(ctx.actor, "searchStatus", "read");
    const [[row], engineAvailable] = await Promise.all([
      ctx.ds.query(
        `SELECT count(*)::int AS pending,
                count(*) FILTER (WHERE attempts > 0)::int AS retrying,
                min(created_at) AS oldest,
                (array_agg(last_error ORDER BY id DESC) FILTER (WHERE last_error IS NOT NULL))[1] AS last_error
         FROM change_event WHERE processed_at IS NULL`,
      ),
      ctx.search?.engineAvailable() ?? false,
    ]);
    return {
      engineAvailable,
      pendingChanges: row.pending,
      retryingChanges: row.retrying,
      oldestPendingAt: row.oldest,
      lastError: row.last_error,
    };
  }
}
