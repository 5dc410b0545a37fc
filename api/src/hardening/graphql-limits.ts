import {
  GraphQLError, Kind,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
  type ValidationRule,
} from "graphql";
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

/** The parts of graphql's types the cost walk needs, read structurally: graphql may be loaded twice (ESM and CJS). */
interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: () => Record<string, { type: TypeLike }>;
  toString(): string;
}

function named(type: TypeLike): TypeLike {
  let t = type;
  while (t.ofType) t = t.ofType;
  return t;
}

const isList = (type: TypeLike) => String(type).replace(/!$/, "").startsWith("[");

function intArgument(node: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const value = arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : arg.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Estimated cost of an operation: 1 per field plus its children, times the page
 * size for connections (capped at the largest allowed page; larger values fail
 * in the resolver with a clear message) and times a small constant for unpaged
 * lists. Introspection is free; fragments are counted where they are spread.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fragmentCost = new Map<string, number>();

  const cost = (selectionSet: SelectionSetNode, parent: TypeLike | undefined, visiting: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        const field = parent?.getFields?.()[selection.name.value];
        if (!field) continue; // unknown fields are reported by validation
        const children = selection.selectionSet ? cost(selection.selectionSet, named(field.type), visiting) : 0;
        if (named(field.type).name?.endsWith("Connection")) {
          const first = intArgument(selection, "first", variables);
          total += 1 + children * (first && first > 0 ? Math.min(first, LIMITS.maxPageSize) : LIMITS.defaultPageSize);
        } else if (isList(field.type) && !parent?.name?.endsWith("Connection")) {
          // A connection's edges and nodes are already counted by its page size.
          total += 1 + children * UNPAGED_LIST_SIZE;
        } else {
          total += 1 + children;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as TypeLike | undefined) : parent;
        total += cost(selection.selectionSet, type, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        if (!fragmentCost.has(name)) {
          const type = schema.getType(fragment.typeCondition.name.value) as TypeLike | undefined;
          fragmentCost.set(name, cost(fragment.selectionSet, type, new Set([...visiting, name])));
        }
        total += fragmentCost.get(name)!;
      }
    }
    return total;
  };

  const root = (operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "query" ? schema.getQueryType() : schema.getSubscriptionType()) as TypeLike | null;
  return root ? cost(operation.selectionSet, root, new Set()) : 0;
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
