import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { QueryFailedError } from "typeorm";
import { isDatabaseUnreachable } from "@remissbanken/schema/engines/unreachable";
import type { Logger } from "pino";

/** The stable categories a client can rely on in `extensions.code`. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "SERVICE_UNAVAILABLE";

/** Named domain failures; `extensions.reason` carries them for clients that care. */
export type DomainReason =
  | "INVALID_INPUT"
  | "INVALID_DESIGNATION"
  | "DESIGNATION_KIND_MISMATCH"
  | "DUPLICATE"
  | "MEMBER_DEADLINE_AFTER_DEADLINE"
  | "DEADLINE_PASSED"
  | "STALE_VERSION"
  | "DUPLICATE_SECTION_NUMBER"
  | "INVALID_TRANSITION"
  | "ARCHIVED"
  | "IN_USE"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIALS"
  | "INVALID_LINK"
  | "RATE_LIMITED"
  | "INVALID_TOKEN"
  | "DATABASE_UNAVAILABLE"
  | "SOURCE_NOT_ALLOWED"
  | "NOT_A_REMISS_PAGE"
  | "SOURCE_UNAVAILABLE"
  | "UNKNOWN_NOTIFICATION_KIND"
  | "NOTIFICATION_KIND_NOT_FOR_ROLE"
  | "QUESTION_ANSWERED"
  | "NO_INPUT_REQUEST"
  | "TOO_MANY_SAVED_SEARCHES"
  | "UNKNOWN_FILTER";

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends Error {
  override name = "DomainError";

  constructor(
    readonly code: ErrorCode,
    readonly reason: DomainReason,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export const badInput = (message: string, fields: FieldProblem[] = [], reason: DomainReason = "INVALID_INPUT") =>
  new DomainError("BAD_USER_INPUT", reason, message, fields);
export const notFound = (what: string, id: string) =>
  new DomainError("NOT_FOUND", "NOT_FOUND", `${what} ${id} was not found.`);
export const conflict = (reason: DomainReason, message: string) => new DomainError("CONFLICT", reason, message);
export const forbidden = (message = "You are not allowed to do this.") =>
  new DomainError("FORBIDDEN", "FORBIDDEN", message);
export const unauthenticated = () =>
  new DomainError("UNAUTHENTICATED", "UNAUTHENTICATED", "Sign in to use Remissbanken.");
/** PostgreSQL is away (crashed, restarting, unreachable): the client may simply try again. */
export const databaseUnavailable = () =>
  new DomainError("SERVICE_UNAVAILABLE", "DATABASE_UNAVAILABLE", "The database is not reachable; try again shortly.");

/** Client-facing errors that graphql-js itself raises (parse and validation errors). */
const GRAPHQL_CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

function isGraphQLError(error: unknown): boolean {
  return error instanceof GraphQLError || (error as Error | null)?.name === "GraphQLError";
}

/** Maps a database constraint violation, or a database that is away, to the domain failure it means. */
export function fromDatabaseError(error: unknown): DomainError | null {
  if (isDatabaseUnreachable(error)) return databaseUnavailable();
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  switch (driverError.code) {
    case "23505":
      return conflict("DUPLICATE", `Something with the same ${describeConstraint(driverError)} already exists.`);
    case "23503":
      return badInput(`A referenced object does not exist or is still in use (${driverError.constraint ?? "foreign key"}).`, [], "IN_USE");
    case "23514":
      return badInput(`The values break a rule (${driverError.constraint ?? "check"}).`);
    case "22P02":
    case "22007":
    case "22008":
      return badInput("A value has the wrong format.");
    case "22021":
    case "22P05":
      return badInput("The text contains characters that cannot be stored, such as a null byte.");
    case "40001":
      return conflict("STALE_VERSION", "Someone else changed this at the same time. Reload and try again.");
    default:
      return null;
  }
}

function describeConstraint(driverError: { detail?: string }): string {
  const match = /Key \(([^)]+)\)=/.exec(driverError.detail ?? "");
  return match ? match[1].replace(/_/g, " ") : "key";
}

/**
 * Apollo's formatError: domain errors keep their message and code, anything
 * unexpected is logged with the request id and masked.
 */
export function createErrorFormatter(logger: Logger, exposeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Duck-typed: graphql may be loaded twice (ESM and CJS builds), which defeats instanceof.
    const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
    const domain = original instanceof DomainError ? original : fromDatabaseError(original);
    if (domain) {
      return {
        message: domain.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: domain.code,
          reason: domain.reason,
          ...(domain.fields.length ? { fields: domain.fields } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && GRAPHQL_CLIENT_CODES.has(code)) {
      return { ...formatted, extensions: { code } };
    }
    if (isGraphQLError(original)) {
      // Errors graphql-js raises for bad arguments (e.g. an invalid scalar) are the client's.
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: "BAD_USER_INPUT" } };
    }
    logger.error({ err: original, path: formatted.path }, "unexpected error");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: "INTERNAL_SERVER_ERROR",
        ...(exposeStack && original instanceof Error ? { stacktrace: original.stack?.split("\n") } : {}),
      },
    };
  };
}
