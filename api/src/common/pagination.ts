import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { LIMITS } from "@remissbanken/schema";
import { badInput } from "./errors.js";

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${LIMITS.maxPageSize}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor from a previous page's pageInfo.endCursor." })
  after?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `Node`, e.g. DocumentConnection. */
export function ConnectionType<T extends object>(node: ClassType<T>, name = node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [node], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return LIMITS.defaultPageSize;
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.maxPageSize) {
    throw badInput(`first must be between 1 and ${LIMITS.maxPageSize}.`, [{ field: "first", message: "out of range" }]);
  }
  return first;
}

type SortValue = string | number | null;

export interface SortKey {
  /** SQL expression on the query's alias, e.g. "d.published_at". */
  expression: string;
  direction: "ASC" | "DESC";
  /** Reads the key's value from a loaded row, for the cursor. */
  read: (row: any) => SortValue;
}

function encodeCursor(values: SortValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function decodeCursor(cursor: string, length: number): SortValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through
  }
  throw badInput("The cursor is not valid for this list.", [{ field: "after", message: "invalid cursor" }]);
}

/**
 * Keyset pagination: orders by the given keys (the last one must be unique, e.g.
 * the id) and continues strictly after the cursor's values. NULLs sort last.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keys: SortKey[],
  args: PageArgs,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const totalCount = await query.clone().getCount();

  keys.forEach((key, i) => {
    if (i === 0) query.orderBy(key.expression, key.direction, "NULLS LAST");
    else query.addOrderBy(key.expression, key.direction, "NULLS LAST");
  });

  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    const clauses: string[] = [];
    const params: Record<string, SortValue> = {};
    keys.forEach((_, i) => {
      const parts: string[] = [];
      for (let j = 0; j < i; j++) parts.push(equals(keys[j], values[j], `c${j}`, params));
      parts.push(after(keys[i], values[i], `c${i}`, params));
      clauses.push(`(${parts.join(" AND ")})`);
    });
    query.andWhere(`(${clauses.join(" OR ")})`, params);
  }

  const rows = await query.take(limit + 1).getMany();
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keys.map((k) => k.read(node))) }));
  return {
    edges,
    nodes: page,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function equals(key: SortKey, value: SortValue, name: string, params: Record<string, SortValue>): string {
  if (value === null) return `${key.expression} IS NULL`;
  params[name] = value;
  return `${key.expression} = :${name}`;
}

function after(key: SortKey, value: SortValue, name: string, params: Record<string, SortValue>): string {
  // With NULLS LAST, everything after a NULL is NULL too, and a non-NULL value is followed by NULLs.
  if (value === null) return "FALSE";
  params[name] = value;
  const op = key.direction === "ASC" ? ">" : "<";
  return `(${key.expression} ${op} :${name} OR ${key.expression} IS NULL)`;
}

export const byId = (alias: string): SortKey => ({ expression: `${alias}.id`, direction: "ASC", read: (r) => r.id });
// Truncated to milliseconds: JavaScript dates in cursors cannot carry PostgreSQL's microseconds.
export const byTimestamp = (alias: string, column: string, property: string, direction: "ASC" | "DESC" = "DESC"): SortKey => ({
  expression: `date_trunc('milliseconds', ${alias}.${column})`,
  direction,
  read: (r) => (r[property] instanceof Date ? r[property].toISOString() : r[property]),
});
export const byColumn = (alias: string, column: string, property: string, direction: "ASC" | "DESC" = "ASC"): SortKey => ({
  expression: `${alias}.${column}`,
  direction,
  read: (r) => r[property] ?? null,
});
