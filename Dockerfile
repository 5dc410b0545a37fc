# One image for the API, the indexer and the web app; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY api/package.json api/
COPY indexer/package.json indexer/
COPY web/package.json web/
COPY test/package.json test/
# TypeScript runs through tsx (see docs/decisions/002-typescript-runtime.md), so dev dependencies stay.
RUN npm ci --include=dev && npm cache clean --force
COPY tsconfig.json ./
COPY schema schema
COPY api api
COPY indexer indexer
COPY web web
# The web app's production bundles (web/build/<hash of its sources>).
RUN npx tsx web/scripts/build.ts
USER node
EXPOSE 4000 3000
CMD ["npx", "tsx", "api/src/start.ts"]
