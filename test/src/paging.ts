import { expect } from "vitest";
import type { GraphQLResult, TestApi } from "./harness.js";

/**
 * Walks a connection page by page with `first`/`after` and returns the node ids in
 * order. `query` takes $first and $after (and any other variables given) and
 * selects `edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount`
 * on the field named `field`.
 */
export async function walkPages(
  api: TestApi,
  query: string,
  field: string,
  options: { first: number; variables?: Record<string, unknown>; token?: string },
): Promise<{ ids: string[]; pages: number; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = -1;
  for (;;) {
    const result: GraphQLResult = await api.gql(query, { ...options.variables, first: options.first, after }, { token: options.token });
    expect(result.errors).toBeUndefined();
    const connection: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } =
      result.data[field];
    pages++;
    totalCount = connection.totalCount;
    expect(connection.edges.length).toBeLessThanOrEqual(options.first);
    ids.push(...connection.edges.map((e) => e.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    expect(connection.edges).toHaveLength(options.first);
    after = connection.pageInfo.endCursor;
    expect(after).toEqual(connection.edges.at(-1)?.cursor);
    if (pages > 100) throw new Error("pagination does not end");
  }
  return { ids, pages, totalCount };
}
