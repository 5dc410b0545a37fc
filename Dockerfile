# One image for the API and the indexer; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY api/package.json api/
COPY indexer/package.json indexer/
COPY test/package.json test/
# TypeScript runs through tsx (see docs/decisions/002-typescript-runtime.md), so dev dependencies stay.
RUN npm ci --include=dev && npm cache clean --force
COPY tsconfig.json ./
COPY schema schema
COPY api api
COPY indexer indexer
USER node
EXPOSE 4000
CMD ["npx", "tsx", "api/src/start.ts"]
