/**
 * While PostgreSQL is away every GraphQL request answers HTTP 503 with
 * `extensions.code: "SERVICE_UNAVAILABLE"` (the web app shows its "try again shortly" page),
 * never a masked "Internal server error". The connection pool reconnects by itself once the
 * database is back, so nothing else has to happen.
 */
import { GraphQLError } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { isDatabaseUnreachable } from "@remissbanken/schema/engines/unreachable";
import { databaseUnavailable } from "./errors.js";

const STATUS = 503;

/**
 * For failures while building the context (the session lookup is the first query of most
 * requests): Apollo would answer 500 "Context creation failed"; the formatter shows the domain error.
 */
export function unavailableIfDatabaseAway(error: unknown): unknown {
  if (!isDatabaseUnreachable(error)) return error;
  const domain = databaseUnavailable();
  return new GraphQLError(domain.message, { originalError: domain, extensions: { code: domain.code, http: { status: STATUS, headers: new Map([["retry-after", "5"]]) } } });
}

/** For failures inside resolvers: the formatter has mapped them; the response's status follows. */
export function databaseUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")) {
            response.http.status = STATUS;
            response.http.headers.set("retry-after", "5");
          }
        },
      };
    },
  };
}
