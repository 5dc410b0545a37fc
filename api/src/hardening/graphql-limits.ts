import {
  GraphQLError, Kind, getNamedType, getNullableType, isListType,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLOutputType, type GraphQLSchema, type SelectionSetNode, type ValidationRule,
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

/** Refuses operations nested deeper than `maxDepth` fields; introspection fields do not count. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentDepth = new Map<string, number>();

    const measure = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let max = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith("__")) continue;
          max = Math.max(max, 1 + (selection.selectionSet ? measure(selection.selectionSet, visiting) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, measure(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // Unknown and cyclic fragments are reported by graphql-js's own rules.
          if (!fragment || visiting.has(name)) continue;
          if (!fragmentDepth.has(name)) fragmentDepth.set(name, measure(fragment.selectionSet, new Set([...visiting, name])));
          max = Math.max(max, fragmentDepth.get(name)!);
        }
      }
      return max;
    };

    return {
      OperationDefinition(node) {
        const depth = measure(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`The query is nested ${depth} levels deep; at most ${maxDepth} are allowed.`, { nodes: [node] }));
        }
      },
    };
  };
}

/** Refuses documents with more than `maxAliases` aliased fields (alias floods). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias || reported) return;
        if (++aliases > maxAliases) {
          reported = true;
          context.reportError(new GraphQLError(`The query uses more than ${maxAliases} aliases.`, { nodes: [node] }));
        }
      },
    };
  };
}

// Its ESM build imports graphql's ESM files ("graphql/index.mjs"), a second graphql beside
// the CommonJS one the schema is built with; its CommonJS build shares ours.
const { getComplexity } = createRequire(import.meta.url)("graphql-query-complexity") as typeof import("graphql-query-complexity");

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

/** Refuses operations whose estimated cost exceeds `maxCost`, before anything runs. */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          const cost = operationCost(schema, document, operationName, request.variables ?? {});
          if (cost > maxCost) throw limitError(`The query is too expensive (cost ${cost}, at most ${maxCost}). Ask for fewer items or fields.`);
        },
      };
    },
  };
}
