import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";

/**
 * One log line per GraphQL request: method, path, operation, status, duration and error
 * codes. The message repeats them for a person reading a terminal (pino-pretty prints
 * each entry on one line); the fields are for machines. Never the query text or
 * variables, which may hold passwords, tokens or member input.
 */
export function requestLogPlugin(path: string): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, errors, response }) {
          // The codes the client received: the formatted errors, after DomainErrors were mapped.
          const sent = response.body.kind === "single" ? response.body.singleResult.errors : errors;
          const codes = sent?.map((e) => e.extensions?.code ?? "INTERNAL_SERVER_ERROR");
          const entry = {
            method: request.http?.method ?? "POST",
            path,
            operationName: operationName?.slice(0, 100) ?? null,
            operationType: operation?.operation ?? null,
            status: response.http.status ?? 200,
            durationMs: Math.round(performance.now() - started),
            ...(codes?.length ? { errorCodes: codes } : {}),
          };
          const summary = [
            entry.method,
            entry.path,
            entry.operationName ?? entry.operationType ?? "-",
            entry.status,
            `${entry.durationMs} ms`,
            ...(codes?.length ? [codes.join(",")] : []),
          ].join(" ");
          contextValue.log.info({ request: entry }, `graphql request ${summary}`);
        },
      };
    },
  };
}
