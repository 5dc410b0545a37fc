import {
  GraphQLError, getNamedType, getNullableType, isListType,
  type DocumentNode, type GraphQLOutputType, type GraphQLSchema, type ValidationContext, type ValidationRule,
} from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { createRequire } from "node:module";
import type { ApolloServerPlugin } from "@apollo/server";
import { LIMITS } from "@remissbanken/schema";

export interface GraphQLLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** Lists without paging (a remiss's responses) are short; this is what each is assumed to hold. */
const UNPAGED_LIST_SIZE = 5;

const limitError = (message: string) =>
  new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } } });

// GraphQL Armor's rules, in their CommonJS builds: their ESM builds import graphql's ESM
// files ("graphql/index.mjs"), a second graphql beside the CommonJS one the schema is built with.
const require = createRequire(import.meta.url);
const { maxDepthRule } = require("@escape.tech/graphql-armor-max-depth") as typeof import("@escape.tech/graphql-armor-max-depth");
const { maxAliasesRule } = require("@escape.tech/graphql-armor-max-aliases") as typeof import("@escape.tech/graphql-armor-max-aliases");

/**
 * Armor's rules throw by default (and call every refusal a "Syntax Error"); reported through
 * the validation context instead, they answer like graphql-js's own rules: 400,
 * GRAPHQL_VALIDATION_FAILED, e.g. "Query depth limit of 12 exceeded, found 14."
 */
const reportInstead = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, "")))],
};

/** Refuses operations nested deeper than `maxDepth` fields, fragments followed; introspection fields do not count. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return maxDepthRule({ n: maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reportInstead }) as unknown as ValidationRule;
}

/** Refuses documents with more than `maxAliases` aliased fields (alias floods). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return maxAliasesRule({ n: maxAliases, ...reportInstead }) as unknown as ValidationRule;
}

// The same for graphql-query-complexity.
const { getComplexity } = require("graphql-query-complexity") as typeof import("graphql-query-complexity");

const isConnection = (type: GraphQLOutputType) => getNamedType(type).name.endsWith("Connection");

/**
 * How much one field costs, for graphql-query-complexity: 1 plus its children, times
 * the page size for connections (capped at the largest allowed page; larger values fail
 * in the resolver with a clear message) and times a small constant for unpaged lists.
 * Introspection is free.
 */
const remissbankenEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith("__")) return 0;
  if (isConnection(field.type)) {
    const first = typeof args.first === "number" && args.first > 0 ? Math.min(args.first, LIMITS.maxPageSize) : LIMITS.defaultPageSize;
    return 1 + childComplexity * first;
  }
  // A connection's edges and nodes are already counted by its page size.
  if (isListType(getNullableType(field.type)) && !type.name.endsWith("Connection")) return 1 + childComplexity * UNPAGED_LIST_SIZE;
  return 1 + childComplexity;
};

/** The estimated cost of an operation (graphql-query-complexity with the estimator above). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  try {
    return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables, estimators: [remissbankenEstimator] });
  } catch (error) {
    // Variables that do not fit their types: execution refuses them next, with BAD_USER_INPUT, before any resolver runs.
    if (error instanceof GraphQLError) return 0;
    throw error;
  }
}

/**
 * Costs already computed, per parsed document (Apollo keeps one per query text) and the
 * variables that can change a cost: numbers (page sizes) and booleans (@include, @skip).
 * Strings never do, so a search typed anew costs no new walk over its document.
 */
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();
const KNOWN_COSTS_PER_DOCUMENT = 200;

function cachedOperationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const key = `${operationName ?? ""}\u0000${JSON.stringify(variables, (_name, value) => (typeof value === "string" ? undefined : value))}`;
  let costs = knownCosts.get(document);
  if (!costs) knownCosts.set(document, (costs = new Map()));
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operationName, variables);
    if (costs.size >= KNOWN_COSTS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
  }
  return cost;
}

/** Refuses operations whose estimated cost exceeds `maxCost`, before anything runs. */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          const cost = cachedOperationCost(schema, document, operationName, request.variables ?? {});
          if (cost > maxCost) throw limitError(`The query is too expensive (cost ${cost}, at most ${maxCost}). Ask for fewer items or fields.`);
        },
      };
    },
  };
}
