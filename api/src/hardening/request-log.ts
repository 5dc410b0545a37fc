import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";

/**
 * One log line per GraphQL request: operation, duration and error codes. Never
 * the query text or variables, which may hold passwords, tokens or member input.
 */
export function requestLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, errors, response }) {
          // The codes the client received: the formatted errors, after DomainErrors were mapped.
          const sent = response.body.kind === "single" ? response.body.singleResult.errors : errors;
          const codes = sent?.map((e) => e.extensions?.code ?? "INTERNAL_SERVER_ERROR");
          contextValue.log.info(
            {
              operationName: operationName?.slice(0, 100) ?? null,
              operationType: operation?.operation ?? null,
              status: response.http.status ?? 200,
              durationMs: Math.round(performance.now() - started),
              ...(codes?.length ? { errorCodes: codes } : {}),
            },
            "graphql request",
          );
        },
      };
    },
  };
}
